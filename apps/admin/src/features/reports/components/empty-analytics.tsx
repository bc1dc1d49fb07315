import { Anchor, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** A brand without fans yet: what will appear here and how fans get in, instead of charts of zeros. */
export function EmptyAnalytics({ brandId }: { brandId: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="xl" data-testid="analytics-empty">
      <Stack align="center" gap="sm" maw={560} mx="auto" ta="center">
        <ThemeIcon size={48} radius="md" variant="light" aria-hidden>
          <IconChartLine size={28} />
        </ThemeIcon>
        <Title order={2} size="h4">
          {t('analytics.empty.title')}
        </Title>
        <Text c="dimmed">{t('analytics.empty.text')}</Text>
        <Anchor component={Link} to={`/brands/${brandId}/campaigns`}>
          {t('analytics.empty.campaigns')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
