import { Button, Group, Input, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { CopyField } from '@/components/copy-field';
import { OneTimeSecretModal } from '@/components/one-time-secret-modal';
import { errorMessage } from '@/lib/api/error-message';
import type { NewWidgetSecretDto } from '@/lib/api/types';
import { notifyError } from '@/lib/notify';

import { useRotateWidgetSecret } from '../api/rotate-widget-secret';
import { DEFAULT_OVERLAP_HOURS, OVERLAP_HOURS } from '../utils/widget-secrets';

interface RotateSecretModalProps {
  brandId: string;
  /** A secret verifies tokens today: ask how long it keeps doing so. */
  asRotation: boolean;
  opened: boolean;
  onClose: () => void;
}

/**
 * Two steps in one dialog: what to do with the secrets in use, then the new secret. The secret lives
 * only in this component's state, so closing the dialog forgets it for good.
 */
export function RotateSecretModal({ brandId, asRotation, opened, onClose }: RotateSecretModalProps) {
  const { t } = useTranslation();
  const mutation = useRotateWidgetSecret(brandId);
  const [overlap, setOverlap] = useState(String(DEFAULT_OVERLAP_HOURS));
  const [created, setCreated] = useState<NewWidgetSecretDto | null>(null);

  const close = () => {
    setCreated(null);
    setOverlap(String(DEFAULT_OVERLAP_HOURS));
    mutation.reset();
    onClose();
  };

  const submit = () => {
    mutation.mutate(
      { overlapHours: asRotation ? Number(overlap) : 0 },
      { onSuccess: setCreated, onError: (error) => notifyError(errorMessage(error, t)) },
    );
  };

  const title = created
    ? t('widgetSettings.secrets.reveal.title')
    : asRotation
      ? t('widgetSettings.secrets.dialog.rotateTitle')
      : t('widgetSettings.secrets.dialog.createTitle');

  return (
    <OneTimeSecretModal
      opened={opened}
      onClose={close}
      title={title}
      reveal={
        created && {
          label: t('widgetSettings.secrets.reveal.secret'),
          secret: created.secret,
          warning: t('widgetSettings.secrets.reveal.warning'),
          testId: 'widget-secret',
          doneLabel: t('widgetSettings.secrets.reveal.done'),
          extra: (
            <CopyField
              label={t('widgetSettings.secrets.reveal.kid')}
              value={created.kid}
              testId="widget-secret-kid"
            />
          ),
        }
      }
    >
      <Stack>
        <Text size="sm">
          {asRotation
            ? t('widgetSettings.secrets.dialog.rotateText')
            : t('widgetSettings.secrets.dialog.createText')}
        </Text>
        {asRotation && (
          <Input.Wrapper
            label={t('widgetSettings.secrets.dialog.overlap')}
            description={t('widgetSettings.secrets.dialog.overlapHint')}
            labelElement="div"
          >
            <SegmentedControl
              mt="xs"
              fullWidth
              value={overlap}
              onChange={setOverlap}
              aria-label={t('widgetSettings.secrets.dialog.overlap')}
              data={OVERLAP_HOURS.map((hours) => ({
                value: String(hours),
                label: t(`widgetSettings.secrets.dialog.overlapOptions.h${hours}`),
              }))}
            />
            {overlap === '0' && (
              <Text size="sm" c="red" mt="xs">
                {t('widgetSettings.secrets.dialog.overlapNone')}
              </Text>
            )}
          </Input.Wrapper>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={mutation.isPending} data-autofocus>
            {asRotation
              ? t('widgetSettings.secrets.dialog.submitRotate')
              : t('widgetSettings.secrets.dialog.submitCreate')}
          </Button>
        </Group>
      </Stack>
    </OneTimeSecretModal>
  );
}
