import type { OverviewReport } from '@fanfare/shared';
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';

import { type PointsRow, formatDay, pointsRows } from '../utils/chart-rows';
import { formatCount } from '../utils/numbers';
import { ChartTooltip } from './chart-tooltip';
import { AXIS_PROPS, CHART_COLORS, CHART_HEIGHT, legendProps } from './chart-theme';

/** Points issued and redeemed, in the previous range and in this one. */
export function PointsChart({ overview }: { overview: OverviewReport }) {
  const { t, i18n } = useTranslation();
  const count = (value: number) => formatCount(value, i18n.language);
  const data = pointsRows(overview).map((row) => ({ ...row, name: t(`dashboard.points.${row.range}`) }));
  const days = (row: PointsRow) =>
    `${formatDay(row.from, i18n.language)} – ${formatDay(row.to, i18n.language)}`;
  return (
    <Stack gap="xs">
      <BarChart
        data={data}
        responsive
        style={{ width: '100%', height: CHART_HEIGHT }}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey="name" {...AXIS_PROPS} />
        <YAxis {...AXIS_PROPS} width={64} tickFormatter={count} allowDecimals={false} />
        <Tooltip
          cursor={{ fill: 'var(--mantine-color-gray-1)' }}
          content={
            <ChartTooltip<(typeof data)[number]>
              title={(row) => `${row.name}: ${days(row)}`}
              format={(value) => (value === null ? '—' : count(value))}
            />
          }
        />
        <Legend {...legendProps(['pointsIssued', 'pointsRedeemed'])} />
        <Bar
          dataKey="pointsIssued"
          name={t('dashboard.kpis.pointsIssued')}
          fill={CHART_COLORS.issued}
          radius={[3, 3, 0, 0]}
          isAnimationActive={false}
        />
        <Bar
          dataKey="pointsRedeemed"
          name={t('dashboard.kpis.pointsRedeemed')}
          fill={CHART_COLORS.redeemed}
          radius={[3, 3, 0, 0]}
          isAnimationActive={false}
        />
      </BarChart>
      <Group gap="lg" justify="center">
        <Text size="sm">
          {t('dashboard.points.outstanding', { points: count(overview.current.outstandingPoints) })}
        </Text>
      </Group>
    </Stack>
  );
}
