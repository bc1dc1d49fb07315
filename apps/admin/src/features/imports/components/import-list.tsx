import { Anchor, Badge, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { CursorPager } from '@/components/cursor-pager';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { errorMessage } from '@/lib/api/error-message';
import { formatDateTime } from '@/lib/format';
import { notifyError } from '@/lib/notify';
import { useCursorPaging } from '@/lib/paging';

import { useDownloadImportErrors } from '../api/download-import-errors';
import { useImports } from '../api/get-imports';
import {
  type ImportDto,
  OUTCOMES,
  bookedPercent,
  formatBytes,
  isActive,
  refusedRows,
  statusColour,
} from '../utils/import-state';

interface ImportListProps {
  brandId: string;
  timeZone: string;
}

/** The brand's imports, newest first, with their progress; asked again every 2 s while one moves. */
export function ImportList({ brandId, timeZone }: ImportListProps) {
  const { t } = useTranslation();
  const paging = useCursorPaging();
  const imports = useImports(brandId, paging.page);

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Title order={2} size="h4">
          {t('imports.list.title')}
        </Title>
        {imports.isPending ? (
          <LoadingState />
        ) : imports.isError ? (
          <ErrorState error={imports.error} onRetry={() => void imports.refetch()} />
        ) : imports.data.items.length === 0 ? (
          <Text c="dimmed">{t('imports.list.empty')}</Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={860}>
              <Table verticalSpacing="sm" aria-label={t('imports.list.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('imports.list.file')}</Table.Th>
                    <Table.Th scope="col">{t('imports.list.status')}</Table.Th>
                    <Table.Th scope="col" w={220}>
                      {t('imports.list.progress')}
                    </Table.Th>
                    <Table.Th scope="col">{t('imports.list.outcomes')}</Table.Th>
                    <Table.Th scope="col">{t('imports.list.refused')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {imports.data.items.map((item) => (
                    <ImportRow key={item.id} brandId={brandId} item={item} timeZone={timeZone} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <CursorPager paging={paging} nextCursor={imports.data.nextCursor} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

function ImportRow({ brandId, item, timeZone }: { brandId: string; item: ImportDto; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const download = useDownloadImportErrors(brandId);
  const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const percent = bookedPercent(item);
  const refused = refusedRows(item);
  const outcomes = OUTCOMES.filter((outcome) => item.outcomes[outcome] > 0);

  return (
    <Table.Tr data-testid="import-row" data-import-id={item.id}>
      <Table.Td>
        <Text fw={500} style={{ wordBreak: 'break-all' }}>
          {item.filename ?? t('imports.list.unnamed')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('imports.list.uploaded', {
            date: formatDateTime(item.createdAt, i18n.language, timeZone),
            by: item.createdBy,
            size: formatBytes(item.bytes, i18n.language),
          })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={statusColour(item.status)} variant="light" data-testid="import-status">
          {t(`imports.status.${item.status}`)}
        </Badge>
        {item.status === 'failed' && item.error && (
          <Text size="xs" c="red" mt={4}>
            {item.error}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {item.status === 'receiving' ? (
          <Text size="sm">{t('imports.list.receiving', { rows: number(item.rowsTotal) })}</Text>
        ) : (
          <Stack gap={4}>
            <Progress
              value={percent}
              color={item.status === 'failed' ? 'red' : item.status === 'done' ? 'teal' : 'blue'}
              animated={isActive(item.status)}
              aria-label={t('imports.list.progressLabel', {
                name: item.filename ?? t('imports.list.unnamed'),
              })}
            />
            <Text size="xs" data-testid="import-booked">
              {t('imports.list.booked', { booked: number(item.rowsBooked), valid: number(item.rowsValid) })}
            </Text>
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        {outcomes.length === 0 ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <Group gap={6} data-testid="import-outcomes">
            {outcomes.map((outcome) => (
              <Badge key={outcome} variant="outline" color="gray" tt="none" fw={500}>
                {t(`imports.outcomes.${outcome}`, {
                  count: item.outcomes[outcome],
                  formatted: number(item.outcomes[outcome]),
                })}
              </Badge>
            ))}
          </Group>
        )}
        {item.points !== 0 && (
          <Text size="xs" mt={4} data-testid="import-points">
            {t('imports.list.points', { count: item.points, formatted: number(item.points) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {refused === 0 ? (
          <Text size="sm" data-testid="import-refused">
            0
          </Text>
        ) : (
          <Stack gap={2} align="flex-start">
            <Text size="sm" data-testid="import-refused">
              {number(refused)}
            </Text>
            <Anchor
              component="button"
              size="xs"
              onClick={() =>
                download.mutate(item.id, { onError: (error) => notifyError(errorMessage(error, t)) })
              }
            >
              {t('imports.list.downloadErrors')}
            </Anchor>
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
