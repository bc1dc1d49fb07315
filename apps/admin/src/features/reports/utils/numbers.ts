// Counts, shares and changes as the analytics screens show them, in the UI language.

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    formats.set(key, format);
  }
  return format;
}

/** "12,345" / "12.345". */
export function formatCount(value: number, language: string): string {
  return numberFormat(language, {}).format(value);
}

/** A share (0.123) as a percentage with at most one decimal: "12.3%" / "12,3 %"; null reads "—". */
export function formatShare(share: number | null, language: string): string {
  if (share === null) {
    return '—';
  }
  return numberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A value already in percent (12.3) as "12.3%" / "12,3 %", for chart axes and tooltips. */
export function formatPercentValue(percent: number, language: string): string {
  return formatShare(percent / 100, language);
}

/** A relative change (0.125) with its sign: "+12.5%" / "+12,5 %"; no sign for zero. */
export function formatSignedShare(change: number, language: string): string {
  return numberFormat(language, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(change);
}

/** A number with its sign and at most one decimal: "+2.5" / "+2,5", for percentage points. */
export function formatSignedNumber(value: number, language: string): string {
  return numberFormat(language, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
}
