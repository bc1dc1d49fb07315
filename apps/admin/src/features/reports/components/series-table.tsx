import { ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { type SeriesRow, periodRange } from '../utils/chart-rows';
import { formatCount, formatPercentValue } from '../utils/numbers';

/** The series as numbers, one row per period: what the chart draws, readable and copyable. */
export function SeriesTable({ rows }: { rows: SeriesRow[] }) {
  const { t, i18n } = useTranslation();
  const count = (value: number) => formatCount(value, i18n.language);
  if (rows.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="lg">
        {t('reports.series.empty')}
      </Text>
    );
  }
  return (
    <ScrollArea.Autosize mah={420} type="auto">
      <Table
        stickyHeader
        verticalSpacing={6}
        highlightOnHover
        miw={640}
        aria-label={t('reports.series.tableLabel')}
        data-testid="series-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reports.series.period')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('analytics.series.activeFans')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('analytics.series.totalFans')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('analytics.series.ratio')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('analytics.series.newFans')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('analytics.series.returningFans')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.period} data-testid="series-row">
              <Table.Th scope="row" fw={500}>
                {periodRange(row, i18n.language)}
              </Table.Th>
              <Table.Td ta="right">{count(row.activeFans)}</Table.Td>
              <Table.Td ta="right">{count(row.totalFans)}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {row.ratioPercent === null
                  ? t('common.none')
                  : formatPercentValue(row.ratioPercent, i18n.language)}
              </Table.Td>
              <Table.Td ta="right">{count(row.newFans)}</Table.Td>
              <Table.Td ta="right">{count(row.returningFans)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
