import { Box, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';

import { ErrorState } from '@/components/error-state';

import { CHART_HEIGHT } from './chart-theme';

interface ChartCardProps {
  title: string;
  description?: ReactNode;
  /** On the box around the chart, for tests. */
  testId?: string;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  /** Older data shown while newer loads: dimmed, so nobody reads it as the new range. */
  stale?: boolean;
  height?: number;
  children: ReactNode;
}

/** A titled card around one chart or table, with its loading skeleton and its error. */
export function ChartCard({
  title,
  description,
  testId,
  loading,
  error,
  onRetry,
  stale = false,
  height = CHART_HEIGHT,
  children,
}: ChartCardProps) {
  const titleId = useId();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={titleId} h="100%">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h5" id={titleId}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {loading ? (
          <Skeleton height={height} radius="md" aria-hidden />
        ) : error ? (
          <ErrorState error={error} onRetry={onRetry} />
        ) : (
          <Box
            data-testid={testId}
            aria-busy={stale}
            style={{ opacity: stale ? 0.55 : 1, transition: 'opacity 150ms ease' }}
          >
            {children}
          </Box>
        )}
      </Stack>
    </Paper>
  );
}

/** A query's state as ChartCard takes it. */
export function queryCardProps(query: UseQueryResult) {
  return {
    loading: query.isPending,
    error: query.isError ? query.error : null,
    onRetry: () => void query.refetch(),
    stale: query.isPlaceholderData,
  };
}
