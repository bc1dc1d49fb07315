import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { DataTable, type DataTableColumn } from '@/components/data-table';
import { PagedLogCard } from '@/components/paged-log-card';
import { errorMessage } from '@/lib/api/error-message';
import type { WebhookDeliveryDto, WebhookEndpointDto } from '@/lib/api/types';
import { useCurrentBrand } from '@/lib/current-brand';
import { formatDateTime } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/notify';
import { useSearchParamFilter } from '@/lib/search-param-filter';

import { useWebhookDeliveries } from '../api/get-webhook-deliveries';
import { useReplayWebhookDelivery } from '../api/replay-webhook-delivery';
import { WEBHOOK_DELIVERY_STATUSES, deliveryStatusColour, isDeliveryStatus } from '../utils/webhook-options';
import { WebhookDeliveryDrawer } from './webhook-delivery-drawer';

const STATUS_PARAM = 'status';

interface WebhookDeliveryLogProps {
  brandId: string;
  endpoint: WebhookEndpointDto;
}

/**
 * What Fanfare sent to one endpoint, newest first, with a replay per delivery. The status filter
 * lives in the URL; while a delivery is pending the log asks again every few seconds.
 */
export function WebhookDeliveryLog({ brandId, endpoint }: WebhookDeliveryLogProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useSearchParamFilter(STATUS_PARAM, isDeliveryStatus);
  const deliveries = useWebhookDeliveries(brandId, endpoint.id, status);
  const [opened, setOpened] = useState<string | null>(null);

  return (
    <PagedLogCard
      titleId="webhook-log-title"
      title={t('webhooks.log.title')}
      description={t('webhooks.log.description', { url: endpoint.url })}
      breakDescription
      filter={{
        label: t('webhooks.log.filter'),
        value: status,
        allLabel: t('webhooks.log.status.all'),
        options: WEBHOOK_DELIVERY_STATUSES.map((value) => ({
          value,
          label: t(`webhooks.log.status.${value}`),
        })),
        onChange: setStatus,
      }}
      query={deliveries}
      refreshLabel={t('webhooks.log.refresh')}
      loadMoreLabel={t('webhooks.log.loadMore')}
      overlays={
        <WebhookDeliveryDrawer
          brandId={brandId}
          endpointId={endpoint.id}
          deliveryId={opened}
          onClose={() => setOpened(null)}
        />
      }
    >
      {(items) => (
        <DeliveryTable brandId={brandId} endpointId={endpoint.id} deliveries={items} onOpen={setOpened} />
      )}
    </PagedLogCard>
  );
}

interface DeliveryTableProps {
  brandId: string;
  endpointId: string;
  deliveries: WebhookDeliveryDto[];
  onOpen: (deliveryId: string) => void;
}

function DeliveryTable({ brandId, endpointId, deliveries, onOpen }: DeliveryTableProps) {
  const { t, i18n } = useTranslation();
  const brand = useCurrentBrand();
  const replay = useReplayWebhookDelivery(brandId, endpointId);
  const none = t('common.none');
  const date = (value: string | null) =>
    value ? formatDateTime(value, i18n.language, brand.timeZone) : none;

  const replayDelivery = (delivery: WebhookDeliveryDto) =>
    replay.mutate(delivery.id, {
      onSuccess: () => notifySuccess(t('webhooks.log.replayed', { type: delivery.type })),
      onError: (error) => notifyError(errorMessage(error, t)),
    });

  const columns: DataTableColumn[] = [
    { key: 'createdAt', header: t('webhooks.log.columns.createdAt') },
    { key: 'type', header: t('webhooks.log.columns.type') },
    { key: 'status', header: t('webhooks.log.columns.status') },
    { key: 'attempts', header: t('webhooks.log.columns.attempts'), align: 'right' },
    { key: 'lastStatusCode', header: t('webhooks.log.columns.lastStatusCode') },
    { key: 'lastError', header: t('webhooks.log.columns.lastError') },
    { key: 'nextAttemptAt', header: t('webhooks.log.columns.nextAttemptAt') },
    { key: 'actions', header: t('webhooks.columns.actions'), hiddenHeader: true },
  ];

  return (
    <DataTable
      label={t('webhooks.log.title')}
      minWidth={900}
      columns={columns}
      rows={deliveries}
      rowKey={(delivery) => delivery.id}
      emptyText={t('webhooks.log.empty')}
      renderRow={(delivery) => (
        <Table.Tr data-testid="webhook-delivery-row" data-status={delivery.status}>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(delivery.createdAt)}</Table.Td>
          <Table.Td>{delivery.type}</Table.Td>
          <Table.Td>
            <Badge color={deliveryStatusColour(delivery.status)} variant="light">
              {t(`webhooks.log.status.${delivery.status}`)}
            </Badge>
          </Table.Td>
          <Table.Td ta="right" data-testid="webhook-delivery-attempts">
            {delivery.attempts}
          </Table.Td>
          <Table.Td>{delivery.lastStatusCode ?? none}</Table.Td>
          <Table.Td>
            {delivery.lastError ? (
              <Text size="sm" c="red" lineClamp={1} title={delivery.lastError}>
                {delivery.lastError}
              </Text>
            ) : (
              none
            )}
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(delivery.nextAttemptAt)}</Table.Td>
          <Table.Td ta="right">
            <Group gap="xs" justify="flex-end" wrap="nowrap">
              <Button
                size="xs"
                variant="subtle"
                aria-label={t('webhooks.log.detailsLabel', { type: delivery.type })}
                onClick={() => onOpen(delivery.id)}
              >
                {t('webhooks.log.details')}
              </Button>
              <Button
                size="xs"
                variant="light"
                aria-label={t('webhooks.log.replayLabel', { type: delivery.type })}
                loading={replay.isPending && replay.variables === delivery.id}
                onClick={() => replayDelivery(delivery)}
              >
                {t('webhooks.log.replay')}
              </Button>
            </Group>
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}
