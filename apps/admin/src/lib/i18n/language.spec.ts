import { describe, expect, it } from 'vitest';

import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('prefers the language the user chose', () => {
    expect(detectLanguage('de', ['en-US'])).toBe('de');
  });

  it('ignores a stored value that is not a supported language', () => {
    expect(detectLanguage('fr', ['de-AT', 'en'])).toBe('de');
  });

  it('takes the first supported browser language', () => {
    expect(detectLanguage(null, ['fr-FR', 'de-CH', 'en-GB'])).toBe('de');
    expect(detectLanguage(null, ['en-GB', 'de'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(detectLanguage(null, ['fr', 'it'])).toBe('en');
    expect(detectLanguage(null, [])).toBe('en');
  });
});
