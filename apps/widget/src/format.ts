/**
 * Numbers, points and dates in the fan's language (Intl), and `{placeholder}` filling for messages.
 * Pure: the locale is passed in.
 */
import { type Locale } from '@fanfare/shared';

import { MESSAGES } from './messages';

/** `fill('Redeem {name}', { name: 'Coffee' })` → `Redeem Coffee`; unknown placeholders stay. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** `1 point`, `1.250 Punkte`. */
export function formatPoints(value: number, locale: Locale): string {
  const messages = MESSAGES[locale];
  const template =
    new Intl.PluralRules(locale).select(value) === 'one' ? messages.pointsOne : messages.pointsOther;
  return fill(template, { n: formatNumber(value, locale) });
}

/** `+25`, `-50` (a ledger entry's effect on the balance; `0` stays unsigned). */
export function formatSignedNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }).format(value);
}

/** `12 Mar 2025` / `12.03.2025`; an unreadable date is shown as it came. */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

/** `Mar 13, 2025, 10:00 AM` / `13.03.2025, 10:00`, in the fan's own time zone. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
