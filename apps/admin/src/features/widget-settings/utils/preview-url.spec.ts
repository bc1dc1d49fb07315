import { describe, expect, it } from 'vitest';

import { previewUrl } from './preview-url';
import type { WidgetFormValues } from './widget-form';

const blank: Pick<WidgetFormValues, 'theme' | 'texts'> = {
  theme: { primaryColor: '', textColor: '', backgroundColor: '' },
  texts: { de: { title: '', welcome: '' }, en: { title: '', welcome: '' } },
};

describe('previewUrl', () => {
  it('names the preview page, the publishable key and the language', () => {
    expect(previewUrl({ publishableKey: 'pk_abc', locale: 'de', values: blank })).toBe(
      '/demo/preview.html?pk=pk_abc&locale=de',
    );
  });

  it('carries the unsaved colours and the texts of the chosen language, URL-encoded', () => {
    const values: Pick<WidgetFormValues, 'theme' | 'texts'> = {
      theme: { primaryColor: '#B45309', textColor: '#1f2937', backgroundColor: '#ffffff' },
      texts: {
        de: { title: 'Sonnenschein-Punkte', welcome: 'Sammle Punkte & Prämien!' },
        en: { title: 'Sunshine points', welcome: 'Collect points?' },
      },
    };
    const url = previewUrl({ publishableKey: 'pk_abc', locale: 'de', values });
    expect(url).toBe(
      '/demo/preview.html?pk=pk_abc&locale=de&primaryColor=%23b45309&textColor=%231f2937' +
        '&backgroundColor=%23ffffff&title=Sonnenschein-Punkte&welcome=Sammle%20Punkte%20%26%20Pr%C3%A4mien!',
    );
    // What the preview page reads back is exactly what the form holds.
    const params = new URL(url, 'https://fanfare.test').searchParams;
    expect(params.get('welcome')).toBe('Sammle Punkte & Prämien!');
    expect(params.get('primaryColor')).toBe('#b45309');

    const english = new URL(previewUrl({ publishableKey: 'pk_abc', locale: 'en', values }), 'https://x.test');
    expect(english.searchParams.get('locale')).toBe('en');
    expect(english.searchParams.get('title')).toBe('Sunshine points');
    expect(english.searchParams.get('welcome')).toBe('Collect points?');
  });

  it('leaves out empty texts and colours that are not (yet) #rrggbb', () => {
    const values: Pick<WidgetFormValues, 'theme' | 'texts'> = {
      theme: { primaryColor: '#b4', textColor: 'red', backgroundColor: ' #FFFFFF ' },
      texts: { de: { title: '   ', welcome: '' }, en: { title: 'Hi', welcome: '' } },
    };
    const params = new URL(
      previewUrl({ publishableKey: 'pk_abc', locale: 'de', values }),
      'https://fanfare.test',
    ).searchParams;
    expect([...params.keys()]).toEqual(['pk', 'locale', 'backgroundColor']);
    expect(params.get('backgroundColor')).toBe('#ffffff');
  });
});
