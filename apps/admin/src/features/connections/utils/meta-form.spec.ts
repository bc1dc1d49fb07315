import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

import type { MetaConnectionDto } from '@/lib/api/types';
import { resources } from '@/lib/i18n/resources';

import { isMetaId, metaBody, metaFormValidation, metaFormValues } from './meta-form';

const connection: MetaConnectionDto = {
  appId: '1234567890',
  appSecretHint: '…0123',
  pageIds: ['104000000000001'],
  instagramIds: [],
  whatsappIds: ['200000000000001'],
  callbackPath: '/api/v1/hooks/meta/b1',
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
};

describe('Meta connection form', () => {
  let t: TFunction;

  beforeAll(async () => {
    const i18n = createInstance();
    await i18n.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
    t = i18n.getFixedT('en');
  });

  it('starts from the saved connection, with the App Secret field empty', () => {
    expect(metaFormValues(connection)).toEqual({
      appId: '1234567890',
      appSecret: '',
      pageIds: ['104000000000001'],
      instagramIds: [],
      whatsappIds: ['200000000000001'],
    });
    expect(metaFormValues(null)).toEqual({
      appId: '',
      appSecret: '',
      pageIds: [],
      instagramIds: [],
      whatsappIds: [],
    });
  });

  it('leaves out an empty App ID and App Secret, so the API keeps them', () => {
    expect(metaBody(metaFormValues(connection))).toEqual({
      appId: '1234567890',
      pageIds: ['104000000000001'],
      instagramIds: [],
      whatsappIds: ['200000000000001'],
    });
    expect(
      metaBody({ ...metaFormValues(null), appSecret: ' 0123456789abcdef0123 ', pageIds: [' 1 '] }, true),
    ).toEqual({
      appSecret: '0123456789abcdef0123',
      pageIds: ['1'],
      instagramIds: [],
      whatsappIds: [],
      newVerifyToken: true,
    });
  });

  it('asks for the App Secret only when connecting', () => {
    expect(metaFormValidation(t, false).appSecret('')).toBe('Enter the App Secret to connect the app.');
    expect(metaFormValidation(t, false).appSecret('0123456789abcdef0123')).toBeNull();
    expect(metaFormValidation(t, true).appSecret('')).toBeNull();
  });

  it('takes ids as Meta shows them: digits only', () => {
    expect(isMetaId('104000000000001')).toBe(true);
    expect(isMetaId('page-1')).toBe(false);
    expect(isMetaId('')).toBe(false);
    const rules = metaFormValidation(t, true);
    expect(rules.pageIds(['104000000000001', 'bakery'])).toBe(
      '“bakery” is not an id: Meta’s ids are digits only.',
    );
    expect(rules.instagramIds([])).toBeNull();
    expect(rules.appId('')).toBeNull();
    expect(rules.appId('12ab')).toBe('The App ID is digits only, as Meta shows it.');
  });
});
