/**
 * Formatting shared by the widget's texts: numbers, euro amounts, lists, quotes and "1 point /
 * 2 points" in the fan's language. Intl objects are cached per locale: each costs a look-up in ICU.
 */
import { type Locale } from '@fanfare/shared';

// British English reads "A, B or C" and "1 December", which suits a European shop better than the
// American "A, B, or C" and "December 1". Numbers read the same in both.
const INTL_TAGS: Readonly<Record<Locale, string>> = { en: 'en-GB', de: 'de-DE' };

export function intlTag(locale: Locale): string {
  return INTL_TAGS[locale];
}

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const euroFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

/** 1234 → "1,234" / "1.234"; fractions keep up to two decimals (1.5 → "1,5"). */
export function formatNumber(value: number, locale: Locale): string {
  return cached(
    numberFormats,
    locale,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
  ).format(value);
}

/** 20 → "€20" / "20 €"; cents only when there are any (19.5 → "€19.50"). */
export function formatEuros(value: number, locale: Locale): string {
  const whole = Number.isInteger(value);
  const format = cached(euroFormats, `${locale}:${whole}`, () =>
    whole
      ? new Intl.NumberFormat(locale, {
          style: 'currency',
          currency: 'EUR',
          minimumFractionDigits: 0,
          maximumFractionDigits: 0,
        })
      : new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }),
  );
  return format.format(value);
}

/** ["A", "B", "C"] → "A, B or C" / "A, B oder C". */
export function orList(items: readonly string[], locale: Locale): string {
  return cached(
    listFormats,
    `${locale}:or`,
    () => new Intl.ListFormat(intlTag(locale), { type: 'disjunction' }),
  ).format(items);
}

/** ["A", "B", "C"] → "A, B and C" / "A, B und C". */
export function andList(items: readonly string[], locale: Locale): string {
  return cached(
    listFormats,
    `${locale}:and`,
    () => new Intl.ListFormat(intlTag(locale), { type: 'conjunction' }),
  ).format(items);
}

/** “text” / „text“ */
export function quote(text: string, locale: Locale): string {
  return locale === 'de' ? `„${text}“` : `“${text}”`;
}

/** "1 point", "25 points", "1,5 Punkte" — singular only for exactly one. */
export function pointsText(count: number, locale: Locale): string {
  const number = formatNumber(count, locale);
  if (locale === 'de') {
    return `${number} ${count === 1 ? 'Punkt' : 'Punkte'}`;
  }
  return `${number} ${count === 1 ? 'point' : 'points'}`;
}

/** `newsletter_signup`, `watchTime`, `event-visit` → the words in lower case, e.g. "watch time". */
export function words(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-\s]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** `newsletter_signup` → "Newsletter signup". */
export function sentenceCase(name: string): string {
  const text = words(name);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `google_maps` → "Google Maps". */
export function titleCase(name: string): string {
  return words(name)
    .split(' ')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** Removes floating-point dust, as the engine does: 1 / 0.1 is 10, not 9.999999999999998. */
export function snap(value: number): number {
  const nearest = Math.round(value);
  return Math.abs(value - nearest) <= 1e-9 * Math.max(1, Math.abs(value)) ? nearest : value;
}
