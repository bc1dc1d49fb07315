import {
  chooseLocale,
  DEFAULT_LOCALE,
  mergeOptions,
  parseInitOptions,
  parseScriptDataset,
  toLocale,
  wantsAutoInit,
} from './options';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjdXN0LTQyIn0.c2lnbmF0dXJl';

describe('toLocale', () => {
  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['EN_gb', 'en'],
    [' en ', 'en'],
    ['fr', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('%p → %p', (tag, expected) => {
    expect(toLocale(tag)).toBe(expected);
  });
});

describe('chooseLocale', () => {
  it('takes the explicit choice over the page and the browser', () => {
    expect(chooseLocale('en', 'de-DE', ['de'])).toBe('en');
  });

  it("follows the shop page's language before the browser's", () => {
    expect(chooseLocale(undefined, 'de-DE', ['en-US'])).toBe('de');
  });

  it('falls back to the first browser language it speaks', () => {
    expect(chooseLocale(undefined, 'fr', ['fr-FR', 'de-CH', 'en'])).toBe('de');
  });

  it('speaks English when nothing matches', () => {
    expect(chooseLocale(undefined, '', ['fr', 'it'])).toBe(DEFAULT_LOCALE);
    expect(DEFAULT_LOCALE).toBe('en');
  });
});

describe('parseInitOptions', () => {
  it('accepts a publishable key, a fan token and a locale', () => {
    expect(
      parseInitOptions({ publishableKey: ' pk_live_abc123 ', fanToken: TOKEN, locale: 'de-DE' }),
    ).toEqual({
      options: { publishableKey: 'pk_live_abc123', fanToken: TOKEN, locale: 'de' },
      warnings: [],
    });
  });

  it('takes no options at all', () => {
    expect(parseInitOptions(undefined)).toEqual({ options: {}, warnings: [] });
    expect(parseInitOptions(null)).toEqual({ options: {}, warnings: [] });
  });

  it('ignores what is not an options object, and says so', () => {
    for (const input of ['pk_abc', 42, ['pk_abc']]) {
      const parsed = parseInitOptions(input);
      expect(parsed.options).toEqual({});
      expect(parsed.warnings).toHaveLength(1);
    }
  });

  it('drops bad values with a warning each, and keeps the good ones', () => {
    const parsed = parseInitOptions({
      publishableKey: 'sk_secret',
      fanToken: 'not-a-jwt',
      locale: 'fr',
      theme: 'dark',
    });
    expect(parsed.options).toEqual({});
    expect(parsed.warnings).toEqual([
      'init(): unknown option "theme" ignored',
      'init(): publishableKey ignored: a publishable key looks like "pk_…"',
      'init(): fanToken ignored: it is not a signed token (JWT)',
      'init(): locale "fr" ignored: the widget speaks de, en',
    ]);
  });

  it('never repeats a rejected fan token in its warnings', () => {
    const secretish = 'customer-42-password';
    const parsed = parseInitOptions({ fanToken: secretish });
    expect(parsed.warnings.join('\n')).not.toContain(secretish);
  });

  it('refuses values of the wrong type', () => {
    const parsed = parseInitOptions({ publishableKey: 123, fanToken: {}, locale: true });
    expect(parsed.options).toEqual({});
    expect(parsed.warnings).toHaveLength(3);
  });

  it('treats empty strings as not given', () => {
    expect(parseInitOptions({ publishableKey: '  ', fanToken: '', locale: '' })).toEqual({
      options: {},
      warnings: [],
    });
  });
});

describe('parseScriptDataset', () => {
  it('reads data-publishable-key, data-fan-token and data-locale', () => {
    expect(parseScriptDataset({ publishableKey: 'pk_demo', fanToken: TOKEN, locale: 'en' })).toEqual({
      options: { publishableKey: 'pk_demo', fanToken: TOKEN, locale: 'en' },
      warnings: [],
    });
  });

  it('names the attribute in its warnings', () => {
    expect(parseScriptDataset({ publishableKey: 'oops' }).warnings).toEqual([
      '<script data-publishable-key> ignored: a publishable key looks like "pk_…"',
    ]);
  });
});

describe('wantsAutoInit', () => {
  it('mounts by itself when the script tag carries any of its data attributes', () => {
    expect(wantsAutoInit({ publishableKey: 'pk_demo' })).toBe(true);
    expect(wantsAutoInit({ locale: 'de' })).toBe(true);
    expect(wantsAutoInit({ fanToken: '' })).toBe(true);
  });

  it('waits for Fanfare.init() otherwise', () => {
    expect(wantsAutoInit({})).toBe(false);
    expect(wantsAutoInit({ other: 'x' })).toBe(false);
  });
});

describe('mergeOptions', () => {
  it('lets later sources win value by value', () => {
    expect(
      mergeOptions(
        { publishableKey: 'pk_script', locale: 'de' },
        { publishableKey: 'pk_init' },
        { fanToken: TOKEN },
      ),
    ).toEqual({ publishableKey: 'pk_init', locale: 'de', fanToken: TOKEN });
  });
});
