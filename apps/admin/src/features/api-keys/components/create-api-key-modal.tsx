import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { SecretReveal } from '@/components/secret-reveal';
import type { ApiKeyScope, CreatedApiKeyDto } from '@/lib/api/types';
import { showFormError } from '@/lib/forms';

import { useCreateApiKey } from '../api/create-api-key';
import { useScopeOptions } from '../hooks/use-scope-options';

interface CreateApiKeyModalProps {
  brandId: string;
  opened: boolean;
  onClose: () => void;
}

interface FormValues {
  name: string;
  scopes: ApiKeyScope[];
}

/**
 * Two steps in one dialog: the form, then the new key's secret. The secret lives only in this
 * component's state, so closing the dialog forgets it for good.
 */
export function CreateApiKeyModal({ brandId, opened, onClose }: CreateApiKeyModalProps) {
  const { t } = useTranslation();
  const scopeOptions = useScopeOptions();
  const mutation = useCreateApiKey(brandId);
  const [created, setCreated] = useState<CreatedApiKeyDto | null>(null);
  const form = useForm<FormValues>({
    initialValues: { name: '', scopes: [] },
    validate: {
      name: (value) => (value.trim() ? null : t('apiKeys.createDialog.nameRequired')),
      scopes: (value) => (value.length > 0 ? null : t('apiKeys.createDialog.scopesRequired')),
    },
  });

  const close = () => {
    setCreated(null);
    form.reset();
    mutation.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    mutation.mutate(
      { name: values.name.trim(), scopes: values.scopes },
      { onSuccess: setCreated, onError: (error) => showFormError(form, error, t) },
    );
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t('apiKeys.secret.title') : t('apiKeys.createDialog.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
      // Closing by accident would lose the secret; in that step only the explicit button closes.
      closeOnClickOutside={!created}
    >
      {created ? (
        <Stack>
          <SecretReveal
            label={t('apiKeys.secret.label', { name: created.apiKey.name })}
            secret={created.secret}
            warning={t('apiKeys.secret.warning')}
            testId="api-key-secret"
          />
          <Group justify="flex-end">
            <Button onClick={close}>{t('apiKeys.secret.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t('apiKeys.createDialog.name')}
              description={t('apiKeys.createDialog.nameHint')}
              required
              maxLength={100}
              data-autofocus
              {...form.getInputProps('name')}
            />
            <Checkbox.Group
              label={t('apiKeys.createDialog.scopes')}
              description={t('apiKeys.createDialog.scopesHint')}
              required
              {...form.getInputProps('scopes')}
            >
              <Stack gap="sm" mt="xs">
                {scopeOptions.map(({ scope, description }) => (
                  <Checkbox
                    key={scope}
                    value={scope}
                    label={
                      <Text span size="sm" ff="monospace" fw={600}>
                        {scope}
                      </Text>
                    }
                    description={description}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {t('apiKeys.createDialog.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
