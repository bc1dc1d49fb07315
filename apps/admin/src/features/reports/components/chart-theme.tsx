// Colours and axis styling of every analytics chart, from the Mantine theme's CSS variables, so the
// charts match the rest of the admin (and would follow a change of the theme).
import type { LegendPayload } from 'recharts';

export const CHART_COLORS = {
  active: 'var(--mantine-color-fanfare-7)',
  total: 'var(--mantine-color-gray-5)',
  inactive: 'var(--mantine-color-gray-3)',
  newFans: 'var(--mantine-color-teal-6)',
  returningFans: 'var(--mantine-color-fanfare-4)',
  issued: 'var(--mantine-color-teal-6)',
  redeemed: 'var(--mantine-color-fanfare-7)',
  grid: 'var(--mantine-color-gray-2)',
  axis: 'var(--mantine-color-gray-4)',
} as const;

export const CHART_HEIGHT = 260;

export const AXIS_TICK = { fontSize: 12, fill: 'var(--mantine-color-dimmed)' } as const;

/** Props shared by every axis: small dimmed ticks and a quiet axis line. */
export const AXIS_PROPS = {
  tick: AXIS_TICK,
  stroke: CHART_COLORS.axis,
  tickLine: false,
} as const;

/**
 * Legend settings: series in the order given (recharts would sort them by name, which differs by
 * language), named in the text colour while the marker carries the series' colour.
 */
export function legendProps(dataKeys: readonly string[]) {
  return {
    wrapperStyle: { fontSize: 13, paddingTop: 8 },
    itemSorter: (item: LegendPayload) => dataKeys.indexOf(String(item.dataKey)),
    formatter: (value: string) => <span style={{ color: 'var(--mantine-color-text)' }}>{value}</span>,
  };
}
