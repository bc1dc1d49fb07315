import { useTranslation } from 'react-i18next';
import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';

import { type SeriesRow, periodRange } from '../utils/chart-rows';
import { formatCount } from '../utils/numbers';
import { ChartTooltip } from './chart-tooltip';
import { AXIS_PROPS, CHART_COLORS, CHART_HEIGHT, legendProps } from './chart-theme';

/** All fans and the active ones among them, per period: the gap between the areas is the sleeping fans. */
export function FansChart({ rows }: { rows: SeriesRow[] }) {
  const { t, i18n } = useTranslation();
  const count = (value: number) => formatCount(value, i18n.language);
  return (
    <AreaChart
      data={rows}
      responsive
      style={{ width: '100%', height: CHART_HEIGHT }}
      margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
    >
      <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
      <XAxis dataKey="label" {...AXIS_PROPS} minTickGap={16} />
      <YAxis {...AXIS_PROPS} width={56} tickFormatter={count} allowDecimals={false} />
      <Tooltip
        content={
          <ChartTooltip<SeriesRow>
            title={(row) => periodRange(row, i18n.language)}
            format={(value) => (value === null ? '—' : count(value))}
          />
        }
      />
      <Legend {...legendProps(['totalFans', 'activeFans'])} />
      <Area
        type="monotone"
        dataKey="totalFans"
        name={t('analytics.series.totalFans')}
        stroke={CHART_COLORS.total}
        fill={CHART_COLORS.inactive}
        fillOpacity={0.6}
        isAnimationActive={false}
      />
      <Area
        type="monotone"
        dataKey="activeFans"
        name={t('analytics.series.activeFans')}
        stroke={CHART_COLORS.active}
        fill={CHART_COLORS.active}
        fillOpacity={0.25}
        isAnimationActive={false}
      />
    </AreaChart>
  );
}
