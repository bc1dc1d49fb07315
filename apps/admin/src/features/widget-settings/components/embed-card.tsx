import { Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { CopyField } from '@/components/copy-field';

import { INIT_SNIPPET, embedSnippet, mintSnippet } from '../utils/embed-snippet';

/** The publishable key and the lines a shop pastes into its pages. */
export function EmbedCard({
  publishableKey,
  activeKid,
}: {
  publishableKey: string;
  activeKid: string | null;
}) {
  const { t } = useTranslation();
  const mint = mintSnippet(activeKid);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="widget-embed-title">
      <Stack>
        <div>
          <Title order={3} size="h5" id="widget-embed-title">
            {t('widgetSettings.embed.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('widgetSettings.embed.description')}
          </Text>
        </div>
        <CopyField
          label={t('widgetSettings.embed.publishableKey')}
          value={publishableKey}
          description={t('widgetSettings.embed.publishableKeyHint')}
          testId="widget-publishable-key"
        />
        <CopyField
          label={t('widgetSettings.embed.snippet')}
          value={embedSnippet(window.location.origin, publishableKey)}
          testId="widget-embed-snippet"
        />
        <CopyField label={t('widgetSettings.embed.init')} value={INIT_SNIPPET} testId="widget-init-snippet" />
        <Text size="sm">{t('widgetSettings.embed.tokenHint')}</Text>
        <div>
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={500} id="widget-mint-title">
              {t('widgetSettings.embed.mintTitle')}
            </Text>
            <CopyButton value={mint}>
              {({ copied, copy }) => (
                <Button size="compact-sm" variant="light" onClick={copy} aria-describedby="widget-mint-title">
                  {copied ? t('widgetSettings.embed.copied') : t('widgetSettings.embed.copyCode')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Code block data-testid="widget-mint-snippet" aria-labelledby="widget-mint-title">
            {mint}
          </Code>
        </div>
      </Stack>
    </Paper>
  );
}
