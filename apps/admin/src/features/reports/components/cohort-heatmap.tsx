import type { CohortsReport } from '@fanfare/shared';
import { Box, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { formatMonth } from '../utils/chart-rows';
import { SHADES, type ShadeLevel, cohortTable } from '../utils/cohort-cells';
import { formatCount, formatShare } from '../utils/numbers';

const LEVELS: ShadeLevel[] = [0, 1, 2, 3, 4, 5];
const CELL_WIDTH = 52;

/**
 * The retention triangle: a row per month in which fans were first seen, a column per month after
 * it, each cell shaded by the share of the cohort active then. Counts are in each cell's title and
 * accessible name.
 */
export function CohortHeatmap({ report }: { report: CohortsReport }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const table = cohortTable(report);
  if (table.rows.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="lg">
        {t('reports.cohorts.empty')}
      </Text>
    );
  }
  const offsets = Array.from({ length: table.columns }, (_, offset) => offset);

  return (
    <>
      <Table.ScrollContainer minWidth={0}>
        <Table
          withTableBorder={false}
          verticalSpacing={4}
          horizontalSpacing={4}
          fz="xs"
          aria-label={t('reports.cohorts.title')}
          data-testid="cohort-heatmap"
          style={{ borderCollapse: 'separate', borderSpacing: 2, width: 'auto' }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" rowSpan={2} style={{ whiteSpace: 'nowrap', verticalAlign: 'bottom' }}>
                {t('reports.cohorts.cohort')}
              </Table.Th>
              <Table.Th scope="col" rowSpan={2} ta="right" style={{ verticalAlign: 'bottom' }}>
                {t('reports.cohorts.size')}
              </Table.Th>
              <Table.Th scope="colgroup" colSpan={table.columns} ta="center">
                {t('reports.cohorts.monthsLater')}
              </Table.Th>
            </Table.Tr>
            <Table.Tr>
              {offsets.map((offset) => (
                <Table.Th
                  key={offset}
                  scope="col"
                  ta="center"
                  miw={CELL_WIDTH}
                  aria-label={t('reports.cohorts.offset', { offset })}
                  title={t('reports.cohorts.offset', { offset })}
                >
                  +{offset}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row) => {
              const month = formatMonth(row.month, language);
              return (
                <Table.Tr key={row.month} data-testid="cohort-row">
                  <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
                    {month}
                  </Table.Th>
                  <Table.Td ta="right">{formatCount(row.size, language)}</Table.Td>
                  {offsets.map((offset) => {
                    const cell = row.cells[offset];
                    if (!cell) {
                      return <Table.Td key={offset} />;
                    }
                    const shade = cell.level === null ? null : SHADES[cell.level];
                    const description = t('reports.cohorts.cell', {
                      month,
                      offset,
                      active: formatCount(cell.active, language),
                      size: formatCount(cell.size, language),
                      share: formatShare(cell.share, language),
                    });
                    return (
                      <Table.Td
                        key={offset}
                        ta="center"
                        title={description}
                        aria-label={description}
                        data-level={cell.level ?? undefined}
                        style={{
                          background: shade?.background,
                          color: shade?.color,
                          borderRadius: 4,
                          minWidth: CELL_WIDTH,
                          fontVariantNumeric: 'tabular-nums',
                        }}
                      >
                        {formatShare(
                          cell.share === null ? null : Math.round(cell.share * 100) / 100,
                          language,
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="sm" mt="sm" aria-hidden>
        <Text size="xs" c="dimmed">
          {t('reports.cohorts.legend')}
        </Text>
        {LEVELS.map((level) => (
          <Group key={level} gap={4} wrap="nowrap">
            <Box
              w={14}
              h={14}
              style={{
                background: SHADES[level].background,
                borderRadius: 3,
                border: '1px solid var(--mantine-color-gray-3)',
              }}
            />
            <Text size="xs" c="dimmed">
              {t(`reports.cohorts.levels.${level}`)}
            </Text>
          </Group>
        ))}
      </Group>
    </>
  );
}
