import {
  type AnalyticsSettings,
  ENGAGEMENT_TYPES,
  type EngagementType,
  MAX_ACTIVE_WINDOW_DAYS,
  MIN_ACTIVE_WINDOW_DAYS,
} from '@fanfare/shared';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageHeader } from '@/components/page-header';
import type { Role } from '@/lib/api/types';
import { useCurrentBrand } from '@/lib/current-brand';
import { formatDateTime } from '@/lib/format';
import { showFormError } from '@/lib/forms';
import { notifySuccess } from '@/lib/notify';

import { useAnalyticsSettings } from '../api/get-analytics-settings';
import { useUpdateAnalyticsSettings } from '../api/update-analytics-settings';
import {
  type AnalyticsFormValues,
  DEFAULT_VALUES,
  analyticsFormValidation,
  bodyOf,
  isChanged,
  valuesOf,
} from '../utils/analytics-form';

/** Owners and managers change the settings; analysts read them (the API enforces the same). */
function canEditAnalytics(role: Role | null): boolean {
  return role === 'owner' || role === 'manager';
}

/** Settings → Analytics: what makes a fan "active", which the dashboard and reports count by. */
export function AnalyticsSettingsPage() {
  const { t } = useTranslation();
  const brand = useCurrentBrand();
  const settings = useAnalyticsSettings(brand.id);

  return (
    <>
      <PageHeader
        order={2}
        title={t('analyticsSettings.title')}
        description={t('analyticsSettings.description')}
      />
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        // A fresh form per brand; after a save the form already holds what was saved.
        <AnalyticsSettingsForm
          key={brand.id}
          brandId={brand.id}
          settings={settings.data}
          canEdit={canEditAnalytics(brand.role)}
        />
      )}
    </>
  );
}

interface AnalyticsSettingsFormProps {
  brandId: string;
  settings: AnalyticsSettings;
  canEdit: boolean;
}

function AnalyticsSettingsForm({ brandId, settings, canEdit }: AnalyticsSettingsFormProps) {
  const { t, i18n } = useTranslation();
  const mutation = useUpdateAnalyticsSettings(brandId);
  const form = useForm<AnalyticsFormValues>({
    initialValues: valuesOf(settings),
    validate: analyticsFormValidation(t),
  });
  const values = form.getValues();
  const dirty = isChanged(settings, values);
  const typeLabel = (type: EngagementType) =>
    type === 'custom' ? t('analyticsSettings.types.custom') : t(`campaigns.eventTypes.${type}`);

  const submit = form.onSubmit((submitted) => {
    mutation.mutate(bodyOf(submitted), {
      onSuccess: (saved) => {
        form.setValues(valuesOf(saved));
        notifySuccess(t('analyticsSettings.saved'));
      },
      onError: (error) => showFormError(form, error, t),
    });
  });

  return (
    <Stack gap="lg" maw={760}>
      {settings.state === 'recalculating' && (
        <Alert
          color="blue"
          variant="light"
          icon={<Loader size={18} color="blue" aria-hidden />}
          title={t('analytics.recalculating.title')}
          role="status"
          data-testid="recalculation-notice"
        >
          {t('analytics.recalculating.text')}
        </Alert>
      )}
      {!canEdit && (
        <Alert icon={<IconInfoCircle aria-hidden />} variant="light">
          {t('analyticsSettings.readOnly')}
        </Alert>
      )}
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate aria-label={t('analyticsSettings.formLabel')}>
          <Stack gap="lg">
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('analyticsSettings.window.title')}
              </Title>
              <NumberInput
                label={t('analyticsSettings.window.label')}
                description={t('analyticsSettings.window.hint', {
                  count: Number(values.activeWindowDays) || MIN_ACTIVE_WINDOW_DAYS,
                })}
                min={MIN_ACTIVE_WINDOW_DAYS}
                max={MAX_ACTIVE_WINDOW_DAYS}
                allowDecimal={false}
                allowNegative={false}
                readOnly={!canEdit}
                required
                w={320}
                {...form.getInputProps('activeWindowDays')}
              />
            </Stack>
            <Checkbox.Group
              label={t('analyticsSettings.types.title')}
              description={t('analyticsSettings.types.hint')}
              {...form.getInputProps('engagementTypes')}
            >
              <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="xs" verticalSpacing="xs" mt="sm">
                {ENGAGEMENT_TYPES.map((type) => (
                  <Checkbox key={type} value={type} label={typeLabel(type)} disabled={!canEdit} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Text size="sm" c="dimmed">
              {t('analyticsSettings.timeZone', { timeZone: settings.timeZone })}{' '}
              {settings.rebuiltAt
                ? t('analyticsSettings.rebuiltAt', {
                    when: formatDateTime(settings.rebuiltAt, i18n.language, settings.timeZone),
                  })
                : null}
            </Text>
            {canEdit && (
              <Group justify="flex-end">
                <Button
                  variant="subtle"
                  mr="auto"
                  disabled={mutation.isPending}
                  onClick={() => {
                    form.setValues(DEFAULT_VALUES);
                    form.clearErrors();
                  }}
                >
                  {t('analyticsSettings.useDefaults')}
                </Button>
                <Button
                  variant="default"
                  disabled={!dirty || mutation.isPending}
                  onClick={() => {
                    form.setValues(valuesOf(settings));
                    form.clearErrors();
                  }}
                >
                  {t('common.cancel')}
                </Button>
                <Button type="submit" disabled={!dirty} loading={mutation.isPending}>
                  {t('common.save')}
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
