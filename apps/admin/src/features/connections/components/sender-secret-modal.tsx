import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { OneTimeSecretModal } from '@/components/one-time-secret-modal';
import type { SenderSecretDto, WebhookSenderDto } from '@/lib/api/types';
import { showFormError } from '@/lib/forms';

import { useCreateSender } from '../api/create-sender';
import { useRotateSender } from '../api/rotate-sender';
import { DEFAULT_SENDER_OVERLAP_HOURS, SENDER_OVERLAP_HOURS } from '../utils/sender-state';

interface SenderSecretModalProps {
  brandId: string;
  opened: boolean;
  /** The sender to issue a new secret; null: add a new sender. */
  rotate: WebhookSenderDto | null;
  onClose: () => void;
}

interface FormValues {
  name: string;
  overlapHours: string;
}

const MAX_NAME_LENGTH = 100;

/**
 * Two steps in one dialog: a new sender's name (or, rotating, how long the current secret keeps
 * working), then the `whsec_` secret. The secret lives only in this component's state, so closing
 * the dialog forgets it for good.
 */
export function SenderSecretModal({ brandId, opened, rotate, onClose }: SenderSecretModalProps) {
  const { t } = useTranslation();
  const create = useCreateSender(brandId);
  const rotation = useRotateSender(brandId);
  const [created, setCreated] = useState<SenderSecretDto | null>(null);
  const form = useForm<FormValues>({
    initialValues: { name: '', overlapHours: String(DEFAULT_SENDER_OVERLAP_HOURS) },
    validate: {
      name: (value) =>
        rotate !== null || value.trim() !== '' ? null : t('connections.senders.dialog.nameRequired'),
    },
  });
  const pending = create.isPending || rotation.isPending;

  const close = () => {
    setCreated(null);
    form.reset();
    create.reset();
    rotation.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    const handlers = { onSuccess: setCreated, onError: (error: Error) => showFormError(form, error, t) };
    if (rotate) {
      rotation.mutate({ senderId: rotate.id, overlapHours: Number(values.overlapHours) }, handlers);
    } else {
      create.mutate(values.name.trim(), handlers);
    }
  });

  const title = created
    ? t('connections.senders.reveal.title', { name: created.sender.name })
    : rotate
      ? t('connections.senders.dialog.rotateTitle', { name: rotate.name })
      : t('connections.senders.dialog.createTitle');

  return (
    <OneTimeSecretModal
      opened={opened}
      onClose={close}
      title={title}
      reveal={
        created && {
          label: t('connections.senders.reveal.secret'),
          secret: created.secret,
          warning: t('connections.senders.reveal.warning'),
          testId: 'sender-secret',
          doneLabel: t('connections.senders.reveal.done'),
        }
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {rotate ? (
            <>
              <Text size="sm">{t('connections.senders.dialog.rotateText')}</Text>
              <Select
                label={t('connections.senders.dialog.overlap')}
                description={t('connections.senders.dialog.overlapHint')}
                allowDeselect={false}
                data={SENDER_OVERLAP_HOURS.map((hours) => ({
                  value: String(hours),
                  label: t(`connections.senders.dialog.overlapOptions.h${hours}`),
                }))}
                {...form.getInputProps('overlapHours')}
              />
            </>
          ) : (
            <>
              <Text size="sm">{t('connections.senders.dialog.createText')}</Text>
              <TextInput
                label={t('connections.senders.dialog.name')}
                description={t('connections.senders.dialog.nameHint')}
                required
                maxLength={MAX_NAME_LENGTH}
                data-autofocus
                {...form.getInputProps('name')}
              />
            </>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {rotate
                ? t('connections.senders.dialog.submitRotate')
                : t('connections.senders.dialog.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </OneTimeSecretModal>
  );
}
