import { LOCALES } from '@fanfare/shared';

import { MESSAGES } from './messages';

describe('messages', () => {
  it('has every text in every language, none empty', () => {
    const keys = Object.keys(MESSAGES.en).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(MESSAGES[locale]).sort()).toEqual(keys);
      for (const text of Object.values(MESSAGES[locale])) {
        expect(text.trim()).not.toBe('');
      }
    }
  });

  it('names the launcher "Fanfare rewards" / "Fanfare-Prämien"', () => {
    expect(MESSAGES.en.launcherLabel).toBe('Fanfare rewards');
    expect(MESSAGES.de.launcherLabel).toBe('Fanfare-Prämien');
  });
});
