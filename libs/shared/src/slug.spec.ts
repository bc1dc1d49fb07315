import { SLUG_PATTERN, slugify } from './slug';
import { isIanaTimeZone } from './time-zone';

describe('slugify', () => {
  it('turns German brand names into valid slugs', () => {
    expect(slugify('Bäckerei Müller & Söhne')).toBe('backerei-muller-sohne');
    expect(slugify('Große Straße')).toBe('grosse-strasse');
    expect(SLUG_PATTERN.test(slugify('  --Café 24--  '))).toBe(true);
  });

  it('rejects slugs with leading, trailing or double dashes', () => {
    expect(SLUG_PATTERN.test('-abc')).toBe(false);
    expect(SLUG_PATTERN.test('abc-')).toBe(false);
    expect(SLUG_PATTERN.test('a--b')).toBe(false);
    expect(SLUG_PATTERN.test('Upper')).toBe(false);
    expect(SLUG_PATTERN.test('ok-slug-1')).toBe(true);
  });
});

describe('isIanaTimeZone', () => {
  it('accepts IANA names and rejects others', () => {
    expect(isIanaTimeZone('Europe/Berlin')).toBe(true);
    expect(isIanaTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isIanaTimeZone('Mars/Olympus')).toBe(false);
    expect(isIanaTimeZone('')).toBe(false);
    expect(isIanaTimeZone('Europe/Berlin; DROP')).toBe(false);
  });
});
