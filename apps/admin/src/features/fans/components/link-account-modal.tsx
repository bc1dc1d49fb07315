import { CHANNELS, type Channel } from '@fanfare/shared';
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';

import { showFormError } from '@/lib/forms';
import { notifySuccess } from '@/lib/notify';

import { useLinkIdentity } from '../api/link-identity';

interface LinkAccountModalProps {
  brandId: string;
  fanId: string;
  opened: boolean;
  onClose: () => void;
}

interface FormValues {
  channel: Channel | '';
  externalId: string;
  handle: string;
}

const MAX_EXTERNAL_ID_LENGTH = 200;
const MAX_HANDLE_LENGTH = 100;

/**
 * Links an account to the fan by hand, recorded as vouched for by the signed-in manager. When another
 * fan holds the account, the API merges that fan into this one, and the notice says so.
 */
export function LinkAccountModal({ brandId, fanId, opened, onClose }: LinkAccountModalProps) {
  const { t } = useTranslation();
  const mutation = useLinkIdentity(brandId, fanId);
  const form = useForm<FormValues>({
    initialValues: { channel: '', externalId: '', handle: '' },
    validate: {
      channel: (value) => (value ? null : t('fans.identities.link.channelRequired')),
      externalId: (value) => (value.trim() ? null : t('fans.identities.link.externalIdRequired')),
    },
  });

  const close = () => {
    form.reset();
    mutation.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    if (!values.channel) return;
    const handle = values.handle.trim();
    mutation.mutate(
      { channel: values.channel, externalId: values.externalId.trim(), ...(handle ? { handle } : {}) },
      {
        onSuccess: ({ mergedFanId }) => {
          notifySuccess(
            mergedFanId
              ? t('fans.identities.link.merged', { fanId: mergedFanId })
              : t('fans.identities.link.done'),
          );
          close();
        },
        onError: (error) => showFormError(form, error, t),
      },
    );
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('fans.identities.link.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('fans.identities.link.intro')}</Text>
          <Select
            label={t('fans.identities.channel')}
            required
            data-autofocus
            data={CHANNELS.map((channel) => ({ value: channel, label: t(`campaigns.channels.${channel}`) }))}
            {...form.getInputProps('channel')}
            onChange={(value) =>
              form.setFieldValue('channel', CHANNELS.find((channel) => channel === value) ?? '')
            }
          />
          <TextInput
            label={t('fans.identities.externalId')}
            description={t('fans.identities.link.externalIdHint')}
            required
            maxLength={MAX_EXTERNAL_ID_LENGTH}
            autoComplete="off"
            {...form.getInputProps('externalId')}
          />
          <TextInput
            label={t('fans.identities.handle')}
            description={t('fans.identities.link.handleHint')}
            maxLength={MAX_HANDLE_LENGTH}
            autoComplete="off"
            {...form.getInputProps('handle')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('fans.identities.link.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
