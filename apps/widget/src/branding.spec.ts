import { brandTexts, DEFAULT_THEME, readableOn, themeVariables } from './branding';
import { MESSAGES } from './messages';

describe('themeVariables', () => {
  it("uses the brand's colours from /config, and init()'s theme over them", () => {
    expect(
      themeVariables(
        { primaryColor: '#b45309', textColor: '#111111', backgroundColor: '#fafafa' },
        { primaryColor: '#1d4ed8' },
      ),
    ).toEqual({
      '--fanfare-primary': '#1d4ed8',
      '--fanfare-on-primary': '#ffffff',
      '--fanfare-text': '#111111',
      '--fanfare-bg': '#fafafa',
    });
  });

  it('falls back to its own colours for missing or malformed ones', () => {
    expect(
      themeVariables({ primaryColor: 'red; background: url(x)', textColor: null }, undefined),
    ).toMatchObject({
      '--fanfare-primary': DEFAULT_THEME.primaryColor,
      '--fanfare-text': DEFAULT_THEME.textColor,
      '--fanfare-bg': DEFAULT_THEME.backgroundColor,
    });
    expect(themeVariables(undefined, undefined)['--fanfare-primary']).toBe(DEFAULT_THEME.primaryColor);
  });
});

describe('readableOn', () => {
  it('puts white text on dark colours and dark text on light ones', () => {
    expect(readableOn('#c2410c')).toBe('#ffffff');
    expect(readableOn('#000000')).toBe('#ffffff');
    expect(readableOn('#fde047')).toBe('#111827');
    expect(readableOn('#ffffff')).toBe('#111827');
  });
});

describe('brandTexts', () => {
  const en = MESSAGES.en;

  it("takes init()'s texts, then the brand's, then the widget's own", () => {
    const config = { title: 'Sonnenschein-Punkte', welcome: null };
    expect(brandTexts(config, { welcome: 'Preview text' }, en)).toEqual({
      title: 'Sonnenschein-Punkte',
      welcome: 'Preview text',
    });
    expect(brandTexts(null, undefined, en)).toEqual({ title: en.panelTitle, welcome: en.welcome });
  });
});
