import { Badge, Code, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { CursorPager } from '@/components/cursor-pager';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import type { LedgerEntryDto } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format';
import { useCursorPaging } from '@/lib/paging';

import { useFanLedger } from '../api/get-fan-ledger';

const kindColors: Record<LedgerEntryDto['kind'], string> = {
  earn: 'teal',
  redeem: 'blue',
  refund: 'cyan',
  expire: 'gray',
  adjust: 'violet',
  reverse: 'orange',
};

/** The fan's ledger, newest first; its page lives in the URL. */
export function LedgerTable({
  brandId,
  fanId,
  timeZone,
}: {
  brandId: string;
  fanId: string;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const paging = useCursorPaging();
  const ledger = useFanLedger(brandId, fanId, paging.page);

  if (ledger.isPending) {
    return <LoadingState />;
  }
  if (ledger.isError) {
    return <ErrorState error={ledger.error} onRetry={() => void ledger.refetch()} />;
  }
  const signed = (points: number) =>
    `${points > 0 ? '+' : points < 0 ? '−' : ''}${new Intl.NumberFormat(i18n.language).format(Math.abs(points))}`;

  return (
    <>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={840}>
          <Table verticalSpacing="sm" aria-label={t('fans.ledger.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fans.ledger.occurredAt')}</Table.Th>
                <Table.Th scope="col">{t('fans.ledger.kind')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('fans.ledger.points')}
                </Table.Th>
                <Table.Th scope="col">{t('fans.ledger.reason')}</Table.Th>
                <Table.Th scope="col">{t('fans.ledger.rule')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ledger.data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed" ta="center" py="lg">
                      {t('fans.ledger.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {ledger.data.items.map((entry) => (
                <Table.Tr key={entry.id} data-testid="ledger-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(entry.occurredAt, i18n.language, timeZone)}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={kindColors[entry.kind]} variant="light">
                      {t(`fans.ledger.kinds.${entry.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right" fw={700} c={entry.points >= 0 ? 'teal.8' : 'red.8'}>
                    {signed(entry.points)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.reason}</Text>
                    {entry.actor && (
                      <Text size="xs" c="dimmed">
                        {t('fans.ledger.by', { actor: entry.actor })}
                      </Text>
                    )}
                    {entry.explanation && (
                      <details>
                        <summary>
                          <Text span size="xs" c="dimmed">
                            {t('fans.ledger.explain')}
                          </Text>
                        </summary>
                        <Code block fz="xs">
                          {JSON.stringify(entry.explanation, null, 2)}
                        </Code>
                      </details>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {entry.ruleId ? (
                      <Code fz="xs" title={entry.ruleId}>
                        {t('fans.ledger.ruleVersion', {
                          rule: entry.ruleId.slice(0, 8),
                          version: entry.ruleVersion ?? 1,
                        })}
                      </Code>
                    ) : (
                      t('common.none')
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <CursorPager paging={paging} nextCursor={ledger.data.nextCursor} />
    </>
  );
}
