import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

import { ApiError } from '@/lib/api/problem';
import { resources } from '@/lib/i18n/resources';

import { confirmsErasure, fanActionsOf, mergeErrorMessage } from './fan-actions';

const live = { erasedAt: null };
const erased = { erasedAt: '2026-03-02T09:30:00.000Z' };

describe('fan actions', () => {
  let en: TFunction;
  let de: TFunction;

  beforeAll(async () => {
    const i18n = createInstance();
    await i18n.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
    en = i18n.getFixedT('en');
    de = i18n.getFixedT('de');
  });

  it('lets owners and managers act on a fan, and analysts only look', () => {
    const all = { adjust: true, merge: true, erase: true, export: true, link: true };
    expect(fanActionsOf('owner', live)).toEqual(all);
    expect(fanActionsOf('manager', live)).toEqual(all);
    expect(fanActionsOf('analyst', live)).toEqual({
      adjust: false,
      merge: false,
      erase: false,
      export: false,
      link: false,
    });
    expect(fanActionsOf(null, live).export).toBe(false);
  });

  it('offers only the export for an erased fan', () => {
    expect(fanActionsOf('owner', erased)).toEqual({
      adjust: false,
      merge: false,
      erase: false,
      export: true,
      link: false,
    });
  });

  it('takes the confirmation word in any case, and nothing else', () => {
    expect(confirmsErasure('ERASE', 'ERASE')).toBe(true);
    expect(confirmsErasure('  erase ', 'ERASE')).toBe(true);
    expect(confirmsErasure('löschen', 'LÖSCHEN')).toBe(true);
    expect(confirmsErasure('ERAS', 'ERASE')).toBe(false);
    expect(confirmsErasure('', 'ERASE')).toBe(false);
  });

  it('explains a refused merge in the UI language', () => {
    const conflict = (code: string, detail: string) =>
      new ApiError(409, { type: 'about:blank', title: 'Conflict', status: 409, detail, code });
    const erasedFan = conflict('fan_erased', 'An erased fan cannot be merged.');
    expect(mergeErrorMessage(erasedFan, en)).toBe('An erased fan cannot be merged.');
    expect(mergeErrorMessage(erasedFan, de)).toBe('Ein gelöschter Fan kann nicht zusammengeführt werden.');
    expect(mergeErrorMessage(conflict('already_merged', 'These are the same fan.'), de)).toBe(
      'Das ist derselbe Fan, oder einer wurde schon mit dem anderen zusammengeführt.',
    );
    expect(mergeErrorMessage(conflict('something_new', 'The moon is in the way.'), en)).toBe(
      'The moon is in the way.',
    );
    const gone = new ApiError(404, {
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'Fan to merge was not found.',
      code: 'not_found',
    });
    expect(mergeErrorMessage(gone, en)).toBe('The other fan no longer exists. Search again.');
  });
});
