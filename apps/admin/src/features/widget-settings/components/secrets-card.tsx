import { Badge, Button, Code, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconRotateClockwise } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ConfirmDialog } from '@/components/confirm-dialog';
import { errorMessage } from '@/lib/api/error-message';
import type { WidgetSecretDto } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/notify';

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
  const revoke = useRevokeWidgetSecret(brandId);
  const [toRevoke, setToRevoke] = useState<string | null>(null);
  const rotating = hasLiveSecret(secrets);
  // Fixed when the dialog opens: once the new secret exists the page already counts as "rotating".
  const [asRotation, setAsRotation] = useState(rotating);
  const openRotate = () => {
    setAsRotation(rotating);
    rotateModal.open();
  };

  const confirmRevoke = () => {
    if (!toRevoke) return;
    const kid = toRevoke;
    revoke.mutate(kid, {
      onSuccess: () => {
        notifySuccess(t('widgetSettings.secrets.revoke.done', { kid }));
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
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="widget-secrets-title">
      <Stack>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <div style={{ maxWidth: 720 }}>
            <Title order={3} size="h5" id="widget-secrets-title">
              {t('widgetSettings.secrets.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('widgetSettings.secrets.description')}
            </Text>
          </div>
          <Button
            leftSection={
              rotating ? <IconRotateClockwise size={18} aria-hidden /> : <IconKey size={18} aria-hidden />
            }
            onClick={openRotate}
          >
            {rotating ? t('widgetSettings.secrets.rotate') : t('widgetSettings.secrets.create')}
          </Button>
        </Group>
        <Table.ScrollContainer minWidth={720}>
          <Table
            verticalSpacing="sm"
            aria-label={t('widgetSettings.secrets.title')}
            data-testid="widget-secrets-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('widgetSettings.secrets.columns.kid')}</Table.Th>
                <Table.Th scope="col">{t('widgetSettings.secrets.columns.state')}</Table.Th>
                <Table.Th scope="col">{t('widgetSettings.secrets.columns.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('widgetSettings.secrets.columns.expiresAt')}</Table.Th>
                <Table.Th scope="col">{t('widgetSettings.secrets.columns.createdBy')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('widgetSettings.secrets.columns.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {secrets.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed" ta="center" py="lg">
                      {t('widgetSettings.secrets.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {secrets.map((secret) => (
                <Table.Tr
                  key={secret.kid}
                  data-testid="widget-secret-row"
                  opacity={secret.state === 'expired' ? 0.6 : 1}
                >
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
                        onClick={() => setToRevoke(secret.kid)}
                      >
                        {t('widgetSettings.secrets.revoke.button')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      <RotateSecretModal
        brandId={brandId}
        asRotation={asRotation}
        opened={rotateOpened}
        onClose={rotateModal.close}
      />
      <ConfirmDialog
        opened={toRevoke !== null}
        title={t('widgetSettings.secrets.revoke.title')}
        message={t('widgetSettings.secrets.revoke.text', { kid: toRevoke ?? '' })}
        confirmLabel={t('widgetSettings.secrets.revoke.confirm')}
        loading={revoke.isPending}
        onConfirm={confirmRevoke}
        onClose={() => setToRevoke(null)}
      />
    </Paper>
  );
}
