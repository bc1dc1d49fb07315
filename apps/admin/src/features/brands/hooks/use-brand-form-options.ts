import { LOCALES } from '@fanfare/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import type { Locale } from '@/lib/api/types';
import { timeZoneNames } from '@/lib/format';

const locales: readonly Locale[] = LOCALES;

/** Options for the time zone and locale selects of the brand forms. */
export function useBrandFormOptions(currentTimeZone: string) {
  const { t } = useTranslation();
  const timeZones = useMemo(() => timeZoneNames(currentTimeZone), [currentTimeZone]);
  const localeOptions = locales.map((locale) => ({ value: locale, label: t(`locales.${locale}`) }));
  return { timeZones, localeOptions };
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
