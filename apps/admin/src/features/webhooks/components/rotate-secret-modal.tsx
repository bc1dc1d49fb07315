import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { OneTimeSecretModal } from '@/components/one-time-secret-modal';
import type { WebhookEndpointDto, WebhookEndpointSecretDto } from '@/lib/api/types';
import { showFormError } from '@/lib/forms';

import { useRotateWebhookSecret } from '../api/rotate-webhook-secret';
import { DEFAULT_OVERLAP_HOURS, MAX_OVERLAP_HOURS } from '../utils/webhook-options';

interface RotateSecretModalProps {
  brandId: string;
  /** The endpoint to issue a new secret; null: closed. */
  endpoint: WebhookEndpointDto | null;
  onClose: () => void;
}

/** How long the current secret keeps signing, then the new secret, shown this once. */
export function RotateSecretModal({ brandId, endpoint, onClose }: RotateSecretModalProps) {
  const { t } = useTranslation();
  const rotate = useRotateWebhookSecret(brandId);
  const [rotated, setRotated] = useState<WebhookEndpointSecretDto | null>(null);
  const form = useForm<{ overlapHours: number | string }>({
    initialValues: { overlapHours: DEFAULT_OVERLAP_HOURS },
  });

  const close = () => {
    setRotated(null);
    form.reset();
    rotate.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    if (!endpoint) return;
    rotate.mutate(
      { endpointId: endpoint.id, overlapHours: Number(values.overlapHours) },
      { onSuccess: setRotated, onError: (error) => showFormError(form, error, t) },
    );
  });

  return (
    <OneTimeSecretModal
      opened={endpoint !== null}
      onClose={close}
      title={rotated ? t('webhooks.reveal.title', { url: rotated.endpoint.url }) : t('webhooks.rotate.title')}
      reveal={
        rotated && {
          label: t('webhooks.reveal.secret'),
          secret: rotated.secret,
          warning: t('webhooks.reveal.warning'),
          testId: 'webhook-secret',
          doneLabel: t('webhooks.reveal.done'),
        }
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('webhooks.rotate.text', { url: endpoint?.url ?? '' })}</Text>
          <NumberInput
            label={t('webhooks.rotate.overlap')}
            description={t('webhooks.rotate.overlapHint')}
            min={0}
            max={MAX_OVERLAP_HOURS}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('overlapHours')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={rotate.isPending}>
              {t('webhooks.rotate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </OneTimeSecretModal>
  );
}
