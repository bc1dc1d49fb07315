// Dates for display, always through Intl in the UI language; time zone names for the brand forms.

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(language: string, options: Intl.DateTimeFormatOptions, timeZone?: string) {
  const key = `${language}|${JSON.stringify(options)}|${timeZone ?? ''}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, timeZone ? { ...options, timeZone } : options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

function parse(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "3 Feb 2026, 14:05" / "03.02.2026, 14:05"; an unparseable value is shown as it came. */
export function formatDateTime(value: string | Date, language: string, timeZone?: string): string {
  const date = parse(value);
  if (!date) {
    return String(value);
  }
  return dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }, timeZone).format(date);
}

export function formatDate(value: string | Date, language: string, timeZone?: string): string {
  const date = parse(value);
  if (!date) {
    return String(value);
  }
  return dateTimeFormat(language, { dateStyle: 'medium' }, timeZone).format(date);
}

/** Every IANA time zone the browser knows, with the given one included even if it is an alias. */
export function timeZoneNames(include?: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  if (include && !zones.includes(include)) {
    return [include, ...zones];
  }
  return zones;
}
