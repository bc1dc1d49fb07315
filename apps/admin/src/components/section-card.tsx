import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionCardProps {
  /** The heading's id; the section is labelled by it. Unique on the page. */
  titleId: string;
  title: string;
  description: ReactNode;
  /** Long unbreakable words in the description (a URL) may wrap anywhere. */
  breakDescription?: boolean;
  /** Beside the heading, on the right (a create button, a filter, a state badge). */
  actions?: ReactNode;
  /** Below the heading. */
  children: ReactNode;
  /** Dialogs and drawers the section opens; they render after its body. */
  overlays?: ReactNode;
}

/** One bordered section of a settings page: heading, description and actions, then its content. */
export function SectionCard({
  titleId,
  title,
  description,
  breakDescription = false,
  actions,
  children,
  overlays,
}: SectionCardProps) {
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={titleId}>
      <Stack>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <div style={{ maxWidth: 720 }}>
            <Title order={3} size="h5" id={titleId}>
              {title}
            </Title>
            <Text size="sm" c="dimmed" style={breakDescription ? { wordBreak: 'break-all' } : undefined}>
              {description}
            </Text>
          </div>
          {actions}
        </Group>
        {children}
      </Stack>
      {overlays}
    </Paper>
  );
}
