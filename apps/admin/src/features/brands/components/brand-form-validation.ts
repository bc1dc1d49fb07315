import { SLUG_PATTERN } from '@fanfare/shared';
import type { TFunction } from 'i18next';

import type { BrandFormValues } from './brand-form-fields';

export function brandFormValidation(t: TFunction, slugOptional: boolean) {
  return {
    name: (value: string) => (value.trim() ? null : t('brands.create.nameRequired')),
    slug: (value: string) => {
      const slug = value.trim();
      if (slug === '' && slugOptional) {
        return null;
      }
      return SLUG_PATTERN.test(slug) ? null : t('brands.create.slugInvalid');
    },
    timeZone: (value: string) => (value ? null : t('brands.create.timeZoneRequired')),
  } satisfies Partial<Record<keyof BrandFormValues, (value: string) => string | null>>;
}
