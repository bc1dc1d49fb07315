import { Select, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { slugify } from '@fanfare/shared';
import { useTranslation } from 'react-i18next';

import type { Locale } from '@/lib/api/types';

import { useBrandFormOptions } from '../hooks/use-brand-form-options';

export interface BrandFormValues {
  name: string;
  slug: string;
  timeZone: string;
  locale: Locale;
}

interface BrandFormFieldsProps {
  form: UseFormReturnType<BrandFormValues>;
  readOnly?: boolean;
  /** When creating, the slug may stay empty and the API derives it from the name. */
  slugOptional?: boolean;
  autoFocus?: boolean;
}

/** Name, slug, time zone and locale: the same fields for creating and editing a brand. */
export function BrandFormFields({
  form,
  readOnly = false,
  slugOptional = false,
  autoFocus = false,
}: BrandFormFieldsProps) {
  const { t } = useTranslation();
  const values = form.getValues();
  const { timeZones, localeOptions } = useBrandFormOptions(values.timeZone);
  const suggestion = slugify(values.name);

  return (
    <>
      <TextInput
        label={t('brands.create.name')}
        required={!readOnly}
        readOnly={readOnly}
        data-autofocus={autoFocus || undefined}
        {...form.getInputProps('name')}
      />
      <TextInput
        label={
          slugOptional ? `${t('brands.create.slug')} (${t('common.optional')})` : t('brands.create.slug')
        }
        description={
          slugOptional
            ? suggestion
              ? t('brands.create.slugHint', { suggestion })
              : t('brands.create.slugHintEmpty')
            : undefined
        }
        placeholder={slugOptional ? suggestion : undefined}
        required={!slugOptional && !readOnly}
        readOnly={readOnly}
        autoCapitalize="none"
        spellCheck={false}
        {...form.getInputProps('slug')}
      />
      <Select
        label={t('brands.create.timeZone')}
        description={t('brands.create.timeZoneHint')}
        data={timeZones}
        searchable
        limit={50}
        allowDeselect={false}
        nothingFoundMessage={t('brands.create.timeZoneNothingFound')}
        required={!readOnly}
        readOnly={readOnly}
        {...form.getInputProps('timeZone')}
      />
      <Select
        label={t('brands.create.locale')}
        data={localeOptions}
        allowDeselect={false}
        required={!readOnly}
        readOnly={readOnly}
        {...form.getInputProps('locale')}
      />
    </>
  );
}
