import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

import { resources } from '@/lib/i18n/resources';

import { hasPending, linkFailureText, readSummary } from './delivery-summary';

describe('delivery summaries', () => {
  it('reads what a processed delivery came to, outcomes in a fixed order and without zeros', () => {
    const summary = readSummary({
      test: false,
      events: 4,
      outcomes: { no_match: 1, awarded: 2, capped: 0, duplicate: 1 },
      points: 20,
      skipped: 1,
      skippedItems: [{ path: 'entry[0].changes[1]', reason: 'a reaction on a comment' }],
      rejectedItems: [{ id: 'meta:c:1', reasons: ['occurredAt is too far in the future'] }],
      links: [
        { linked: true, code: 'FAN-7K2Q9M', fanId: 'f1', identityId: 'i1', mergedFanId: null },
        { linked: false, code: 'FAN-AAAAAA', reason: 'unknown code' },
      ],
    });
    expect(summary).toEqual({
      test: false,
      events: 4,
      outcomes: [
        { outcome: 'awarded', count: 2 },
        { outcome: 'no_match', count: 1 },
        { outcome: 'duplicate', count: 1 },
      ],
      points: 20,
      skipped: 1,
      skippedItems: [{ path: 'entry[0].changes[1]', reason: 'a reaction on a comment' }],
      rejectedItems: [{ id: 'meta:c:1', reasons: ['occurredAt is too far in the future'] }],
      links: [
        { linked: true, code: 'FAN-7K2Q9M', fanId: 'f1' },
        { linked: false, code: 'FAN-AAAAAA', failure: null, reason: 'unknown code', channels: null },
      ],
      previewed: null,
    });
  });

  it('counts the events a test delivery would book', () => {
    const summary = readSummary({ test: true, events: 1, outcomes: {}, points: 0, preview: [{ id: 'x' }] });
    expect(summary?.test).toBe(true);
    expect(summary?.previewed).toBe(1);
    expect(summary?.outcomes).toEqual([]);
    expect(summary?.links).toEqual([]);
  });

  it('has no summary while pending or failed, and survives fields of the wrong kind', () => {
    expect(readSummary(null)).toBeNull();
    const odd = readSummary({ events: '3', outcomes: [], links: 'x', skippedItems: [null, 3] });
    expect(odd).toMatchObject({ events: 0, outcomes: [], links: [], skippedItems: [] });
  });

  it('keeps asking while any delivery is pending', () => {
    expect(hasPending([{ status: 'processed' }, { status: 'pending' }])).toBe(true);
    expect(hasPending([{ status: 'processed' }, { status: 'failed' }])).toBe(false);
    expect(hasPending([])).toBe(false);
  });

  describe('why a code did not link', () => {
    let en: TFunction;
    let de: TFunction;
    beforeAll(async () => {
      const i18n = createInstance();
      await i18n.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
      en = i18n.getFixedT('en');
      de = i18n.getFixedT('de');
    });
    const failed = (link: Record<string, unknown>) => {
      const [read] = readSummary({ links: [{ linked: false, code: 'FAN-AAAAAA', ...link }] })?.links ?? [];
      if (!read || read.linked) throw new Error('expected a failed link');
      return read;
    };

    it('words each failure the API names in the UI language', () => {
      const expired = failed({ failure: 'expired', reason: 'the code has expired' });
      expect(linkFailureText(expired, en)).toBe('the code has expired');
      expect(linkFailureText(expired, de)).toBe('der Code ist abgelaufen');
      expect(linkFailureText(failed({ failure: 'unknown_code', reason: 'unknown code' }), de)).toBe(
        'kein Code dieser Marke',
      );
      expect(linkFailureText(failed({ failure: 'used', reason: 'x' }), de)).toBe(
        'der Code wurde schon verwendet',
      );
      expect(linkFailureText(failed({ failure: 'fan_gone', reason: 'x' }), en)).toBe(
        'the fan who asked for the code was erased',
      );
      const crossed = failed({
        failure: 'wrong_channel',
        reason: 'the code links a instagram account, not facebook',
        channels: { expected: 'instagram', got: 'facebook' },
      });
      expect(linkFailureText(crossed, en)).toBe('the code is for Instagram, not Facebook');
      expect(linkFailureText(crossed, de)).toBe('der Code ist für ein Instagram-Konto, nicht Facebook');
    });

    it('shows the English reason of log entries written before failures were named, or of unknown ones', () => {
      expect(linkFailureText(failed({ reason: 'the code has expired' }), de)).toBe('the code has expired');
      expect(linkFailureText(failed({ failure: 'new_kind', reason: 'something new' }), de)).toBe(
        'something new',
      );
      expect(
        linkFailureText(
          failed({ failure: 'wrong_channel', reason: 'the code links a x account, not y' }),
          en,
        ),
      ).toBe('the code links a x account, not y');
    });
  });
});
