import { Box, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { TooltipContentProps } from 'recharts';

interface ChartTooltipProps<Row> extends Partial<TooltipContentProps<number, string>> {
  /** The heading of the tooltip from the hovered row (e.g. the period's days). */
  title: (row: Row) => ReactNode;
  /** Each value as text; `key` is the series' dataKey. */
  format: (value: number | null, key: string) => string;
}

/** The hover card of every analytics chart: the row's heading and each series' value, in Mantine style. */
export function ChartTooltip<Row>({ active, payload, title, format }: ChartTooltipProps<Row>) {
  const first = payload?.[0];
  if (!active || !first) {
    return null;
  }
  return (
    <Paper withBorder shadow="sm" p="xs" radius="md">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {title(first.payload as Row)}
        </Text>
        {payload.map((entry) => {
          const key = String(entry.dataKey ?? entry.name ?? '');
          const value = typeof entry.value === 'number' ? entry.value : null;
          return (
            <Group key={key} gap="xs" wrap="nowrap" justify="space-between">
              <Group gap={6} wrap="nowrap">
                <Box w={10} h={10} style={{ borderRadius: 2, background: entry.color }} aria-hidden />
                <Text size="sm">{entry.name}</Text>
              </Group>
              <Text size="sm" fw={600}>
                {format(value, key)}
              </Text>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
