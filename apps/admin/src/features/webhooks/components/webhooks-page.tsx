import { Alert, Badge, Button, Group, Menu, Stack, Table, Text } from '@mantine/core';
import { IconDots, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

import { ConfirmDialog } from '@/components/confirm-dialog';
import { DataTable } from '@/components/data-table';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageHeader } from '@/components/page-header';
import { SectionCard } from '@/components/section-card';
import { errorMessage } from '@/lib/api/error-message';
import type { WebhookEndpointDto } from '@/lib/api/types';
import { useConfirmedMutation } from '@/lib/confirmed-mutation';
import { permissionsOf, useCurrentBrand } from '@/lib/current-brand';
import { formatDateTime } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/notify';

import { useDeleteWebhookEndpoint } from '../api/delete-webhook-endpoint';
import { useWebhookEndpoints } from '../api/get-webhook-endpoints';
import { useSendWebhookTest } from '../api/send-webhook-test';
import { EndpointFormModal } from './endpoint-form-modal';
import { RotateSecretModal } from './rotate-secret-modal';
import { WebhookDeliveryLog } from './webhook-delivery-log';

/** The endpoint whose delivery log is shown, in the URL so a reload or a shared link keeps it. */
const ENDPOINT_PARAM = 'endpoint';

/**
 * Settings → Webhooks: the brand's own systems Fanfare sends signed events to (fan created, points
 * awarded, redemptions…), and per endpoint the log of every delivery with a replay.
 */
export function WebhooksPage() {
  const { t } = useTranslation();
  const brand = useCurrentBrand();
  const canManage = permissionsOf(brand.role).manageConnections;

  return (
    <>
      <PageHeader order={2} title={t('webhooks.title')} description={t('webhooks.description')} />
      {canManage ? (
        <WebhooksSections key={brand.id} brandId={brand.id} />
      ) : (
        <Alert icon={<IconInfoCircle aria-hidden />} variant="light">
          {t('webhooks.managersOnly')}
        </Alert>
      )}
    </>
  );
}

function WebhooksSections({ brandId }: { brandId: string }) {
  const endpoints = useWebhookEndpoints(brandId);
  const [searchParams, setSearchParams] = useSearchParams();

  if (endpoints.isPending) {
    return <LoadingState />;
  }
  if (endpoints.isError) {
    return <ErrorState error={endpoints.error} onRetry={() => void endpoints.refetch()} />;
  }
  const items = endpoints.data.items;
  const selected = items.find((item) => item.id === searchParams.get(ENDPOINT_PARAM)) ?? items[0] ?? null;
  const select = (endpointId: string) => {
    const params = new URLSearchParams(searchParams);
    params.set(ENDPOINT_PARAM, endpointId);
    params.delete('status');
    setSearchParams(params, { replace: true });
  };

  return (
    <Stack gap="lg">
      <EndpointsCard
        brandId={brandId}
        endpoints={items}
        selectedId={selected?.id ?? null}
        onSelect={select}
      />
      {selected && <WebhookDeliveryLog key={selected.id} brandId={brandId} endpoint={selected} />}
    </Stack>
  );
}

interface EndpointsCardProps {
  brandId: string;
  endpoints: WebhookEndpointDto[];
  selectedId: string | null;
  onSelect: (endpointId: string) => void;
}

function EndpointsCard({ brandId, endpoints, selectedId, onSelect }: EndpointsCardProps) {
  const { t, i18n } = useTranslation();
  const brand = useCurrentBrand();
  const remove = useConfirmedMutation(useDeleteWebhookEndpoint(brandId), {
    variables: (endpoint: WebhookEndpointDto) => endpoint.id,
    successMessage: ({ url }) => t('webhooks.delete.done', { url }),
  });
  const sendTest = useSendWebhookTest(brandId);
  // The form dialog: a new endpoint, or the one chosen to edit.
  const [form, setForm] = useState<{ endpoint: WebhookEndpointDto | null } | null>(null);
  const [toRotate, setToRotate] = useState<WebhookEndpointDto | null>(null);

  const test = (endpoint: WebhookEndpointDto) => {
    onSelect(endpoint.id);
    sendTest.mutate(endpoint.id, {
      onSuccess: () => notifySuccess(t('webhooks.test.sent')),
      onError: (error) => notifyError(errorMessage(error, t)),
    });
  };

  return (
    <SectionCard
      titleId="webhook-endpoints-title"
      title={t('webhooks.endpoints.title')}
      description={t('webhooks.endpoints.description')}
      actions={
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setForm({ endpoint: null })}>
          {t('webhooks.create')}
        </Button>
      }
      overlays={
        <>
          <EndpointFormModal
            // A fresh form for each endpoint: its initial values are the endpoint's.
            key={form?.endpoint?.id ?? 'new'}
            brandId={brandId}
            opened={form !== null}
            endpoint={form?.endpoint ?? null}
            onClose={() => setForm(null)}
          />
          <RotateSecretModal brandId={brandId} endpoint={toRotate} onClose={() => setToRotate(null)} />
          <ConfirmDialog
            {...remove.dialogProps}
            title={t('webhooks.delete.title')}
            message={t('webhooks.delete.text', { url: remove.target?.url ?? '' })}
            confirmLabel={t('webhooks.delete.confirm')}
          />
        </>
      }
    >
      <DataTable
        label={t('webhooks.endpoints.title')}
        minWidth={820}
        columns={[
          { key: 'url', header: t('webhooks.columns.url') },
          { key: 'eventTypes', header: t('webhooks.columns.eventTypes') },
          { key: 'state', header: t('webhooks.columns.state') },
          { key: 'createdAt', header: t('webhooks.columns.createdAt') },
          { key: 'actions', header: t('webhooks.columns.actions'), hiddenHeader: true },
        ]}
        rows={endpoints}
        rowKey={(endpoint) => endpoint.id}
        emptyText={t('webhooks.empty')}
        renderRow={(endpoint) => (
          <Table.Tr
            data-testid="webhook-endpoint-row"
            bg={endpoint.id === selectedId ? 'var(--mantine-color-gray-0)' : undefined}
          >
            <Table.Th scope="row" fw={600} style={{ wordBreak: 'break-all' }}>
              {endpoint.url}
              {endpoint.description && (
                <Text size="sm" c="dimmed" fw={400}>
                  {endpoint.description}
                </Text>
              )}
            </Table.Th>
            <Table.Td>
              {endpoint.eventTypes.length === 0 ? (
                <Badge variant="outline" color="gray" tt="none">
                  {t('webhooks.allEvents')}
                </Badge>
              ) : (
                <Group gap={4}>
                  {endpoint.eventTypes.map((type) => (
                    <Badge key={type} variant="light" color="gray" tt="none">
                      {type}
                    </Badge>
                  ))}
                </Group>
              )}
            </Table.Td>
            <Table.Td>
              <Badge color={endpoint.enabled ? 'teal' : 'red'} variant="light">
                {endpoint.enabled ? t('webhooks.states.enabled') : t('webhooks.states.disabled')}
              </Badge>
              {!endpoint.enabled && endpoint.disabledReason && (
                <Text size="xs" c="red" mt={4}>
                  {endpoint.disabledReason}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(endpoint.createdAt, i18n.language, brand.timeZone)}
            </Table.Td>
            <Table.Td ta="right">
              <Group gap="xs" justify="flex-end" wrap="nowrap">
                <Button
                  size="xs"
                  variant={endpoint.id === selectedId ? 'filled' : 'default'}
                  aria-label={t('webhooks.actions.deliveriesLabel', { url: endpoint.url })}
                  aria-pressed={endpoint.id === selectedId}
                  onClick={() => onSelect(endpoint.id)}
                >
                  {t('webhooks.actions.deliveries')}
                </Button>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button
                      size="xs"
                      variant="light"
                      rightSection={<IconDots size={14} aria-hidden />}
                      aria-label={t('webhooks.actions.menuLabel', { url: endpoint.url })}
                    >
                      {t('webhooks.actions.menu')}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => setForm({ endpoint })}>{t('webhooks.actions.edit')}</Menu.Item>
                    <Menu.Item onClick={() => test(endpoint)} disabled={!endpoint.enabled}>
                      {t('webhooks.actions.test')}
                    </Menu.Item>
                    <Menu.Item onClick={() => setToRotate(endpoint)}>
                      {t('webhooks.actions.rotate')}
                    </Menu.Item>
                    <Menu.Item color="red" onClick={() => remove.ask(endpoint)}>
                      {t('webhooks.actions.delete')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
    </SectionCard>
  );
}
