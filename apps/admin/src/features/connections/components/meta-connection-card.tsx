import {
  Badge,
  Button,
  Group,
  List,
  PasswordInput,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconKey, IconPlugConnectedX, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ConfirmDialog } from '@/components/confirm-dialog';
import { CopyField } from '@/components/copy-field';
import { SectionCard } from '@/components/section-card';
import { errorMessage } from '@/lib/api/error-message';
import type { MetaConnectionDto } from '@/lib/api/types';
import { useCurrentBrand } from '@/lib/current-brand';
import { formatDateTime } from '@/lib/format';
import { showFormError } from '@/lib/forms';
import { notifyError, notifySuccess } from '@/lib/notify';

import { useDeleteMetaConnection } from '../api/delete-meta-connection';
import { useSaveMetaConnection } from '../api/save-meta-connection';
import { useSendMetaTest } from '../api/send-meta-test';
import {
  MAX_META_IDS,
  META_ID_FIELDS,
  type MetaFormValues,
  metaBody,
  metaFormValidation,
  metaFormValues,
} from '../utils/meta-form';
import { VerifyTokenModal } from './verify-token-modal';

interface MetaConnectionCardProps {
  brandId: string;
  connection: MetaConnectionDto | null;
}

const ID_FIELD_KEYS = {
  pageIds: 'pages',
  instagramIds: 'instagram',
  whatsappIds: 'whatsapp',
} as const;

/**
 * The brand's Meta app: what to enter where in Meta's App Dashboard, the form for the app and the
 * accounts to listen to, and the verify token, which the API answers once (on connecting and on
 * request) and this card shows in a dialog that forgets it when closed.
 */
export function MetaConnectionCard({ brandId, connection }: MetaConnectionCardProps) {
  const { t, i18n } = useTranslation();
  const brand = useCurrentBrand();
  const connected = connection !== null;
  const save = useSaveMetaConnection(brandId);
  const disconnect = useDeleteMetaConnection(brandId);
  const test = useSendMetaTest(brandId);
  const [verifyToken, setVerifyToken] = useState<string | null>(null);
  const [confirmDisconnect, setConfirmDisconnect] = useState(false);
  const form = useForm<MetaFormValues>({
    initialValues: metaFormValues(connection),
    validate: metaFormValidation(t, connected),
  });
  const callbackUrl = connection ? `${window.location.origin}${connection.callbackPath}` : null;

  /** The form shows what the server stored (ids without repeats, the secret field empty again). */
  const showSaved = (saved: MetaConnectionDto | null) => {
    const values = metaFormValues(saved);
    form.setInitialValues(values);
    form.setValues(values);
    form.resetDirty(values);
  };

  const submit = form.onSubmit((values) => {
    save.mutate(metaBody(values), {
      onSuccess: ({ connection: saved, verifyToken: token }) => {
        showSaved(saved);
        notifySuccess(connected ? t('connections.meta.saved') : t('connections.meta.connected'));
        if (token) setVerifyToken(token);
      },
      onError: (error) => showFormError(form, error, t),
    });
  });

  // A new token only: the saved app and accounts go along unchanged, whatever the form holds.
  const renewToken = () => {
    save.mutate(metaBody(metaFormValues(connection), true), {
      onSuccess: ({ verifyToken: token }) => {
        if (token) setVerifyToken(token);
      },
      onError: (error) => notifyError(errorMessage(error, t)),
    });
  };

  const sendTest = () => {
    test.mutate(undefined, {
      onSuccess: () => notifySuccess(t('connections.meta.testSent')),
      onError: (error) => notifyError(errorMessage(error, t)),
    });
  };

  const confirmDisconnecting = () => {
    disconnect.mutate(undefined, {
      onSuccess: () => {
        setConfirmDisconnect(false);
        showSaved(null);
        notifySuccess(t('connections.meta.disconnect.done'));
      },
      onError: (error) => {
        setConfirmDisconnect(false);
        notifyError(errorMessage(error, t));
      },
    });
  };

  return (
    <SectionCard
      titleId="meta-connection-title"
      title={t('connections.meta.title')}
      description={t('connections.meta.description')}
      actions={
        <Badge color={connected ? 'teal' : 'gray'} variant="light" data-testid="meta-connection-state">
          {connected ? t('connections.meta.state.connected') : t('connections.meta.state.notConnected')}
        </Badge>
      }
      overlays={
        <>
          <VerifyTokenModal
            verifyToken={verifyToken}
            callbackUrl={callbackUrl}
            onClose={() => setVerifyToken(null)}
          />
          <ConfirmDialog
            opened={confirmDisconnect}
            title={t('connections.meta.disconnect.title')}
            message={t('connections.meta.disconnect.text')}
            confirmLabel={t('connections.meta.disconnect.confirm')}
            loading={disconnect.isPending}
            onConfirm={confirmDisconnecting}
            onClose={() => setConfirmDisconnect(false)}
          />
        </>
      }
    >
      <div>
        <Text size="sm" fw={500} id="meta-steps-title">
          {t('connections.meta.steps.title')}
        </Text>
        <List type="ordered" size="sm" spacing={4} mt={4} aria-labelledby="meta-steps-title">
          <List.Item>{t('connections.meta.steps.app')}</List.Item>
          <List.Item>{t('connections.meta.steps.webhook')}</List.Item>
          <List.Item>{t('connections.meta.steps.fields')}</List.Item>
          <List.Item>{t('connections.meta.steps.test')}</List.Item>
        </List>
      </div>
      {connection && callbackUrl && (
        <Stack gap="xs">
          <CopyField
            label={t('connections.meta.callbackUrl')}
            value={callbackUrl}
            description={t('connections.meta.callbackUrlHint')}
            testId="meta-callback-url"
          />
          <Text size="sm" c="dimmed">
            {t('connections.meta.verifyTokenHint')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('connections.meta.since', {
              date: formatDateTime(connection.createdAt, i18n.language, brand.timeZone),
            })}
          </Text>
        </Stack>
      )}
      <form onSubmit={submit} noValidate aria-label={t('connections.meta.form.label')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('connections.meta.form.appId')}
              description={t('connections.meta.form.appIdHint')}
              inputMode="numeric"
              autoComplete="off"
              {...form.getInputProps('appId')}
            />
            <PasswordInput
              label={t('connections.meta.form.appSecret')}
              description={
                connection
                  ? t('connections.meta.form.appSecretKeepHint')
                  : t('connections.meta.form.appSecretHint')
              }
              placeholder={
                connection
                  ? t('connections.meta.form.appSecretPlaceholder', { hint: connection.appSecretHint })
                  : undefined
              }
              required={!connected}
              autoComplete="new-password"
              visibilityToggleButtonProps={{ 'aria-label': t('connections.meta.form.toggleSecret') }}
              {...form.getInputProps('appSecret')}
              // Mantine marks the other inputs itself, not this one.
              aria-invalid={form.errors.appSecret ? true : undefined}
            />
          </SimpleGrid>
          {META_ID_FIELDS.map((field) => (
            <TagsInput
              key={field}
              label={t(`connections.meta.form.${ID_FIELD_KEYS[field]}`)}
              description={t(`connections.meta.form.${ID_FIELD_KEYS[field]}Hint`)}
              placeholder={t('connections.meta.form.idPlaceholder')}
              maxTags={MAX_META_IDS}
              splitChars={[',', ' ', ';']}
              acceptValueOnBlur
              {...form.getInputProps(field)}
            />
          ))}
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={save.isPending}
              disabled={connected && !form.isDirty()}
              data-testid="meta-save"
            >
              {connected ? t('common.save') : t('connections.meta.connect')}
            </Button>
          </Group>
        </Stack>
      </form>
      {connected && (
        <Group gap="sm" role="group" aria-label={t('connections.meta.actions')}>
          <Button
            variant="light"
            leftSection={<IconSend size={18} aria-hidden />}
            onClick={sendTest}
            loading={test.isPending}
          >
            {t('connections.meta.sendTest')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconKey size={18} aria-hidden />}
            onClick={renewToken}
            disabled={save.isPending}
          >
            {t('connections.meta.newVerifyToken')}
          </Button>
          <Button
            variant="light"
            color="red"
            leftSection={<IconPlugConnectedX size={18} aria-hidden />}
            onClick={() => setConfirmDisconnect(true)}
            ml="auto"
          >
            {t('connections.meta.disconnect.button')}
          </Button>
        </Group>
      )}
    </SectionCard>
  );
}
