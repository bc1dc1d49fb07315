import { Alert, Badge, Code, Group, List, Paper, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { CursorPager } from '@/components/cursor-pager';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageHeader } from '@/components/page-header';
import type { AuditEntryDto } from '@/lib/api/types';
import { permissionsOf, useCurrentBrand } from '@/lib/current-brand';
import { formatDateTime } from '@/lib/format';
import { useCursorPaging } from '@/lib/paging';

import { useAuditLog } from '../api/get-audit-log';
import {
  actionKeyOf,
  actorTypeKeyOf,
  changeLinesOf,
  fieldKeyOf,
  shortId,
  targetTypeKeyOf,
  valueKeyOf,
} from '../utils/describe-audit-entry';

export function AuditLogPage() {
  const { t } = useTranslation();
  const brand = useCurrentBrand();
  const canView = permissionsOf(brand.role).viewAuditLog;
  return (
    <>
      <PageHeader order={2} title={t('auditLog.title')} description={t('auditLog.description')} />
      {canView ? (
        <AuditLogTable brandId={brand.id} />
      ) : (
        <Alert icon={<IconInfoCircle aria-hidden />} variant="light">
          {t('auditLog.ownerOnly')}
        </Alert>
      )}
    </>
  );
}

function AuditLogTable({ brandId }: { brandId: string }) {
  const { t } = useTranslation();
  const paging = useCursorPaging();
  const log = useAuditLog(brandId, paging.page);

  if (log.isPending) {
    return <LoadingState />;
  }
  if (log.isError) {
    return <ErrorState error={log.error} onRetry={() => void log.refetch()} />;
  }
  return (
    <>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" aria-label={t('auditLog.title')} data-testid="audit-log-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('auditLog.columns.occurredAt')}</Table.Th>
                <Table.Th scope="col">{t('auditLog.columns.actor')}</Table.Th>
                <Table.Th scope="col">{t('auditLog.columns.action')}</Table.Th>
                <Table.Th scope="col">{t('auditLog.columns.target')}</Table.Th>
                <Table.Th scope="col">{t('auditLog.columns.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed" ta="center" py="lg">
                      {t('auditLog.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {log.data.items.map((entry) => (
                <AuditLogRow key={entry.id} entry={entry} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <CursorPager paging={paging} nextCursor={log.data.nextCursor} />
    </>
  );
}

function AuditLogRow({ entry }: { entry: AuditEntryDto }) {
  const { t, i18n } = useTranslation();
  const actionKey = actionKeyOf(entry.action);
  const targetKey = targetTypeKeyOf(entry.targetType);
  const changes = changeLinesOf(entry.changes, t('auditLog.emptyValue'), (field, value) => {
    const key = valueKeyOf(field, value);
    return key ? t(key) : null;
  });
  const fieldLabel = (field: string): string => {
    const key = fieldKeyOf(field);
    return key ? t(`auditLog.fields.${key}`) : field;
  };

  return (
    <Table.Tr data-testid="audit-entry" data-action={entry.action}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, i18n.language)}</time>
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          <Text size="sm">{entry.actor.label}</Text>
          <Text size="xs" c="dimmed">
            {t(`auditLog.actorTypes.${actorTypeKeyOf(entry.actor.type)}`)}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {actionKey ? t(`auditLog.actions.${actionKey}`) : entry.action}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Badge variant="light" color="gray" tt="none">
            {targetKey ? t(`auditLog.targetTypes.${targetKey}`) : entry.targetType}
          </Badge>
          {entry.targetLabel ? (
            <Text size="sm" fw={500} title={entry.targetId}>
              {entry.targetLabel}
            </Text>
          ) : (
            entry.targetId && (
              <Code title={entry.targetId} style={{ whiteSpace: 'nowrap' }}>
                {shortId(entry.targetId)}
              </Code>
            )
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        {changes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('common.none')}
          </Text>
        ) : (
          <List size="sm" spacing={2} listStyleType="none">
            {changes.map((line) => (
              <List.Item key={line.field}>
                {line.kind === 'changed'
                  ? t('auditLog.changeFromTo', {
                      field: fieldLabel(line.field),
                      from: line.from,
                      to: line.to,
                    })
                  : line.kind === 'removed'
                    ? t('auditLog.changeRemoved', { field: fieldLabel(line.field), from: line.from })
                    : t('auditLog.changeSet', { field: fieldLabel(line.field), to: line.to })}
              </List.Item>
            ))}
          </List>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
