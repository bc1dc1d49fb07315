import { Alert, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageHeader } from '@/components/page-header';
import { permissionsOf, useCurrentBrand } from '@/lib/current-brand';

import { useWidgetSettings } from '../api/get-widget-settings';
import { EmbedCard } from './embed-card';
import { SecretsCard } from './secrets-card';
import { WidgetAppearanceForm } from './widget-appearance-form';

/** Settings → Widget: embedding, signing secrets, allowed origins, colours and texts with a preview. */
export function WidgetSettingsPage() {
  const { t } = useTranslation();
  const brand = useCurrentBrand();
  const canManage = permissionsOf(brand.role).manageWidget;

  return (
    <>
      <PageHeader order={2} title={t('widgetSettings.title')} description={t('widgetSettings.description')} />
      {canManage ? (
        <WidgetSettingsSections key={brand.id} brandId={brand.id} />
      ) : (
        <Alert icon={<IconInfoCircle aria-hidden />} variant="light">
          {t('widgetSettings.managersOnly')}
        </Alert>
      )}
    </>
  );
}

function WidgetSettingsSections({ brandId }: { brandId: string }) {
  const settings = useWidgetSettings(brandId);

  if (settings.isPending) {
    return <LoadingState />;
  }
  if (settings.isError) {
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  return (
    <Stack gap="lg">
      <EmbedCard
        publishableKey={settings.data.publishableKey}
        activeKid={settings.data.secrets.find((secret) => secret.state === 'active')?.kid ?? null}
      />
      <SecretsCard brandId={brandId} secrets={settings.data.secrets} />
      <WidgetAppearanceForm brandId={brandId} settings={settings.data} />
    </Stack>
  );
}
