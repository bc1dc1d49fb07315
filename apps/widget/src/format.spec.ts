import { fill, formatDate, formatDateTime, formatNumber, formatPoints, formatSignedNumber } from './format';

describe('format', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(fill('Redeem {name} for {points}?', { name: 'Kaffee', points: '50 points' })).toBe(
      'Redeem Kaffee for 50 points?',
    );
    expect(fill('{missing}', {})).toBe('{missing}');
  });

  it("writes numbers the fan's way", () => {
    expect(formatNumber(1250, 'de')).toBe('1.250');
    expect(formatNumber(1250, 'en')).toBe('1,250');
  });

  it('says point or points', () => {
    expect(formatPoints(1, 'en')).toBe('1 point');
    expect(formatPoints(1250, 'de')).toBe('1.250 Punkte');
    expect(formatPoints(0, 'de')).toBe('0 Punkte');
  });

  it('signs ledger entries', () => {
    expect(formatSignedNumber(25, 'en')).toBe('+25');
    expect(formatSignedNumber(-1500, 'de')).toBe('-1.500');
    expect(formatSignedNumber(0, 'en')).toBe('0');
  });

  it('writes dates in the locale, and shows an unreadable one as it came', () => {
    expect(formatDate('2025-03-12T10:00:00Z', 'de')).toBe('12.03.2025');
    expect(formatDate('2025-03-12T10:00:00Z', 'en')).toBe('Mar 12, 2025');
    expect(formatDate('soon', 'en')).toBe('soon');
  });

  it('writes a date with its time (in the local time zone) for when a code expires', () => {
    expect(formatDateTime('2025-03-12T10:00:00Z', 'de')).toMatch(/^1[23]\.03\.2025, \d{2}:\d{2}$/);
    expect(formatDateTime('2025-03-12T10:00:00Z', 'en')).toMatch(/^Mar 1[23], 2025, \d{1,2}:\d{2}\s?[AP]M$/);
    expect(formatDateTime('later', 'de')).toBe('later');
  });
});
