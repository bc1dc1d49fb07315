import { Alert, Badge, Button, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { PageHeader } from '@/components/page-header';
import type { BrandDto, UpdateBrandDto } from '@/lib/api/types';
import { permissionsOf, useCurrentBrand } from '@/lib/current-brand';
import { formatDateTime } from '@/lib/format';
import { showFormError } from '@/lib/forms';
import { notifySuccess } from '@/lib/notify';

import { useUpdateBrand } from '../api/update-brand';
import { BrandFormFields, type BrandFormValues } from './brand-form-fields';
import { brandFormValidation } from './brand-form-validation';
import { PointsExpiryCard } from './points-expiry-card';

function valuesOf(brand: BrandDto): BrandFormValues {
  return { name: brand.name, slug: brand.slug, timeZone: brand.timeZone, locale: brand.locale };
}

/** Only what changed goes to the API, so the audit log records exactly the user's edits. */
function changesOf(brand: BrandDto, values: BrandFormValues): UpdateBrandDto {
  const changes: UpdateBrandDto = {};
  const name = values.name.trim();
  const slug = values.slug.trim();
  if (name !== brand.name) changes.name = name;
  if (slug !== brand.slug) changes.slug = slug;
  if (values.timeZone !== brand.timeZone) changes.timeZone = values.timeZone;
  if (values.locale !== brand.locale) changes.locale = values.locale;
  return changes;
}

export function BrandSettingsPage() {
  const brand = useCurrentBrand();
  // Another brand starts a fresh form. After a save the form already holds the saved values, and
  // "changed" is always measured against the brand as the server last sent it.
  return <BrandSettingsForm key={brand.id} brand={brand} />;
}

function BrandSettingsForm({ brand }: { brand: BrandDto }) {
  const { t, i18n } = useTranslation();
  const canEdit = permissionsOf(brand.role).editBrand;
  const mutation = useUpdateBrand(brand.id);
  const form = useForm<BrandFormValues>({
    initialValues: valuesOf(brand),
    validate: brandFormValidation(t, false),
  });
  const changes = changesOf(brand, form.getValues());
  const dirty = Object.keys(changes).length > 0;

  const submit = form.onSubmit((values) => {
    mutation.mutate(changesOf(brand, values), {
      onSuccess: () => notifySuccess(t('brands.settings.saved')),
      onError: (error) => showFormError(form, error, t),
    });
  });

  return (
    <>
      <PageHeader
        order={2}
        title={t('brands.settings.title')}
        description={t('brands.settings.description')}
      />
      <Stack gap="lg" maw={640}>
        {!canEdit && (
          <Alert icon={<IconInfoCircle aria-hidden />} variant="light">
            {t('brands.settings.readOnly')}
          </Alert>
        )}
        {brand.isDemo && (
          <Alert icon={<IconInfoCircle aria-hidden />} variant="light" color="gray">
            {t('brands.settings.demo')}
          </Alert>
        )}
        <Paper withBorder p="lg" radius="md">
          <form onSubmit={submit} noValidate aria-label={t('brands.settings.formLabel')}>
            <Stack>
              <BrandFormFields form={form} readOnly={!canEdit} />
              {canEdit && (
                <Group justify="flex-end">
                  <Button
                    variant="default"
                    disabled={!dirty || mutation.isPending}
                    onClick={() => {
                      form.setValues(valuesOf(brand));
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
        <PointsExpiryCard brand={brand} canEdit={canEdit} />
        <Paper withBorder p="lg" radius="md">
          <Stack gap="xs">
            <Group gap="xs">
              <Text size="sm" fw={500}>
                {t('brands.settings.id')}
              </Text>
              {brand.isDemo && (
                <Badge size="sm" variant="light" color="gray">
                  {t('brands.switcher.demo')}
                </Badge>
              )}
            </Group>
            <Code data-testid="brand-id">{brand.id}</Code>
            <Text size="xs" c="dimmed">
              {t('brands.settings.idHint')}
            </Text>
            <Text size="sm" mt="xs">
              {t('brands.settings.createdAt')}: {formatDateTime(brand.createdAt, i18n.language)}
            </Text>
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
