import { Badge, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconChartBar, IconLayoutDashboard, type Icon } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

export type ComingSoonSection = 'dashboard' | 'reports';

const icons: Record<ComingSoonSection, Icon> = {
  dashboard: IconLayoutDashboard,
  reports: IconChartBar,
};

/** An honest placeholder for a section that is not built yet: what it will do, and no fake data. */
export function ComingSoonPage({ section }: { section: ComingSoonSection }) {
  const { t } = useTranslation();
  const SectionIcon = icons[section];
  const points = comingSoonPoints(section, t);

  return (
    <Stack gap="lg" maw={760}>
      <Group gap="sm">
        <Title order={1} size="h2">
          {t(`comingSoon.${section}.title`)}
        </Title>
        <Badge variant="light" size="lg">
          {t('comingSoon.badge')}
        </Badge>
      </Group>
      <Paper withBorder radius="md" p="xl">
        <Group align="flex-start" wrap="nowrap" gap="lg">
          <ThemeIcon size={48} radius="md" variant="light" aria-hidden>
            <SectionIcon size={28} />
          </ThemeIcon>
          <Stack gap="md">
            <Text size="lg">{t(`comingSoon.${section}.summary`)}</Text>
            <Text c="dimmed">{t('comingSoon.intro')}</Text>
            <List spacing="xs">
              {points.map((point) => (
                <List.Item key={point}>{point}</List.Item>
              ))}
            </List>
          </Stack>
        </Group>
      </Paper>
    </Stack>
  );
}

function comingSoonPoints(section: ComingSoonSection, t: TFunction): string[] {
  switch (section) {
    case 'dashboard':
      return [
        t('comingSoon.dashboard.point1'),
        t('comingSoon.dashboard.point2'),
        t('comingSoon.dashboard.point3'),
      ];
    case 'reports':
      return [t('comingSoon.reports.point1'), t('comingSoon.reports.point2'), t('comingSoon.reports.point3')];
  }
}
