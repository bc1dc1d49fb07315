import { Alert, Badge, Code, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { useCurrentBrand } from '@/lib/current-brand';
import { formatDateTime } from '@/lib/format';

import { useWebhookDelivery } from '../api/get-webhook-delivery';
import { deliveryStatusColour } from '../utils/webhook-options';

interface WebhookDeliveryDrawerProps {
  brandId: string;
  endpointId: string;
  /** The delivery to show; null: closed. */
  deliveryId: string | null;
  onClose: () => void;
}

/** One delivery: the payload exactly as sent and every attempt with its answer. */
export function WebhookDeliveryDrawer({
  brandId,
  endpointId,
  deliveryId,
  onClose,
}: WebhookDeliveryDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={deliveryId !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={t('webhooks.details.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {deliveryId && <DeliveryDetails brandId={brandId} endpointId={endpointId} deliveryId={deliveryId} />}
    </Drawer>
  );
}

function DeliveryDetails({
  brandId,
  endpointId,
  deliveryId,
}: {
  brandId: string;
  endpointId: string;
  deliveryId: string;
}) {
  const { t, i18n } = useTranslation();
  const brand = useCurrentBrand();
  const delivery = useWebhookDelivery(brandId, endpointId, deliveryId);

  if (delivery.isPending) {
    return <LoadingState />;
  }
  if (delivery.isError) {
    return <ErrorState error={delivery.error} onRetry={() => void delivery.refetch()} />;
  }
  const { data } = delivery;
  const date = (value: string) => formatDateTime(value, i18n.language, brand.timeZone);

  return (
    <Stack data-testid="webhook-delivery-details">
      <Group gap="xs">
        <Code>{data.type}</Code>
        <Badge color={deliveryStatusColour(data.status)} variant="light">
          {t(`webhooks.log.status.${data.status}`)}
        </Badge>
      </Group>
      <Text size="sm">
        {t('webhooks.details.webhookId')}: <Code>{data.webhookId}</Code>
      </Text>
      {data.lastError && (
        <Alert color="red" variant="light" title={t('webhooks.log.columns.lastError')}>
          {data.lastError}
        </Alert>
      )}
      <Title order={4} size="h6">
        {t('webhooks.details.attempts')}
      </Title>
      {data.attemptLog.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('webhooks.details.noAttempts')}
        </Text>
      ) : (
        <Table aria-label={t('webhooks.details.attempts')} data-testid="webhook-attempts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('webhooks.details.attemptedAt')}</Table.Th>
              <Table.Th scope="col">{t('webhooks.details.statusCode')}</Table.Th>
              <Table.Th scope="col">{t('webhooks.details.error')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('webhooks.details.duration')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.attemptLog.map((attempt) => (
              <Table.Tr key={attempt.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(attempt.attemptedAt)}</Table.Td>
                <Table.Td>{attempt.statusCode ?? t('common.none')}</Table.Td>
                <Table.Td>{attempt.error ?? t('common.none')}</Table.Td>
                <Table.Td ta="right">
                  {t('webhooks.details.ms', {
                    ms: new Intl.NumberFormat(i18n.language).format(attempt.durationMs),
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={4} size="h6">
        {t('webhooks.details.payload')}
      </Title>
      <Code block data-testid="webhook-payload">
        {JSON.stringify(data.payload, null, 2)}
      </Code>
    </Stack>
  );
}
