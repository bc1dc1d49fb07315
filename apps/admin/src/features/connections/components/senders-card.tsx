import { Badge, Button, Code, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ConfirmDialog } from '@/components/confirm-dialog';
import { CopyField } from '@/components/copy-field';
import { errorMessage } from '@/lib/api/error-message';
import type { WebhookSenderDto } from '@/lib/api/types';
import { useCurrentBrand } from '@/lib/current-brand';
import { formatDateTime } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/notify';

import { useRevokeSender } from '../api/revoke-sender';
import { senderState, senderStateColour } from '../utils/sender-state';
import { SenderSecretModal } from './sender-secret-modal';

interface SendersCardProps {
  brandId: string;
  senders: WebhookSenderDto[];
  genericPath: string;
}

/** The brand's own systems that send signed webhooks: where they send, and their secrets' lifecycle. */
export function SendersCard({ brandId, senders, genericPath }: SendersCardProps) {
  const { t, i18n } = useTranslation();
  const brand = useCurrentBrand();
  const revoke = useRevokeSender(brandId);
  // The dialog: a new sender, or a new secret for the one chosen.
  const [secretFor, setSecretFor] = useState<{ rotate: WebhookSenderDto | null } | null>(null);
  const [toRevoke, setToRevoke] = useState<WebhookSenderDto | null>(null);

  const confirmRevoke = () => {
    if (!toRevoke) return;
    const { id, name } = toRevoke;
    revoke.mutate(id, {
      onSuccess: () => {
        notifySuccess(t('connections.senders.revoke.done', { name }));
        setToRevoke(null);
      },
      onError: (error) => {
        notifyError(errorMessage(error, t));
        setToRevoke(null);
      },
    });
  };

  const date = (value: string | null) =>
    value ? formatDateTime(value, i18n.language, brand.timeZone) : t('common.none');

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="senders-title">
      <Stack>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <div style={{ maxWidth: 720 }}>
            <Title order={3} size="h5" id="senders-title">
              {t('connections.senders.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('connections.senders.description')}
            </Text>
          </div>
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => setSecretFor({ rotate: null })}
          >
            {t('connections.senders.create')}
          </Button>
        </Group>
        <CopyField
          label={t('connections.senders.endpoint')}
          value={`${window.location.origin}${genericPath}`}
          testId="generic-endpoint"
        />
        <Text size="sm">
          {t('connections.senders.headersIntro')} <Code>webhook-id</Code>, <Code>webhook-timestamp</Code>,{' '}
          <Code>webhook-signature</Code>. {t('connections.senders.headersText')}
        </Text>
        <Table.ScrollContainer minWidth={760}>
          <Table
            verticalSpacing="sm"
            aria-label={t('connections.senders.tableLabel')}
            data-testid="senders-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('connections.senders.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('connections.senders.columns.state')}</Table.Th>
                <Table.Th scope="col">{t('connections.senders.columns.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('connections.senders.columns.rotatedAt')}</Table.Th>
                <Table.Th scope="col">{t('connections.senders.columns.previousExpiresAt')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('connections.senders.columns.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {senders.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed" ta="center" py="lg">
                      {t('connections.senders.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {senders.map((sender) => {
                const state = senderState(sender);
                return (
                  <Table.Tr key={sender.id} data-testid="sender-row" opacity={state === 'revoked' ? 0.6 : 1}>
                    <Table.Th scope="row" fw={600}>
                      {sender.name}
                    </Table.Th>
                    <Table.Td>
                      <Badge color={senderStateColour(state)} variant="light">
                        {t(`connections.senders.states.${state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{date(sender.createdAt)}</Table.Td>
                    <Table.Td>{date(sender.rotatedAt)}</Table.Td>
                    <Table.Td>
                      {state === 'rotating' ? date(sender.previousExpiresAt) : t('common.none')}
                    </Table.Td>
                    <Table.Td ta="right">
                      {state !== 'revoked' && (
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="light"
                            aria-label={t('connections.senders.rotate.label', { name: sender.name })}
                            onClick={() => setSecretFor({ rotate: sender })}
                          >
                            {t('connections.senders.rotate.button')}
                          </Button>
                          <Button
                            size="xs"
                            variant="light"
                            color="red"
                            aria-label={t('connections.senders.revoke.label', { name: sender.name })}
                            onClick={() => setToRevoke(sender)}
                          >
                            {t('connections.senders.revoke.button')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      <SenderSecretModal
        brandId={brandId}
        opened={secretFor !== null}
        rotate={secretFor?.rotate ?? null}
        onClose={() => setSecretFor(null)}
      />
      <ConfirmDialog
        opened={toRevoke !== null}
        title={t('connections.senders.revoke.title')}
        message={t('connections.senders.revoke.text', { name: toRevoke?.name ?? '' })}
        confirmLabel={t('connections.senders.revoke.confirm')}
        loading={revoke.isPending}
        onConfirm={confirmRevoke}
        onClose={() => setToRevoke(null)}
      />
    </Paper>
  );
}
