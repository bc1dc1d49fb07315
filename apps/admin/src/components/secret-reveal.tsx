import { Alert, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';

import { CopyField } from './copy-field';

interface SecretRevealProps {
  label: string;
  secret: string;
  warning: string;
  testId: string;
}

/** A secret the server shows exactly once (API key, one-time password), with a copy button. */
export function SecretReveal({ label, secret, warning, testId }: SecretRevealProps) {
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" icon={<IconLock aria-hidden />}>
        {warning}
      </Alert>
      <CopyField label={label} value={secret} testId={testId} />
    </Stack>
  );
}
