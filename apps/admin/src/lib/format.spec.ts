import { describe, expect, it } from 'vitest';

import { formatDate, formatDateTime, timeZoneNames } from './format';

describe('formatting', () => {
  const instant = '2026-02-03T13:05:00Z';

  it('formats date and time in the UI language', () => {
    expect(formatDateTime(instant, 'de', 'Europe/Berlin')).toBe('03.02.2026, 14:05');
    expect(formatDateTime(instant, 'en', 'UTC')).toBe('Feb 3, 2026, 1:05 PM');
  });

  it('formats dates alone', () => {
    expect(formatDate(instant, 'de', 'Europe/Berlin')).toBe('03.02.2026');
  });

  it('shows an unreadable value as it came', () => {
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });

  it('lists IANA time zones and keeps a zone the list lacks', () => {
    expect(timeZoneNames()).toContain('Europe/Berlin');
    expect(timeZoneNames('UTC')[0]).toBe('UTC');
    expect(timeZoneNames('Europe/Berlin').filter((zone) => zone === 'Europe/Berlin')).toHaveLength(1);
  });
});
