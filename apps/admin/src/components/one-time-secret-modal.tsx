import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { SecretReveal } from './secret-reveal';

export interface RevealedSecret {
  label: string;
  secret: string;
  warning: string;
  testId: string;
  /** The button that closes the dialog once the secret is copied. */
  doneLabel: string;
  /** Shown below the secret (what goes with it, e.g. its key id). */
  extra?: ReactNode;
}

interface OneTimeSecretModalProps {
  opened: boolean;
  /** Closes the dialog; the caller forgets the secret and resets its form here. */
  onClose: () => void;
  title: string;
  /** The secret the API answered just now: shown in place of `children`. */
  reveal: RevealedSecret | null;
  /** The step before the secret (the form that asks for it). */
  children?: ReactNode;
}

/**
 * A dialog that ends by showing a secret exactly once. While the secret shows, a click beside the
 * dialog does not close it (that would lose the secret): only the close and done buttons do.
 */
export function OneTimeSecretModal({ opened, onClose, title, reveal, children }: OneTimeSecretModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={reveal === null}
    >
      {reveal ? (
        <Stack>
          <SecretReveal
            label={reveal.label}
            secret={reveal.secret}
            warning={reveal.warning}
            testId={reveal.testId}
          />
          {reveal.extra}
          <Group justify="flex-end">
            <Button onClick={onClose}>{reveal.doneLabel}</Button>
          </Group>
        </Stack>
      ) : (
        children
      )}
    </Modal>
  );
}
