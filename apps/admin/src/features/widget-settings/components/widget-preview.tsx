import { Box, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { isLanguage } from '@/lib/i18n/language';

import { previewUrl } from '../utils/preview-url';
import { WIDGET_LOCALES, type WidgetFormValues, type WidgetLocale } from '../utils/widget-form';

const PREVIEW_DEBOUNCE_MS = 300;

interface WidgetPreviewProps {
  publishableKey: string;
  values: Pick<WidgetFormValues, 'theme' | 'texts'>;
}

/**
 * The widget as fans would see it with the form's unsaved colours and texts. The address changes
 * at most every 300 ms, so typing does not reload the frame on every key.
 */
export function WidgetPreview({ publishableKey, values }: WidgetPreviewProps) {
  const { t, i18n } = useTranslation();
  const [locale, setLocale] = useState<WidgetLocale>(isLanguage(i18n.language) ? i18n.language : 'en');
  const [src] = useDebouncedValue(previewUrl({ publishableKey, locale, values }), PREVIEW_DEBOUNCE_MS);
  const language = t(`locales.${locale}`);

  return (
    <Paper withBorder p="lg" radius="md" pos="sticky" top="var(--app-shell-header-offset, 0px)">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h5">
            {t('widgetSettings.preview.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('widgetSettings.preview.description')}
          </Text>
        </div>
        <SegmentedControl
          value={locale}
          onChange={(value) => isLanguage(value) && setLocale(value)}
          aria-label={t('widgetSettings.preview.language')}
          data={WIDGET_LOCALES.map((value) => ({ value, label: t(`locales.${value}`) }))}
        />
        <Box
          component="iframe"
          src={src}
          title={t('widgetSettings.preview.frameTitle', { language })}
          data-testid="widget-preview"
          w="100%"
          maw={400}
          h={600}
          mx="auto"
          display="block"
          style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}
        />
      </Stack>
    </Paper>
  );
}
