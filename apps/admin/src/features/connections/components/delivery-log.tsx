import { ActionIcon, Badge, Group, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { DataTable, type DataTableColumn } from '@/components/data-table';
import { PagedLogCard } from '@/components/paged-log-card';
import type { HookDeliveryDto, HookSource, WebhookSenderDto } from '@/lib/api/types';
import { useCurrentBrand } from '@/lib/current-brand';
import { formatDateTime } from '@/lib/format';
import { useSearchParamFilter } from '@/lib/search-param-filter';

import { useHookDeliveries } from '../api/get-hook-deliveries';
import { type DeliverySummary, deliveryStatusColour, readSummary } from '../utils/delivery-summary';
import { DeliveryDetails } from './delivery-details';

const SOURCE_PARAM = 'source';

function isSource(value: string | null): value is HookSource {
  return value === 'meta' || value === 'generic';
}

interface DeliveryLogProps {
  brandId: string;
  senders: WebhookSenderDto[];
}

/**
 * Every signed delivery received, newest first, with what it came to; one page more with each "Load
 * more". The source filter lives in the URL. While a delivery waits on the job queue the log asks
 * again every few seconds (see useHookDeliveries).
 */
export function DeliveryLog({ brandId, senders }: DeliveryLogProps) {
  const { t } = useTranslation();
  const [source, setSource] = useSearchParamFilter(SOURCE_PARAM, isSource);
  const deliveries = useHookDeliveries(brandId, source);

  return (
    <PagedLogCard
      titleId="delivery-log-title"
      title={t('connections.log.title')}
      description={t('connections.log.description')}
      filter={{
        label: t('connections.log.filter'),
        value: source,
        allLabel: t('connections.log.sources.all'),
        options: [
          { value: 'meta', label: t('connections.log.sources.meta') },
          { value: 'generic', label: t('connections.log.sources.generic') },
        ],
        onChange: setSource,
      }}
      query={deliveries}
      refreshLabel={t('connections.log.refresh')}
      loadMoreLabel={t('connections.log.loadMore')}
    >
      {(items) => <DeliveryTable deliveries={items} senders={senders} />}
    </PagedLogCard>
  );
}

function DeliveryTable({
  deliveries,
  senders,
}: {
  deliveries: HookDeliveryDto[];
  senders: WebhookSenderDto[];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const columns: DataTableColumn[] = [
    { key: 'details', header: t('connections.log.columns.details'), hiddenHeader: true },
    { key: 'receivedAt', header: t('connections.log.columns.receivedAt') },
    { key: 'source', header: t('connections.log.columns.source') },
    { key: 'status', header: t('connections.log.columns.status') },
    { key: 'events', header: t('connections.log.columns.events'), align: 'right' },
    { key: 'points', header: t('connections.log.columns.points'), align: 'right' },
    { key: 'outcomes', header: t('connections.log.columns.outcomes') },
    { key: 'links', header: t('connections.log.columns.links') },
  ];

  return (
    <DataTable
      label={t('connections.log.title')}
      testId="delivery-log"
      minWidth={860}
      verticalSpacing="xs"
      columns={columns}
      rows={deliveries}
      rowKey={(delivery) => delivery.id}
      emptyText={t('connections.log.empty')}
      renderRow={(delivery) => {
        const summary = readSummary(delivery.summary);
        const expanded = open.has(delivery.id);
        const detailsId = `delivery-details-${delivery.id}`;
        return (
          <>
            <DeliveryRow
              delivery={delivery}
              summary={summary}
              senders={senders}
              expanded={expanded}
              detailsId={detailsId}
              onToggle={() => toggle(delivery.id)}
            />
            {expanded && (
              <Table.Tr id={detailsId} data-testid="delivery-details">
                <Table.Td colSpan={columns.length} bg="var(--mantine-color-gray-0)">
                  <DeliveryDetails delivery={delivery} summary={summary} />
                </Table.Td>
              </Table.Tr>
            )}
          </>
        );
      }}
    />
  );
}

interface DeliveryRowProps {
  delivery: HookDeliveryDto;
  summary: DeliverySummary | null;
  senders: WebhookSenderDto[];
  expanded: boolean;
  detailsId: string;
  onToggle: () => void;
}

function DeliveryRow({ delivery, summary, senders, expanded, detailsId, onToggle }: DeliveryRowProps) {
  const { t, i18n } = useTranslation();
  const brand = useCurrentBrand();
  const none = t('common.none');
  const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const receivedAt = formatDateTime(delivery.receivedAt, i18n.language, brand.timeZone);
  const sender = senders.find((candidate) => candidate.id === delivery.senderId);
  const linked = summary?.links.filter((link) => link.linked).length ?? 0;
  const notLinked = (summary?.links.length ?? 0) - linked;

  return (
    <Table.Tr data-testid="delivery-row" data-status={delivery.status}>
      <Table.Td w={44}>
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={onToggle}
          aria-expanded={expanded}
          aria-controls={expanded ? detailsId : undefined}
          aria-label={t(expanded ? 'connections.log.hideDetails' : 'connections.log.showDetails', {
            date: receivedAt,
          })}
        >
          {expanded ? <IconChevronDown size={18} aria-hidden /> : <IconChevronRight size={18} aria-hidden />}
        </ActionIcon>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{receivedAt}</Table.Td>
      <Table.Td>
        {delivery.source === 'meta'
          ? t('connections.log.sources.meta')
          : sender
            ? t('connections.log.genericFrom', { name: sender.name })
            : t('connections.log.sources.generic')}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Badge color={deliveryStatusColour(delivery.status)} variant="light">
            {t(`connections.log.status.${delivery.status}`)}
          </Badge>
          {delivery.test && (
            <Badge color="grape" variant="outline">
              {t('connections.log.test')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td ta="right" data-testid="delivery-events">
        {summary ? number(summary.events) : none}
      </Table.Td>
      <Table.Td ta="right" data-testid="delivery-points">
        {summary && !summary.test ? number(summary.points) : none}
      </Table.Td>
      <Table.Td>
        {summary && (summary.outcomes.length > 0 || summary.skipped > 0 || summary.previewed !== null) ? (
          <Group gap={4}>
            {summary.outcomes.map(({ outcome, count }) => (
              <Badge key={outcome} variant="light" color="gray" tt="none">
                {t(`connections.log.outcomes.${outcome}`, { count })}
              </Badge>
            ))}
            {summary.previewed !== null && (
              <Badge variant="light" color="grape" tt="none">
                {t('connections.log.previewed', { count: summary.previewed })}
              </Badge>
            )}
            {summary.skipped > 0 && (
              <Badge variant="light" color="orange" tt="none">
                {t('connections.log.skipped', { count: summary.skipped })}
              </Badge>
            )}
          </Group>
        ) : delivery.status === 'failed' ? (
          <Text size="sm" c="red" lineClamp={1} title={delivery.error ?? undefined}>
            {delivery.error ?? none}
          </Text>
        ) : (
          none
        )}
      </Table.Td>
      <Table.Td>
        {summary && summary.links.length > 0 ? (
          <Group gap={4}>
            {linked > 0 && (
              <Badge variant="light" color="teal" tt="none">
                {t('connections.log.linked', { count: linked })}
              </Badge>
            )}
            {notLinked > 0 && (
              <Badge variant="light" color="orange" tt="none">
                {t('connections.log.notLinked', { count: notLinked })}
              </Badge>
            )}
          </Group>
        ) : (
          none
        )}
      </Table.Td>
    </Table.Tr>
  );
}
