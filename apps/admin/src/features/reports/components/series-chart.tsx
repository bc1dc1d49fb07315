import { useTranslation } from 'react-i18next';
import { CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';

import { type SeriesRow, periodRange } from '../utils/chart-rows';
import { formatCount, formatPercentValue } from '../utils/numbers';
import { ChartTooltip } from './chart-tooltip';
import { AXIS_PROPS, CHART_COLORS, legendProps } from './chart-theme';

const HEIGHT = 320;

/** Active and all fans on the left axis, the active ratio (dashed) in percent on the right. */
export function SeriesChart({ rows }: { rows: SeriesRow[] }) {
  const { t, i18n } = useTranslation();
  const count = (value: number) => formatCount(value, i18n.language);
  const percent = (value: number) => formatPercentValue(value, i18n.language);
  const dots = rows.length <= 31;
  return (
    <ComposedChart
      data={rows}
      responsive
      style={{ width: '100%', height: HEIGHT }}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
    >
      <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
      <XAxis dataKey="label" {...AXIS_PROPS} minTickGap={16} />
      <YAxis yAxisId="fans" {...AXIS_PROPS} width={56} tickFormatter={count} allowDecimals={false} />
      <YAxis
        yAxisId="ratio"
        orientation="right"
        {...AXIS_PROPS}
        width={56}
        domain={[0, 'auto']}
        tickFormatter={percent}
        allowDecimals={false}
      />
      <Tooltip
        content={
          <ChartTooltip<SeriesRow>
            title={(row) => periodRange(row, i18n.language)}
            format={(value, key) =>
              value === null
                ? t('analytics.noFansYet')
                : key === 'ratioPercent'
                  ? percent(value)
                  : count(value)
            }
          />
        }
      />
      <Legend {...legendProps(['totalFans', 'activeFans', 'ratioPercent'])} />
      <Line
        yAxisId="fans"
        type="monotone"
        dataKey="totalFans"
        name={t('analytics.series.totalFans')}
        stroke={CHART_COLORS.total}
        strokeWidth={2}
        dot={dots}
        isAnimationActive={false}
      />
      <Line
        yAxisId="fans"
        type="monotone"
        dataKey="activeFans"
        name={t('analytics.series.activeFans')}
        stroke={CHART_COLORS.active}
        strokeWidth={2.5}
        dot={dots}
        isAnimationActive={false}
      />
      <Line
        yAxisId="ratio"
        type="monotone"
        dataKey="ratioPercent"
        name={t('analytics.series.ratio')}
        stroke={CHART_COLORS.newFans}
        strokeWidth={2}
        strokeDasharray="6 4"
        dot={false}
        isAnimationActive={false}
      />
    </ComposedChart>
  );
}
