import type { OverviewReport } from '@fanfare/shared';
import { Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { formatDay } from '../utils/chart-rows';
import { KPI_KEYS, type KpiChange, type KpiKey, type Tone, changeTone, kpiChange } from '../utils/kpi-change';
import { formatCount, formatShare, formatSignedNumber, formatSignedShare } from '../utils/numbers';

const TONE_COLORS: Record<Tone, string> = { positive: 'teal.8', negative: 'red.8', neutral: 'dimmed' };

/** What a figure counts on: the range's last day, or everything within the range. */
const ON_LAST_DAY: ReadonlySet<KpiKey> = new Set(['ratio', 'activeFans', 'totalFans', 'outstandingPoints']);

interface KpiCardsProps {
  overview: OverviewReport | undefined;
  stale: boolean;
}

/** Every overview figure with its change against the previous range of equal length. */
export function KpiCards({ overview, stale }: KpiCardsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;

  return (
    <Stack gap="xs">
      <SimpleGrid
        cols={{ base: 1, xs: 2, md: 3 }}
        spacing="md"
        style={{ opacity: stale ? 0.55 : 1, transition: 'opacity 150ms ease' }}
        aria-busy={stale || !overview}
      >
        {KPI_KEYS.map((key) => (
          <Paper key={key} withBorder p="md" radius="md" data-testid="kpi-card" data-kpi={key}>
            <Stack gap={2}>
              <Text size="sm" c="dimmed" fw={500}>
                {t(`dashboard.kpis.${key}`)}
              </Text>
              {overview ? (
                <>
                  <Text fz={28} fw={700} lh={1.2} data-testid="kpi-value">
                    {key === 'ratio'
                      ? formatShare(overview.current.ratio, language)
                      : formatCount(overview.current[key], language)}
                  </Text>
                  <ChangeLine kpi={key} change={kpiChange(key, overview.current, overview.previous)} />
                  <Text size="xs" c="dimmed">
                    {ON_LAST_DAY.has(key)
                      ? t('dashboard.kpis.onDay', { day: formatDay(overview.to, language) })
                      : t('dashboard.kpis.inRange')}
                  </Text>
                </>
              ) : (
                <>
                  <Skeleton height={32} width="60%" my={2} />
                  <Skeleton height={14} width="80%" />
                </>
              )}
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
      {overview && (
        <Text size="xs" c="dimmed">
          {t('dashboard.kpis.comparedWith', {
            from: formatDay(overview.previousFrom, language),
            to: formatDay(overview.previousTo, language),
          })}
        </Text>
      )}
    </Stack>
  );
}

function ChangeLine({ kpi, change }: { kpi: KpiKey; change: KpiChange }) {
  const { t, i18n } = useTranslation();
  if (change.kind === 'noPrevious') {
    return (
      <Text size="sm" c="dimmed" data-testid="kpi-change">
        {t('dashboard.kpis.noPrevious')}
      </Text>
    );
  }
  const Arrow =
    change.direction === 'up'
      ? IconArrowUpRight
      : change.direction === 'down'
        ? IconArrowDownRight
        : IconArrowRight;
  const value =
    change.kind === 'points'
      ? t('dashboard.kpis.percentagePoints', { value: formatSignedNumber(change.value, i18n.language) })
      : formatSignedShare(change.value, i18n.language);
  return (
    <Group gap={6} data-testid="kpi-change">
      <Text
        component="span"
        size="sm"
        fw={600}
        c={TONE_COLORS[changeTone(kpi, change)]}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}
      >
        <Arrow size={16} aria-hidden />
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {t('dashboard.kpis.vsPrevious')}
      </Text>
    </Group>
  );
}
