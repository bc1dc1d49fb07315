import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

import { resources } from '@/lib/i18n/resources';

import { describeProof, isVerified, readProof, sourceLabel } from './identity-proof';

describe('identity proof', () => {
  let en: TFunction;
  let de: TFunction;

  beforeAll(async () => {
    const i18n = createInstance();
    await i18n.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
    en = i18n.getFixedT('en');
    de = i18n.getFixedT('de');
  });

  const byCode = readProof({
    method: 'code',
    code: 'FAN-7K2Q9M',
    via: 'comment',
    deliveryId: 'd1',
    eventId: 'meta:fb:c:2_3',
    at: '2026-11-27T21:30:00.000Z',
  });
  const byHand = readProof({ method: 'manual', by: 'anna@example.com', at: '2026-11-27T21:30:00.000Z' });

  it('says which code linked the account, where and when', () => {
    expect(byCode).toEqual({
      method: 'code',
      code: 'FAN-7K2Q9M',
      via: 'comment',
      at: '2026-11-27T21:30:00.000Z',
    });
    expect(describeProof(byCode!, en, 'en-GB', 'Europe/Berlin')).toBe(
      'Linked with code FAN-7K2Q9M in a comment on 27 Nov 2026',
    );
    expect(describeProof(byCode!, de, 'de', 'Europe/Berlin')).toBe(
      'Verknüpft mit Code FAN-7K2Q9M in einem Kommentar am 27.11.2026',
    );
  });

  it('says who linked an account by hand', () => {
    expect(describeProof(byHand!, en, 'en-GB', 'Europe/Berlin')).toBe(
      'Linked by hand by anna@example.com on 27 Nov 2026',
    );
  });

  it('names an unknown place as a signed delivery, and dates in the brand’s zone', () => {
    const proof = readProof({ method: 'code', code: 'FAN-1', via: 'review', at: '2026-11-27T23:30:00.000Z' });
    expect(describeProof(proof!, en, 'en-GB', 'Europe/Berlin')).toBe(
      'Linked with code FAN-1 in a signed delivery on 28 Nov 2026',
    );
  });

  it('has no proof for accounts seen in events, or for a proof it does not know', () => {
    expect(readProof(null)).toBeNull();
    expect(readProof({ method: 'telepathy' })).toBeNull();
  });

  it('calls only linked accounts verified', () => {
    expect(isVerified({ source: 'linked' })).toBe(true);
    expect(isVerified({ source: 'first_sight' })).toBe(false);
    expect(sourceLabel('first_sight', en)).toBe('Seen in an event');
    expect(sourceLabel('merge', de)).toBe('Von einem zusammengeführten Fan');
    expect(sourceLabel('something_new', en)).toBe('something_new');
  });
});
