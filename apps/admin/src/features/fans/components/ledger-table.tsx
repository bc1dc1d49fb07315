import { Badge, Code, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { CursorPager } from '@/components/cursor-pager';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import type { LedgerEntryDto } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format';
import { useCursorPaging } from '@/lib/paging';

import { useFanLedger } from '../api/get-fan-ledger';
import { describeLedgerEntry } from '../utils/describe-ledger-entry';
import { SignedPoints } from './signed-points';

const kindColors: Record<LedgerEntryDto['kind'], string> = {
  earn: 'teal',
  redeem: 'blue',
  refund: 'cyan',
  expire: 'gray',
  adjust: 'violet',
  reverse: 'orange',
};

/** The fan's ledger, newest first, each entry explained in a sentence; its page lives in the URL. */
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
  const options = { language: i18n.language, timeZone };

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
                <Table.Th scope="col">{t('fans.ledger.explanation')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ledger.data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
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
                  <Table.Td ta="right">
                    <SignedPoints points={entry.points} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text size="sm" data-testid="ledger-sentence">
                        {describeLedgerEntry(entry, t, options)}
                      </Text>
                      {entry.eventExternalId && entry.kind !== 'reverse' && (
                        <Text size="xs" c="dimmed">
                          {t('fans.ledger.event', { event: entry.eventExternalId })}
                        </Text>
                      )}
                      {entry.explanation && (
                        <details>
                          <summary>
                            <Text span size="xs" c="dimmed">
                              {t('fans.ledger.stored')}
                            </Text>
                          </summary>
                          <Code block fz="xs">
                            {JSON.stringify({ reason: entry.reason, ...entry.explanation }, null, 2)}
                          </Code>
                        </details>
                      )}
                    </Stack>
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
