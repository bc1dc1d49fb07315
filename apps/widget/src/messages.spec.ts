import { LOCALES } from '@fanfare/shared';

import { MESSAGES } from './messages';

/** Every text with its path (`reasons.out_of_stock`), nested groups flattened. */
function texts(messages: object, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') found.set(prefix + key, value);
    else for (const [path, text] of texts(value as object, `${prefix}${key}.`)) found.set(path, text);
  }
  return found;
}

function placeholders(text: string): string[] {
  return (text.match(/\{\w+\}/g) ?? []).sort();
}

describe('messages', () => {
  it('has every text in every language, none empty', () => {
    const english = texts(MESSAGES.en);
    for (const locale of LOCALES) {
      const translated = texts(MESSAGES[locale]);
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      for (const text of translated.values()) {
        expect(text.trim()).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in each language', () => {
    const english = texts(MESSAGES.en);
    for (const locale of LOCALES) {
      for (const [path, text] of texts(MESSAGES[locale])) {
        expect([path, placeholders(text)]).toEqual([path, placeholders(english.get(path) ?? '')]);
      }
    }
  });

  it('calls the linking tab "Accounts" / "Konten", and names the brand in every network\'s steps', () => {
    expect(MESSAGES.en.tabAccounts).toBe('Accounts');
    expect(MESSAGES.de.tabAccounts).toBe('Konten');
    for (const locale of LOCALES) {
      for (const steps of Object.values(MESSAGES[locale].linkSteps)) {
        expect(steps).toContain('{brand}');
      }
    }
  });

  it('names the launcher "Fanfare rewards" / "Fanfare-Prämien"', () => {
    expect(MESSAGES.en.launcherLabel).toBe('Fanfare rewards');
    expect(MESSAGES.de.launcherLabel).toBe('Fanfare-Prämien');
  });
});
