import { Badge, Button, Code, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconRotateClockwise } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ConfirmDialog } from '@/components/confirm-dialog';
import { DataTable } from '@/components/data-table';
import { SectionCard } from '@/components/section-card';
import type { WidgetSecretDto } from '@/lib/api/types';
import { useConfirmedMutation } from '@/lib/confirmed-mutation';
import { formatDateTime } from '@/lib/format';

import { useRevokeWidgetSecret } from '../api/revoke-widget-secret';
import { hasLiveSecret, isLive, secretStateColour } from '../utils/widget-secrets';
import { RotateSecretModal } from './rotate-secret-modal';

interface SecretsCardProps {
  brandId: string;
  secrets: WidgetSecretDto[];
}

/** The signing secrets (never their values), with create / rotate and revoke. */
export function SecretsCard({ brandId, secrets }: SecretsCardProps) {
  const { t, i18n } = useTranslation();
  const [rotateOpened, rotateModal] = useDisclosure(false);
  const revoke = useConfirmedMutation(useRevokeWidgetSecret(brandId), {
    variables: (kid: string) => kid,
    successMessage: (kid) => t('widgetSettings.secrets.revoke.done', { kid }),
  });
  const rotating = hasLiveSecret(secrets);
  // Fixed when the dialog opens: once the new secret exists the page already counts as "rotating".
  const [asRotation, setAsRotation] = useState(rotating);
  const openRotate = () => {
    setAsRotation(rotating);
    rotateModal.open();
  };

  const date = (value: string | null) => (value ? formatDateTime(value, i18n.language) : t('common.never'));

  return (
    <SectionCard
      titleId="widget-secrets-title"
      title={t('widgetSettings.secrets.title')}
      description={t('widgetSettings.secrets.description')}
      actions={
        <Button
          leftSection={
            rotating ? <IconRotateClockwise size={18} aria-hidden /> : <IconKey size={18} aria-hidden />
          }
          onClick={openRotate}
        >
          {rotating ? t('widgetSettings.secrets.rotate') : t('widgetSettings.secrets.create')}
        </Button>
      }
      overlays={
        <>
          <RotateSecretModal
            brandId={brandId}
            asRotation={asRotation}
            opened={rotateOpened}
            onClose={rotateModal.close}
          />
          <ConfirmDialog
            {...revoke.dialogProps}
            title={t('widgetSettings.secrets.revoke.title')}
            message={t('widgetSettings.secrets.revoke.text', { kid: revoke.target ?? '' })}
            confirmLabel={t('widgetSettings.secrets.revoke.confirm')}
          />
        </>
      }
    >
      <DataTable
        label={t('widgetSettings.secrets.title')}
        testId="widget-secrets-table"
        minWidth={720}
        columns={[
          { key: 'kid', header: t('widgetSettings.secrets.columns.kid') },
          { key: 'state', header: t('widgetSettings.secrets.columns.state') },
          { key: 'createdAt', header: t('widgetSettings.secrets.columns.createdAt') },
          { key: 'expiresAt', header: t('widgetSettings.secrets.columns.expiresAt') },
          { key: 'createdBy', header: t('widgetSettings.secrets.columns.createdBy') },
          { key: 'actions', header: t('widgetSettings.secrets.columns.actions'), hiddenHeader: true },
        ]}
        rows={secrets}
        rowKey={(secret) => secret.kid}
        emptyText={t('widgetSettings.secrets.empty')}
        renderRow={(secret) => (
          <Table.Tr data-testid="widget-secret-row" opacity={secret.state === 'expired' ? 0.6 : 1}>
            <Table.Th scope="row" fw={400}>
              <Code>{secret.kid}</Code>
            </Table.Th>
            <Table.Td>
              <Badge color={secretStateColour(secret.state)} variant="light">
                {t(`widgetSettings.secrets.states.${secret.state}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{date(secret.createdAt)}</Table.Td>
            <Table.Td>{date(secret.expiresAt)}</Table.Td>
            <Table.Td>{secret.createdBy}</Table.Td>
            <Table.Td ta="right">
              {isLive(secret) && (
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  aria-label={t('widgetSettings.secrets.revoke.label', { kid: secret.kid })}
                  onClick={() => revoke.ask(secret.kid)}
                >
                  {t('widgetSettings.secrets.revoke.button')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
    </SectionCard>
  );
}
