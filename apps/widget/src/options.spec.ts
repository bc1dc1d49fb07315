import {
  apiBaseFromScriptSrc,
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
      colour: 'dark',
      apiBase: 'javascript:alert(1)',
    });
    expect(parsed.options).toEqual({});
    expect(parsed.warnings).toEqual([
      'init(): unknown option "colour" ignored',
      'init(): publishableKey ignored: a publishable key looks like "pk_…"',
      'init(): fanToken ignored: it is not a signed token (JWT)',
      'init(): locale "fr" ignored: the widget speaks de, en',
      'init(): apiBase ignored: an absolute http(s) URL, e.g. "https://fanfare.example"',
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

describe('parseInitOptions: apiBase, theme and texts', () => {
  it('keeps an http(s) API address without its trailing slash, query or hash', () => {
    expect(parseInitOptions({ apiBase: 'http://localhost:3000/' }).options).toEqual({
      apiBase: 'http://localhost:3000',
    });
    expect(parseInitOptions({ apiBase: 'https://shop.example/fanfare/?x=1#y' }).options).toEqual({
      apiBase: 'https://shop.example/fanfare',
    });
  });

  it('refuses a relative or non-http API address', () => {
    for (const apiBase of ['/api', 'ftp://fanfare.example', 'fanfare.example']) {
      const parsed = parseInitOptions({ apiBase });
      expect(parsed.options).toEqual({});
      expect(parsed.warnings).toHaveLength(1);
    }
  });

  it('takes brand colours as #rrggbb and the two texts', () => {
    expect(
      parseInitOptions({
        theme: { primaryColor: '#0055AA', backgroundColor: '#ffffff' },
        texts: { title: ' Sonnenschein-Punkte ', welcome: 'Sammle Punkte.' },
      }),
    ).toEqual({
      options: {
        theme: { primaryColor: '#0055AA', backgroundColor: '#ffffff' },
        texts: { title: 'Sonnenschein-Punkte', welcome: 'Sammle Punkte.' },
      },
      warnings: [],
    });
  });

  it('drops bad colours and unknown fields one by one, and keeps the rest', () => {
    const parsed = parseInitOptions({
      theme: { primaryColor: 'red', textColor: '#123', backgroundColor: '#000000', font: 'Comic' },
      texts: { title: 42, subtitle: 'x' },
    });
    expect(parsed.options).toEqual({ theme: { backgroundColor: '#000000' } });
    expect(parsed.warnings).toEqual([
      'init(): theme.primaryColor ignored: a colour looks like "#rrggbb"',
      'init(): theme.textColor ignored: a colour looks like "#rrggbb"',
      'init(): unknown option "theme.font" ignored',
      'init(): texts.title ignored: must be a non-empty string',
      'init(): unknown option "texts.subtitle" ignored',
    ]);
  });

  it('refuses a theme that is not an object', () => {
    expect(parseInitOptions({ theme: 'dark' })).toEqual({
      options: {},
      warnings: ['init(): theme ignored: must be an object with primaryColor, textColor, backgroundColor'],
    });
  });
});

describe('apiBaseFromScriptSrc', () => {
  it("takes the API's address from where the script was loaded", () => {
    expect(apiBaseFromScriptSrc('https://fanfare.example/widget.js?v=3')).toBe('https://fanfare.example');
    expect(apiBaseFromScriptSrc('http://localhost:3000/widget.js')).toBe('http://localhost:3000');
  });

  it('knows nothing for an inline script or an odd scheme', () => {
    expect(apiBaseFromScriptSrc('')).toBeUndefined();
    expect(apiBaseFromScriptSrc(undefined)).toBeUndefined();
    expect(apiBaseFromScriptSrc('data:text/javascript,1')).toBeUndefined();
  });
});

describe('parseScriptDataset', () => {
  it('reads data-publishable-key, data-fan-token, data-locale and data-api-base', () => {
    expect(
      parseScriptDataset({
        publishableKey: 'pk_demo',
        fanToken: TOKEN,
        locale: 'en',
        apiBase: 'http://localhost:3000',
      }),
    ).toEqual({
      options: { publishableKey: 'pk_demo', fanToken: TOKEN, locale: 'en', apiBase: 'http://localhost:3000' },
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
    expect(wantsAutoInit({ apiBase: 'http://localhost:3000' })).toBe(true);
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

  it("lets data-api-base and init()'s apiBase win over the script's origin", () => {
    expect(
      mergeOptions(
        { apiBase: 'https://cdn.example' },
        { apiBase: 'http://localhost:3000' },
        { theme: { primaryColor: '#000000' } },
      ),
    ).toEqual({ apiBase: 'http://localhost:3000', theme: { primaryColor: '#000000' } });
  });
});
