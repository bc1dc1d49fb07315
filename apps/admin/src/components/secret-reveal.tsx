import { Alert, Button, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconLock } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface SecretRevealProps {
  label: string;
  secret: string;
  warning: string;
  testId: string;
}

/** A secret the server shows exactly once (API key, one-time password), with a copy button. */
export function SecretReveal({ label, secret, warning, testId }: SecretRevealProps) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" icon={<IconLock aria-hidden />}>
        {warning}
      </Alert>
      <Stack gap={6}>
        <Text id={labelId} size="sm" fw={500}>
          {label}
        </Text>
        <Group gap="xs" wrap="nowrap" align="stretch">
          <Code
            block
            aria-labelledby={labelId}
            data-testid={testId}
            style={{
              flex: 1,
              wordBreak: 'break-all',
              whiteSpace: 'pre-wrap',
              fontSize: 'var(--mantine-font-size-sm)',
            }}
          >
            {secret}
          </Code>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
                <Button
                  variant={copied ? 'filled' : 'light'}
                  color={copied ? 'teal' : undefined}
                  onClick={copy}
                  leftSection={
                    copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                  }
                >
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Stack>
  );
}
