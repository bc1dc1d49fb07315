import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { errorMessage } from '@/lib/api/error-message';
import type { WebhookDeliveryDto, WebhookEndpointDto } from '@/lib/api/types';
import { useCurrentBrand } from '@/lib/current-brand';
import { formatDateTime } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/notify';

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
  const [searchParams, setSearchParams] = useSearchParams();
  const rawStatus = searchParams.get(STATUS_PARAM);
  const status = isDeliveryStatus(rawStatus) ? rawStatus : null;
  const deliveries = useWebhookDeliveries(brandId, endpoint.id, status);
  const [opened, setOpened] = useState<string | null>(null);

  const setStatus = (value: string) => {
    const params = new URLSearchParams(searchParams);
    if (isDeliveryStatus(value)) {
      params.set(STATUS_PARAM, value);
    } else {
      params.delete(STATUS_PARAM);
    }
    setSearchParams(params, { replace: true });
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="webhook-log-title">
      <Stack>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <div style={{ maxWidth: 720 }}>
            <Title order={3} size="h5" id="webhook-log-title">
              {t('webhooks.log.title')}
            </Title>
            <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
              {t('webhooks.log.description', { url: endpoint.url })}
            </Text>
          </div>
          <Group gap="sm">
            <SegmentedControl
              value={status ?? 'all'}
              onChange={setStatus}
              aria-label={t('webhooks.log.filter')}
              data={[
                { value: 'all', label: t('webhooks.log.status.all') },
                ...WEBHOOK_DELIVERY_STATUSES.map((value) => ({
                  value,
                  label: t(`webhooks.log.status.${value}`),
                })),
              ]}
            />
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} aria-hidden />}
              onClick={() => void deliveries.refetch()}
              loading={deliveries.isFetching && !deliveries.isFetchingNextPage}
            >
              {t('webhooks.log.refresh')}
            </Button>
          </Group>
        </Group>
        {deliveries.isPending ? (
          <LoadingState />
        ) : deliveries.isError ? (
          <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />
        ) : (
          <>
            <DeliveryTable
              brandId={brandId}
              endpointId={endpoint.id}
              deliveries={deliveries.data.pages.flatMap((page) => page.items)}
              onOpen={setOpened}
            />
            {deliveries.hasNextPage && (
              <Group justify="center">
                <Button
                  variant="default"
                  onClick={() => void deliveries.fetchNextPage()}
                  loading={deliveries.isFetchingNextPage}
                >
                  {t('webhooks.log.loadMore')}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
      <WebhookDeliveryDrawer
        brandId={brandId}
        endpointId={endpoint.id}
        deliveryId={opened}
        onClose={() => setOpened(null)}
      />
    </Paper>
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

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" aria-label={t('webhooks.log.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('webhooks.log.columns.createdAt')}</Table.Th>
            <Table.Th scope="col">{t('webhooks.log.columns.type')}</Table.Th>
            <Table.Th scope="col">{t('webhooks.log.columns.status')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('webhooks.log.columns.attempts')}
            </Table.Th>
            <Table.Th scope="col">{t('webhooks.log.columns.lastStatusCode')}</Table.Th>
            <Table.Th scope="col">{t('webhooks.log.columns.lastError')}</Table.Th>
            <Table.Th scope="col">{t('webhooks.log.columns.nextAttemptAt')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('webhooks.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={8}>
                <Text c="dimmed" ta="center" py="lg">
                  {t('webhooks.log.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {deliveries.map((delivery) => (
            <Table.Tr key={delivery.id} data-testid="webhook-delivery-row" data-status={delivery.status}>
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
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
