import { useTranslation } from 'react-i18next';

import { CopyField } from '@/components/copy-field';
import { OneTimeSecretModal } from '@/components/one-time-secret-modal';

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
    <OneTimeSecretModal
      opened={verifyToken !== null}
      onClose={onClose}
      title={t('connections.meta.token.title')}
      reveal={
        verifyToken
          ? {
              label: t('connections.meta.token.label'),
              secret: verifyToken,
              warning: t('connections.meta.token.warning'),
              testId: 'meta-verify-token',
              doneLabel: t('connections.meta.token.done'),
              extra: callbackUrl && (
                <CopyField
                  label={t('connections.meta.callbackUrl')}
                  value={callbackUrl}
                  testId="meta-verify-callback-url"
                />
              ),
            }
          : null
      }
    />
  );
}
