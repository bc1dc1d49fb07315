import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

import type { WidgetSettingsDto } from '@/lib/api/types';
import { resources } from '@/lib/i18n/resources';

import { changesOf, placeFieldErrors, valuesOf } from './widget-form';

const saved: WidgetSettingsDto = {
  publishableKey: 'pk_3f1c',
  allowedOrigins: ['https://shop.example'],
  theme: { primaryColor: '#b45309' },
  texts: { de: { title: 'Sonnenschein-Punkte' } },
  secrets: [],
};

describe('widget settings form', () => {
  let en: TFunction;
  let de: TFunction;

  beforeAll(async () => {
    const i18n = createInstance();
    await i18n.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
    en = i18n.getFixedT('en');
    de = i18n.getFixedT('de');
  });

  it('starts from the saved settings, with empty fields for defaults', () => {
    expect(valuesOf(saved)).toEqual({
      allowedOrigins: ['https://shop.example'],
      theme: { primaryColor: '#b45309', textColor: '', backgroundColor: '' },
      texts: { de: { title: 'Sonnenschein-Punkte', welcome: '' }, en: { title: '', welcome: '' } },
    });
  });

  it('sends nothing while nothing changed, also when only case or blanks differ', () => {
    const values = valuesOf(saved);
    expect(changesOf(saved, values)).toEqual({});
    values.theme.primaryColor = '#B45309';
    values.texts.de.title = ' Sonnenschein-Punkte ';
    values.texts.en.welcome = '   ';
    expect(changesOf(saved, values)).toEqual({});
  });

  it('sends each changed part whole, without empty colours and texts', () => {
    const values = valuesOf(saved);
    values.allowedOrigins = ['https://shop.example', 'http://localhost:3000'];
    values.theme.primaryColor = '';
    values.theme.textColor = '#1F2937';
    values.texts.en.welcome = ' Collect points. ';
    expect(changesOf(saved, values)).toEqual({
      allowedOrigins: ['https://shop.example', 'http://localhost:3000'],
      theme: { textColor: '#1f2937' },
      texts: { de: { title: 'Sonnenschein-Punkte' }, en: { welcome: 'Collect points.' } },
    });
  });

  it('names the bad origin on the origins field', () => {
    const values = { ...valuesOf(saved), allowedOrigins: ['https://shop.example', 'shop.example/path'] };
    const reason = 'must be an origin such as https://shop.example (scheme, host and port only)';
    const placed = placeFieldErrors([{ field: 'allowedOrigins.1', reason }], values, en);
    expect(placed.onFields).toEqual({
      allowedOrigins:
        '“shop.example/path” is not an origin. Write it like https://shop.example (scheme, host and port only).',
    });
    expect(placed.elsewhere).toEqual([]);
    expect(
      placeFieldErrors([{ field: 'allowedOrigins.1', reason }], values, de).onFields['allowedOrigins'],
    ).toBe(
      '„shop.example/path“ ist keine Origin. Schreiben Sie sie wie https://shop.example (nur Schema, Host und Port).',
    );
  });

  it('joins several bad origins into one message', () => {
    const values = { ...valuesOf(saved), allowedOrigins: ['ftp://a.example', 'https://ok.example', '*'] };
    const placed = placeFieldErrors(
      [
        { field: 'allowedOrigins.0', reason: 'bad' },
        { field: 'allowedOrigins.2', reason: 'bad' },
      ],
      values,
      en,
    );
    expect(placed.onFields['allowedOrigins']).toContain('“ftp://a.example” is not an origin.');
    expect(placed.onFields['allowedOrigins']).toContain('“*” is not an origin.');
    expect(placed.onFields['allowedOrigins']).not.toContain('ok.example');
  });

  it('puts colour and text errors on their fields and keeps the rest for a notification', () => {
    const placed = placeFieldErrors(
      [
        { field: 'theme.primaryColor', reason: 'primaryColor must be a colour as #rrggbb' },
        { field: 'texts.en.title', reason: 'title must be shorter than or equal to 60 characters' },
        { field: 'publishableKey', reason: 'is not a known field' },
      ],
      valuesOf(saved),
      en,
    );
    expect(placed.onFields).toEqual({
      'theme.primaryColor': 'Enter a colour as #rrggbb.',
      'texts.en.title': 'title must be shorter than or equal to 60 characters',
    });
    expect(placed.elsewhere).toEqual([{ field: 'publishableKey', reason: 'is not a known field' }]);
  });
});
