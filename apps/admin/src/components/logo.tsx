import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';

export function Logo({ size = 'lg' }: { size?: 'md' | 'lg' | 'xl' }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={size === 'xl' ? 40 : 30} radius="md" variant="filled" aria-hidden>
        <IconSpeakerphone size={size === 'xl' ? 24 : 18} stroke={2} />
      </ThemeIcon>
      <Text component="span" fw={800} size={size === 'xl' ? '1.75rem' : size} c="fanfare.8" lts={-0.3}>
        Fanfare
      </Text>
    </Group>
  );
}
