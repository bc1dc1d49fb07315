import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from 'recharts';

import type { ChannelChartRow } from '../utils/chart-rows';
import { formatCount, formatPercentValue } from '../utils/numbers';
import { ChartTooltip } from './chart-tooltip';
import { AXIS_PROPS, CHART_COLORS, legendProps } from './chart-theme';

const BAR_ROW_HEIGHT = 36;

/**
 * One bar per channel: its active fans and the rest of its fans stacked to all fans, with the
 * channel's active ratio at the end of the bar.
 */
export function ChannelsChart({ rows }: { rows: ChannelChartRow[] }) {
  const { t, i18n } = useTranslation();
  if (rows.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="xl">
        {t('dashboard.channels.empty')}
      </Text>
    );
  }
  const count = (value: number) => formatCount(value, i18n.language);
  const data = rows.map((row) => ({
    ...row,
    name: t(`campaigns.channels.${row.channel}`),
    ratioLabel: row.ratioPercent === null ? '' : formatPercentValue(row.ratioPercent, i18n.language),
  }));
  return (
    <BarChart
      data={data}
      layout="vertical"
      responsive
      style={{ width: '100%', height: rows.length * BAR_ROW_HEIGHT + 72 }}
      margin={{ top: 0, right: 56, bottom: 0, left: 0 }}
    >
      <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
      <XAxis type="number" {...AXIS_PROPS} tickFormatter={count} allowDecimals={false} />
      <YAxis type="category" dataKey="name" {...AXIS_PROPS} width={88} />
      <Tooltip
        cursor={{ fill: 'var(--mantine-color-gray-1)' }}
        content={
          <ChartTooltip<(typeof data)[number]>
            title={(row) => `${row.name}: ${t('dashboard.channels.ratio', { ratio: row.ratioLabel || '—' })}`}
            format={(value) => (value === null ? '—' : count(value))}
          />
        }
      />
      <Legend {...legendProps(['activeFans', 'inactiveFans'])} />
      <Bar
        dataKey="activeFans"
        name={t('analytics.series.activeFans')}
        stackId="fans"
        fill={CHART_COLORS.active}
        isAnimationActive={false}
      />
      <Bar
        dataKey="inactiveFans"
        name={t('dashboard.channels.inactiveFans')}
        stackId="fans"
        fill={CHART_COLORS.inactive}
        radius={[0, 3, 3, 0]}
        isAnimationActive={false}
      >
        <LabelList dataKey="ratioLabel" position="right" fontSize={12} fill="var(--mantine-color-text)" />
      </Bar>
    </BarChart>
  );
}
