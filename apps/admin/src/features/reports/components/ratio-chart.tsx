import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';

import { type SeriesRow, periodRange } from '../utils/chart-rows';
import { formatPercentValue } from '../utils/numbers';
import { ChartTooltip } from './chart-tooltip';
import { AXIS_PROPS, CHART_COLORS, CHART_HEIGHT } from './chart-theme';

/** The active-fan ratio per period, in percent; periods without fans are gaps. */
export function RatioChart({ rows }: { rows: SeriesRow[] }) {
  const { t, i18n } = useTranslation();
  const percent = (value: number) => formatPercentValue(value, i18n.language);
  return (
    <LineChart
      data={rows}
      responsive
      style={{ width: '100%', height: CHART_HEIGHT }}
      margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
    >
      <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
      <XAxis dataKey="label" {...AXIS_PROPS} minTickGap={16} />
      <YAxis {...AXIS_PROPS} width={56} domain={[0, 'auto']} tickFormatter={percent} allowDecimals={false} />
      <Tooltip
        content={
          <ChartTooltip<SeriesRow>
            title={(row) => periodRange(row, i18n.language)}
            format={(value) => (value === null ? t('analytics.noFansYet') : percent(value))}
          />
        }
      />
      <Line
        type="monotone"
        dataKey="ratioPercent"
        name={t('analytics.series.ratio')}
        stroke={CHART_COLORS.active}
        strokeWidth={2.5}
        dot={rows.length <= 31}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
