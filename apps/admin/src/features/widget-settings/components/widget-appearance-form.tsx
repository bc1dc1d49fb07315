import {
  Button,
  ColorInput,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';

import { errorMessage } from '@/lib/api/error-message';
import { ApiError } from '@/lib/api/problem';
import type { WidgetSettingsDto } from '@/lib/api/types';
import { notifyError, notifySuccess } from '@/lib/notify';

import { useUpdateWidgetSettings } from '../api/update-widget-settings';
import {
  MAX_ORIGINS,
  MAX_TEXT_LENGTH,
  WIDGET_LOCALES,
  type WidgetFormValues,
  changesOf,
  placeFieldErrors,
  valuesOf,
  widgetFormValidation,
} from '../utils/widget-form';
import { WidgetPreview } from './widget-preview';

interface WidgetAppearanceFormProps {
  brandId: string;
  settings: WidgetSettingsDto;
}

/**
 * Allowed origins, colours and texts in one form with one Save, next to a live preview of the unsaved
 * values. "Changed" is always measured against the settings as the server last sent them.
 */
export function WidgetAppearanceForm({ brandId, settings }: WidgetAppearanceFormProps) {
  const { t } = useTranslation();
  const mutation = useUpdateWidgetSettings(brandId);
  const form = useForm<WidgetFormValues>({
    initialValues: valuesOf(settings),
    validate: widgetFormValidation(t),
  });
  const values = form.getValues();
  const dirty = Object.keys(changesOf(settings, values)).length > 0;

  const submit = form.onSubmit((submitted) => {
    mutation.mutate(changesOf(settings, submitted), {
      onSuccess: (saved) => {
        // The server normalises origins and colours; the form shows what it stored.
        form.setValues(valuesOf(saved));
        notifySuccess(t('widgetSettings.appearance.saved'));
      },
      onError: (error) => {
        const fieldErrors = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
        const { onFields, elsewhere } = placeFieldErrors(fieldErrors, submitted, t);
        form.setErrors(onFields);
        if (Object.keys(onFields).length === 0 || elsewhere.length > 0) {
          notifyError(errorMessage(error, t));
        }
      },
    });
  });

  const reset = () => {
    form.setValues(valuesOf(settings));
    form.clearErrors();
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <form onSubmit={submit} noValidate aria-label={t('widgetSettings.appearance.formLabel')}>
          <Stack gap="lg">
            <Paper withBorder p="lg" radius="md">
              <Stack gap="sm">
                <Title order={3} size="h5">
                  {t('widgetSettings.origins.title')}
                </Title>
                <TagsInput
                  label={t('widgetSettings.origins.label')}
                  description={t('widgetSettings.origins.hint')}
                  placeholder={t('widgetSettings.origins.placeholder')}
                  maxTags={MAX_ORIGINS}
                  splitChars={[',', ' ']}
                  acceptValueOnBlur
                  {...form.getInputProps('allowedOrigins')}
                />
              </Stack>
            </Paper>
            <Paper withBorder p="lg" radius="md">
              <Stack gap="sm">
                <div>
                  <Title order={3} size="h5">
                    {t('widgetSettings.appearance.coloursTitle')}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('widgetSettings.appearance.coloursDescription')}
                  </Text>
                </div>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <ColorInput
                    label={t('widgetSettings.appearance.primaryColor')}
                    description={t('widgetSettings.appearance.primaryColorHint')}
                    format="hex"
                    placeholder="#c2410c"
                    {...form.getInputProps('theme.primaryColor')}
                  />
                  <ColorInput
                    label={t('widgetSettings.appearance.textColor')}
                    description={t('widgetSettings.appearance.textColorHint')}
                    format="hex"
                    placeholder="#1f2937"
                    {...form.getInputProps('theme.textColor')}
                  />
                  <ColorInput
                    label={t('widgetSettings.appearance.backgroundColor')}
                    description={t('widgetSettings.appearance.backgroundColorHint')}
                    format="hex"
                    placeholder="#ffffff"
                    {...form.getInputProps('theme.backgroundColor')}
                  />
                </SimpleGrid>
              </Stack>
            </Paper>
            <Paper withBorder p="lg" radius="md">
              <Stack gap="sm">
                <div>
                  <Title order={3} size="h5">
                    {t('widgetSettings.appearance.textsTitle')}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('widgetSettings.appearance.textsDescription')}
                  </Text>
                </div>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  {WIDGET_LOCALES.map((locale) => {
                    const language = t(`locales.${locale}`);
                    return (
                      <Stack key={locale} gap="sm">
                        <TextInput
                          label={t('widgetSettings.appearance.titleLabel', { language })}
                          description={t('widgetSettings.appearance.titleHint')}
                          maxLength={MAX_TEXT_LENGTH.title}
                          lang={locale}
                          {...form.getInputProps(`texts.${locale}.title`)}
                        />
                        <Textarea
                          label={t('widgetSettings.appearance.welcomeLabel', { language })}
                          description={t('widgetSettings.appearance.welcomeHint')}
                          maxLength={MAX_TEXT_LENGTH.welcome}
                          autosize
                          minRows={2}
                          lang={locale}
                          {...form.getInputProps(`texts.${locale}.welcome`)}
                        />
                      </Stack>
                    );
                  })}
                </SimpleGrid>
              </Stack>
            </Paper>
            <Group justify="flex-end">
              {dirty && (
                <Text size="sm" c="dimmed" mr="auto" role="status">
                  {t('widgetSettings.appearance.unsaved')}
                </Text>
              )}
              <Button variant="default" disabled={!dirty || mutation.isPending} onClick={reset}>
                {t('widgetSettings.appearance.reset')}
              </Button>
              <Button type="submit" disabled={!dirty} loading={mutation.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <WidgetPreview publishableKey={settings.publishableKey} values={values} />
      </Grid.Col>
    </Grid>
  );
}
