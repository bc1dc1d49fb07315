import { Button, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { CopyField } from '@/components/copy-field';
import { SecretReveal } from '@/components/secret-reveal';

interface VerifyTokenModalProps {
  /** The token the API answered just now; the dialog is open while there is one. */
  verifyToken: string | null;
  callbackUrl: string | null;
  onClose: () => void;
}

/** The verify token for Meta's subscription handshake, shown this once beside the Callback URL. */
export function VerifyTokenModal({ verifyToken, callbackUrl, onClose }: VerifyTokenModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={verifyToken !== null}
      onClose={onClose}
      title={t('connections.meta.token.title')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      // Closing by accident would lose the token; only the explicit button closes.
      closeOnClickOutside={false}
    >
      {verifyToken && (
        <Stack>
          <SecretReveal
            label={t('connections.meta.token.label')}
            secret={verifyToken}
            warning={t('connections.meta.token.warning')}
            testId="meta-verify-token"
          />
          {callbackUrl && (
            <CopyField
              label={t('connections.meta.callbackUrl')}
              value={callbackUrl}
              testId="meta-verify-callback-url"
            />
          )}
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('connections.meta.token.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
