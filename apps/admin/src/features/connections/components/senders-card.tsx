import { Badge, Button, Code, Group, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ConfirmDialog } from '@/components/confirm-dialog';
import { CopyField } from '@/components/copy-field';
import { DataTable } from '@/components/data-table';
import { SectionCard } from '@/components/section-card';
import type { WebhookSenderDto } from '@/lib/api/types';
import { useConfirmedMutation } from '@/lib/confirmed-mutation';
import { useCurrentBrand } from '@/lib/current-brand';
import { formatDateTime } from '@/lib/format';

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
  const revoke = useConfirmedMutation(useRevokeSender(brandId), {
    variables: (sender: WebhookSenderDto) => sender.id,
    successMessage: ({ name }) => t('connections.senders.revoke.done', { name }),
  });
  // The dialog: a new sender, or a new secret for the one chosen.
  const [secretFor, setSecretFor] = useState<{ rotate: WebhookSenderDto | null } | null>(null);

  const date = (value: string | null) =>
    value ? formatDateTime(value, i18n.language, brand.timeZone) : t('common.none');

  return (
    <SectionCard
      titleId="senders-title"
      title={t('connections.senders.title')}
      description={t('connections.senders.description')}
      actions={
        <Button
          leftSection={<IconPlus size={18} aria-hidden />}
          onClick={() => setSecretFor({ rotate: null })}
        >
          {t('connections.senders.create')}
        </Button>
      }
      overlays={
        <>
          <SenderSecretModal
            brandId={brandId}
            opened={secretFor !== null}
            rotate={secretFor?.rotate ?? null}
            onClose={() => setSecretFor(null)}
          />
          <ConfirmDialog
            {...revoke.dialogProps}
            title={t('connections.senders.revoke.title')}
            message={t('connections.senders.revoke.text', { name: revoke.target?.name ?? '' })}
            confirmLabel={t('connections.senders.revoke.confirm')}
          />
        </>
      }
    >
      <CopyField
        label={t('connections.senders.endpoint')}
        value={`${window.location.origin}${genericPath}`}
        testId="generic-endpoint"
      />
      <Text size="sm">
        {t('connections.senders.headersIntro')} <Code>webhook-id</Code>, <Code>webhook-timestamp</Code>,{' '}
        <Code>webhook-signature</Code>. {t('connections.senders.headersText')}
      </Text>
      <DataTable
        label={t('connections.senders.tableLabel')}
        testId="senders-table"
        minWidth={760}
        columns={[
          { key: 'name', header: t('connections.senders.columns.name') },
          { key: 'state', header: t('connections.senders.columns.state') },
          { key: 'createdAt', header: t('connections.senders.columns.createdAt') },
          { key: 'rotatedAt', header: t('connections.senders.columns.rotatedAt') },
          { key: 'previousExpiresAt', header: t('connections.senders.columns.previousExpiresAt') },
          { key: 'actions', header: t('connections.senders.columns.actions'), hiddenHeader: true },
        ]}
        rows={senders}
        rowKey={(sender) => sender.id}
        emptyText={t('connections.senders.empty')}
        renderRow={(sender) => {
          const state = senderState(sender);
          return (
            <Table.Tr data-testid="sender-row" opacity={state === 'revoked' ? 0.6 : 1}>
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
              <Table.Td>{state === 'rotating' ? date(sender.previousExpiresAt) : t('common.none')}</Table.Td>
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
                      onClick={() => revoke.ask(sender)}
                    >
                      {t('connections.senders.revoke.button')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          );
        }}
      />
    </SectionCard>
  );
}
