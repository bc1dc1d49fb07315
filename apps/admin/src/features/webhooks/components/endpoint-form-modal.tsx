import { Button, Group, MultiSelect, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { OneTimeSecretModal } from '@/components/one-time-secret-modal';
import type { WebhookEndpointDto, WebhookEndpointSecretDto, WebhookEventType } from '@/lib/api/types';
import { showFormError } from '@/lib/forms';

import { useCreateWebhookEndpoint } from '../api/create-webhook-endpoint';
import { useUpdateWebhookEndpoint } from '../api/update-webhook-endpoint';
import { WEBHOOK_EVENT_TYPES } from '../utils/webhook-options';

interface EndpointFormModalProps {
  brandId: string;
  opened: boolean;
  /** The endpoint to change; null: add a new one. */
  endpoint: WebhookEndpointDto | null;
  onClose: () => void;
}

interface FormValues {
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
}

const MAX_DESCRIPTION_LENGTH = 200;

function initialValues(endpoint: WebhookEndpointDto | null): FormValues {
  return {
    url: endpoint?.url ?? '',
    description: endpoint?.description ?? '',
    eventTypes: endpoint?.eventTypes ?? [],
    enabled: endpoint?.enabled ?? true,
  };
}

/**
 * Adds or changes an endpoint. Adding has a second step, the `whsec_` secret; it lives only in this
 * component's state, so closing the dialog forgets it for good.
 */
export function EndpointFormModal({ brandId, opened, endpoint, onClose }: EndpointFormModalProps) {
  const { t } = useTranslation();
  const create = useCreateWebhookEndpoint(brandId);
  const update = useUpdateWebhookEndpoint(brandId);
  const [created, setCreated] = useState<WebhookEndpointSecretDto | null>(null);
  const form = useForm<FormValues>({
    initialValues: initialValues(endpoint),
    validate: {
      url: (value) => (value.trim() !== '' ? null : t('webhooks.form.urlRequired')),
    },
  });

  const close = () => {
    setCreated(null);
    form.reset();
    create.reset();
    update.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    const body = {
      url: values.url.trim(),
      description: values.description.trim(),
      eventTypes: values.eventTypes,
    };
    const onError = (error: Error) => showFormError(form, error, t);
    if (endpoint) {
      update.mutate(
        { endpointId: endpoint.id, body: { ...body, enabled: values.enabled } },
        { onSuccess: close, onError },
      );
    } else {
      create.mutate(body, { onSuccess: setCreated, onError });
    }
  });

  const title = created
    ? t('webhooks.reveal.title', { url: created.endpoint.url })
    : endpoint
      ? t('webhooks.form.editTitle')
      : t('webhooks.form.createTitle');

  return (
    <OneTimeSecretModal
      opened={opened}
      onClose={close}
      title={title}
      reveal={
        created && {
          label: t('webhooks.reveal.secret'),
          secret: created.secret,
          warning: t('webhooks.reveal.warning'),
          testId: 'webhook-secret',
          doneLabel: t('webhooks.reveal.done'),
        }
      }
    >
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack>
          {endpoint?.disabledReason && !endpoint.enabled && (
            <Text size="sm" c="red">
              {t('webhooks.form.disabledBecause', { reason: endpoint.disabledReason })}
            </Text>
          )}
          <TextInput
            label={t('webhooks.form.url')}
            description={t('webhooks.form.urlHint')}
            placeholder="https://shop.example.com/hooks/fanfare"
            required
            data-autofocus
            {...form.getInputProps('url')}
          />
          <TextInput
            label={t('webhooks.form.description')}
            maxLength={MAX_DESCRIPTION_LENGTH}
            {...form.getInputProps('description')}
          />
          <MultiSelect
            label={t('webhooks.form.eventTypes')}
            description={t('webhooks.form.eventTypesHint')}
            placeholder={form.values.eventTypes.length === 0 ? t('webhooks.allEvents') : undefined}
            data={WEBHOOK_EVENT_TYPES.map((type) => ({ value: type, label: type }))}
            clearable
            {...form.getInputProps('eventTypes')}
          />
          {endpoint && (
            <Switch
              label={t('webhooks.form.enabled')}
              description={t('webhooks.form.enabledHint')}
              {...form.getInputProps('enabled', { type: 'checkbox' })}
            />
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {endpoint ? t('common.save') : t('webhooks.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </OneTimeSecretModal>
  );
}
