import { Button, Group, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';

import type { BrandDto } from '@/lib/api/types';
import { showFormError } from '@/lib/forms';
import { notifySuccess } from '@/lib/notify';

import { useUpdateBrand } from '../api/update-brand';

interface ExpiryValues {
  expires: boolean;
  days: number | string;
}

const DEFAULT_DAYS = 365;

function valuesOf(brand: BrandDto): ExpiryValues {
  return { expires: brand.pointsExpiryDays !== null, days: brand.pointsExpiryDays ?? DEFAULT_DAYS };
}

function daysOf(values: ExpiryValues): number | null {
  return values.expires ? Number(values.days) : null;
}

/** Settings → Brand: whether and when earned points expire (first in, first out). */
export function PointsExpiryCard({ brand, canEdit }: { brand: BrandDto; canEdit: boolean }) {
  const { t } = useTranslation();
  const mutation = useUpdateBrand(brand.id);
  const form = useForm<ExpiryValues>({
    initialValues: valuesOf(brand),
    validate: {
      days: (value, values) => {
        if (!values.expires) return null;
        const days = Number(value);
        return Number.isInteger(days) && days >= 1 && days <= 3650 ? null : t('brands.expiry.daysInvalid');
      },
    },
  });
  const values = form.getValues();
  const dirty = daysOf(values) !== brand.pointsExpiryDays;

  const submit = form.onSubmit((submitted) => {
    mutation.mutate(
      { pointsExpiryDays: daysOf(submitted) },
      {
        onSuccess: () => notifySuccess(t('brands.expiry.saved')),
        onError: (error) => showFormError(form, error, t),
      },
    );
  });

  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={submit} noValidate aria-label={t('brands.expiry.title')}>
        <Stack>
          <div>
            <Title order={3} size="h5">
              {t('brands.expiry.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('brands.expiry.description')}
            </Text>
          </div>
          <Switch
            label={t('brands.expiry.enabled')}
            disabled={!canEdit}
            {...form.getInputProps('expires', { type: 'checkbox' })}
          />
          {values.expires && (
            <NumberInput
              label={t('brands.expiry.days')}
              description={t('brands.expiry.daysHint', { days: Number(values.days) || '…' })}
              min={1}
              max={3650}
              allowDecimal={false}
              allowNegative={false}
              readOnly={!canEdit}
              required
              w={240}
              {...form.getInputProps('days')}
            />
          )}
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
  );
}
