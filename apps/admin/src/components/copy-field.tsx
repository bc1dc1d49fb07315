import { Button, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface CopyFieldProps {
  label: string;
  value: string;
  testId: string;
  description?: string;
}

/** A labelled value to copy (a key, a secret, a code snippet): shown as code, with a copy button. */
export function CopyField({ label, value, testId, description }: CopyFieldProps) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
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
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
              <Button
                variant={copied ? 'filled' : 'light'}
                color={copied ? 'teal' : undefined}
                onClick={copy}
                aria-label={`${copied ? t('common.copied') : t('common.copy')}: ${label}`}
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
      {description && (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      )}
    </Stack>
  );
}
