import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorMessage } from '@/lib/api/error-message';
import { notifySuccess } from '@/lib/notify';

import { useEraseFan } from '../api/erase-fan';
import { confirmsErasure } from '../utils/fan-actions';

interface EraseFanDialogProps {
  brandId: string;
  fanId: string;
  name: string;
  opened: boolean;
  onClose: () => void;
}

/** GDPR erasure: says what goes and what stays, and asks for a typed word before it erases. */
export function EraseFanDialog({ brandId, fanId, name, opened, onClose }: EraseFanDialogProps) {
  const { t } = useTranslation();
  const mutation = useEraseFan(brandId, fanId);
  const [typed, setTyped] = useState('');
  const word = t('fans.erase.word');
  const confirmed = confirmsErasure(typed, word);

  const close = () => {
    setTyped('');
    mutation.reset();
    onClose();
  };

  const erase = () => {
    if (!confirmed || mutation.isPending) {
      return;
    }
    mutation.mutate(undefined, {
      onSuccess: () => {
        notifySuccess(t('fans.erase.done'));
        close();
      },
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('fans.erase.title', { name })}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          erase();
        }}
        noValidate
      >
        <Stack>
          <List spacing="xs">
            <List.Item>{t('fans.erase.text')}</List.Item>
            <List.Item>{t('fans.erase.keeps')}</List.Item>
          </List>
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {t('fans.erase.irreversible')}
          </Alert>
          <TextInput
            label={t('fans.erase.confirmLabel', { word })}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            error={
              typed.trim().length >= word.length && !confirmed
                ? t('fans.erase.mismatch', { word })
                : undefined
            }
            autoComplete="off"
            spellCheck={false}
            data-autofocus
          />
          {mutation.isError && (
            <Alert color="red" variant="light" title={t('fans.erase.failedTitle')} role="alert">
              <Text size="sm">{errorMessage(mutation.error, t)}</Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={mutation.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={!confirmed} loading={mutation.isPending}>
              {t('fans.erase.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
