import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';

import { type SeriesRow, periodRange } from '../utils/chart-rows';
import { formatCount } from '../utils/numbers';
import { ChartTooltip } from './chart-tooltip';
import { AXIS_PROPS, CHART_COLORS, CHART_HEIGHT, legendProps } from './chart-theme';

/** Fans active in each period, split into those first seen in it and those who came back. */
export function NewReturningChart({ rows }: { rows: SeriesRow[] }) {
  const { t, i18n } = useTranslation();
  const count = (value: number) => formatCount(value, i18n.language);
  return (
    <BarChart
      data={rows}
      responsive
      style={{ width: '100%', height: CHART_HEIGHT }}
      margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
    >
      <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
      <XAxis dataKey="label" {...AXIS_PROPS} minTickGap={16} />
      <YAxis {...AXIS_PROPS} width={56} tickFormatter={count} allowDecimals={false} />
      <Tooltip
        cursor={{ fill: 'var(--mantine-color-gray-1)' }}
        content={
          <ChartTooltip<SeriesRow>
            title={(row) => periodRange(row, i18n.language)}
            format={(value) => (value === null ? '—' : count(value))}
          />
        }
      />
      <Legend {...legendProps(['newFans', 'returningFans'])} />
      <Bar
        dataKey="newFans"
        name={t('analytics.series.newFans')}
        stackId="fans"
        fill={CHART_COLORS.newFans}
        isAnimationActive={false}
      />
      <Bar
        dataKey="returningFans"
        name={t('analytics.series.returningFans')}
        stackId="fans"
        fill={CHART_COLORS.returningFans}
        radius={[3, 3, 0, 0]}
        isAnimationActive={false}
      />
    </BarChart>
  );
}
