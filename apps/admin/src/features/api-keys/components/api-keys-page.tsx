import { Alert, Badge, Button, Code, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ConfirmDialog } from '@/components/confirm-dialog';
import { CursorPager } from '@/components/cursor-pager';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api/error-message';
import type { ApiKeyDto } from '@/lib/api/types';
import { permissionsOf, useCurrentBrand } from '@/lib/current-brand';
import { formatDateTime } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/notify';
import { useCursorPaging } from '@/lib/paging';

import { useApiKeys } from '../api/get-api-keys';
import { useRevokeApiKey } from '../api/revoke-api-key';
import { CreateApiKeyModal } from './create-api-key-modal';

export function ApiKeysPage() {
  const { t } = useTranslation();
  const brand = useCurrentBrand();
  const canManage = permissionsOf(brand.role).manageApiKeys;
  const [createOpened, createModal] = useDisclosure(false);

  return (
    <>
      <PageHeader
        order={2}
        title={t('apiKeys.title')}
        description={t('apiKeys.description')}
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={createModal.open}>
              {t('apiKeys.create')}
            </Button>
          )
        }
      />
      {canManage ? (
        <ApiKeyList brandId={brand.id} />
      ) : (
        <Alert icon={<IconInfoCircle aria-hidden />} variant="light">
          {t('apiKeys.ownerOnly')}
        </Alert>
      )}
      {canManage && (
        <CreateApiKeyModal brandId={brand.id} opened={createOpened} onClose={createModal.close} />
      )}
    </>
  );
}

function ApiKeyList({ brandId }: { brandId: string }) {
  const { t, i18n } = useTranslation();
  const paging = useCursorPaging();
  const keys = useApiKeys(brandId, paging.page, true);
  const revoke = useRevokeApiKey(brandId);
  const [toRevoke, setToRevoke] = useState<ApiKeyDto | null>(null);

  if (keys.isPending) {
    return <LoadingState />;
  }
  if (keys.isError) {
    return <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />;
  }

  const confirmRevoke = () => {
    if (!toRevoke) return;
    const { id, name } = toRevoke;
    revoke.mutate(id, {
      onSuccess: () => {
        notifySuccess(t('apiKeys.revoke.done', { name }));
        setToRevoke(null);
      },
      onError: (error) => {
        notifyError(errorMessage(error, t));
        setToRevoke(null);
      },
    });
  };

  const date = (value: string | null) => (value ? formatDateTime(value, i18n.language) : t('common.never'));

  return (
    <>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={960}>
          <Table
            verticalSpacing="sm"
            highlightOnHover
            aria-label={t('apiKeys.title')}
            data-testid="api-keys-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('apiKeys.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('apiKeys.columns.prefix')}</Table.Th>
                <Table.Th scope="col">{t('apiKeys.columns.scopes')}</Table.Th>
                <Table.Th scope="col">{t('apiKeys.columns.createdBy')}</Table.Th>
                <Table.Th scope="col">{t('apiKeys.columns.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('apiKeys.columns.lastUsedAt')}</Table.Th>
                <Table.Th scope="col">{t('apiKeys.columns.status')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('apiKeys.columns.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <Text c="dimmed" ta="center" py="lg">
                      {t('apiKeys.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {keys.data.items.map((key) => (
                <Table.Tr key={key.id} data-testid="api-key-row" opacity={key.revokedAt ? 0.6 : 1}>
                  <Table.Th scope="row" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {key.name}
                  </Table.Th>
                  <Table.Td>
                    <Code data-testid="api-key-prefix">{key.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {key.scopes.map((scope) => (
                        <Badge key={scope} variant="light" color="gray" tt="none" ff="monospace">
                          {scope}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{key.createdBy?.email ?? t('common.none')}</Table.Td>
                  <Table.Td>{date(key.createdAt)}</Table.Td>
                  <Table.Td>{date(key.lastUsedAt)}</Table.Td>
                  <Table.Td>
                    {key.revokedAt ? (
                      <Badge
                        color="red"
                        variant="light"
                        title={t('apiKeys.status.revokedAt', { date: date(key.revokedAt) })}
                      >
                        {t('apiKeys.status.revoked')}
                      </Badge>
                    ) : (
                      <Badge color="teal" variant="light">
                        {t('apiKeys.status.active')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {!key.revokedAt && (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        aria-label={t('apiKeys.revoke.label', { name: key.name })}
                        onClick={() => setToRevoke(key)}
                      >
                        {t('apiKeys.revoke.button')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <CursorPager paging={paging} nextCursor={keys.data.nextCursor} />
      <ConfirmDialog
        opened={toRevoke !== null}
        title={t('apiKeys.revoke.title')}
        message={t('apiKeys.revoke.text', { name: toRevoke?.name ?? '' })}
        confirmLabel={t('apiKeys.revoke.confirm')}
        loading={revoke.isPending}
        onConfirm={confirmRevoke}
        onClose={() => setToRevoke(null)}
      />
    </>
  );
}
