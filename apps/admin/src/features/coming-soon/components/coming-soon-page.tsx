import { Badge, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconChartBar, IconGift, IconLayoutDashboard, IconReceipt, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export type ComingSoonSection = 'dashboard' | 'rewards' | 'redemptions' | 'reports';

const icons: Record<ComingSoonSection, Icon> = {
  dashboard: IconLayoutDashboard,
  rewards: IconGift,
  redemptions: IconReceipt,
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

function comingSoonPoints(section: ComingSoonSection, t: ReturnType<typeof useTranslation>['t']): string[] {
  switch (section) {
    case 'dashboard':
      return [
        t('comingSoon.dashboard.point1'),
        t('comingSoon.dashboard.point2'),
        t('comingSoon.dashboard.point3'),
      ];
    case 'rewards':
      return [t('comingSoon.rewards.point1'), t('comingSoon.rewards.point2'), t('comingSoon.rewards.point3')];
    case 'redemptions':
      return [t('comingSoon.redemptions.point1'), t('comingSoon.redemptions.point2')];
    case 'reports':
      return [t('comingSoon.reports.point1'), t('comingSoon.reports.point2'), t('comingSoon.reports.point3')];
  }
}
