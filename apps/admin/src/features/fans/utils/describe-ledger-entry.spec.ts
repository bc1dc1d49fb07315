import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

import type { LedgerEntryDto } from '@/lib/api/types';
import { resources } from '@/lib/i18n/resources';

import { describeLedgerEntry } from './describe-ledger-entry';

const SURVIVOR = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const MERGED = '0190ffee-0000-7000-8000-000000000001';

function entry(overrides: Partial<LedgerEntryDto>): LedgerEntryDto {
  return {
    id: '0190a1b2-0000-7000-8000-00000000000a',
    kind: 'earn',
    points: 10,
    occurredAt: '2026-03-02T09:30:00.000Z',
    createdAt: '2026-03-02T09:30:01.000Z',
    reason: 'fixed 10 points',
    eventId: '0190a1b2-0000-7000-8000-00000000000b',
    eventExternalId: 'ig-comment-1',
    campaignId: '0190a1b2-0000-7000-8000-00000000000c',
    campaignName: 'SoMeParade',
    ruleId: '0190a1b2-0000-7000-8000-00000000000d',
    ruleName: 'Comment with #SoMeParade',
    ruleVersion: 2,
    reversesEntryId: null,
    explanation: null,
    actor: null,
    ...overrides,
  };
}

const earned = entry({
  points: 15,
  reason: 'fixed 10 points; × 1.5 (tier) = 15',
  explanation: {
    rule: 'Comment with #SoMeParade',
    ruleVersion: 2,
    basePoints: 10,
    multiplier: 1.5,
    tier: 'Gold',
    detail: 'fixed 10 points; × 1.5 (tier) = 15',
  },
});

describe('describeLedgerEntry', () => {
  let en: TFunction;
  let de: TFunction;
  const inEnglish = { language: 'en', timeZone: 'Europe/Berlin' };
  const inGerman = { language: 'de', timeZone: 'Europe/Berlin' };

  beforeAll(async () => {
    const i18n = createInstance();
    await i18n.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
    en = i18n.getFixedT('en');
    de = i18n.getFixedT('de');
  });

  it('names the rule, its version, the campaign and the tier multiplier of an award', () => {
    expect(describeLedgerEntry(earned, en, inEnglish)).toBe(
      '15 points from rule “Comment with #SoMeParade” (v2) in campaign “SoMeParade”: 10 base × 1.5 (Gold)',
    );
    expect(describeLedgerEntry(earned, de, inGerman)).toBe(
      '15 Punkte aus der Regel „Comment with #SoMeParade“ (v2) der Kampagne „SoMeParade“: 10 Basis × 1,5 (Gold)',
    );
  });

  it('leaves the calculation out when no multiplier applied, and counts in the singular', () => {
    const plain = entry({
      points: 1,
      explanation: {
        rule: 'Like',
        ruleVersion: 1,
        basePoints: 1,
        multiplier: 1,
        tier: null,
        detail: 'fixed 1 point',
      },
      ruleName: 'Like',
      ruleVersion: 1,
      campaignName: null,
    });
    expect(describeLedgerEntry(plain, en, inEnglish)).toBe('1 point from rule “Like” (v1)');
    expect(describeLedgerEntry(plain, de, inGerman)).toBe('1 Punkt aus der Regel „Like“ (v1)');
  });

  it('falls back to the stored rule name, and to plain points when no rule is known', () => {
    const renamedAway = entry({ ruleName: null, ruleVersion: null, explanation: earned.explanation });
    expect(describeLedgerEntry(renamedAway, en, inEnglish)).toBe(
      '10 points from rule “Comment with #SoMeParade” (v2) in campaign “SoMeParade”: 10 base × 1.5 (Gold)',
    );
    const unknown = entry({ points: 1200, ruleName: null, ruleVersion: null, explanation: null });
    expect(describeLedgerEntry(unknown, en, inEnglish)).toBe('1,200 points earned');
    expect(describeLedgerEntry(unknown, de, inGerman)).toBe('1.200 Punkte gesammelt');
  });

  it('says which points expired, after how long, and how many had been spent', () => {
    const expired = entry({
      kind: 'expire',
      points: -50,
      reason: '50 points earned before 2026-03-01 expired (after 365 days, oldest first)',
      eventId: null,
      eventExternalId: null,
      campaignId: null,
      campaignName: null,
      ruleId: null,
      ruleName: null,
      ruleVersion: null,
      explanation: {
        expiry: { days: 365, earnedBefore: '2026-02-28T23:00:00.000Z' },
        expiredLots: '80',
        alreadyUsed: '30',
      },
    });
    expect(describeLedgerEntry(expired, en, inEnglish)).toBe(
      'Expired: points earned before Mar 1, 2026 (after 365 days): 30 of the 80 points earned by then had already been spent',
    );
    expect(describeLedgerEntry(expired, de, inGerman)).toBe(
      'Verfallen: Punkte, die vor dem 01.03.2026 gesammelt wurden (nach 365 Tagen): Von den bis dahin gesammelten 80 Punkten waren 30 schon ausgegeben',
    );
    const nothingSpent = { ...expired, explanation: { ...expired.explanation, alreadyUsed: '0' } };
    expect(describeLedgerEntry(nothingSpent, en, { language: 'en-GB', timeZone: 'Europe/Berlin' })).toBe(
      'Expired: points earned before 1 Mar 2026 (after 365 days)',
    );
    expect(describeLedgerEntry({ ...expired, explanation: null }, en, inEnglish)).toBe(
      'Expired: 50 points earned before 2026-03-01 expired (after 365 days, oldest first)',
    );
  });

  it('names the retracted event behind a reversal', () => {
    const reversed = entry({
      kind: 'reverse',
      points: -10,
      reason: 'retracted by ig-comment-1-deleted',
      eventExternalId: 'ig-comment-1',
      ruleVersion: null,
      explanation: { retraction: 'ig-comment-1-deleted', original: 'ig-comment-1' },
    });
    expect(describeLedgerEntry(reversed, en, inEnglish)).toBe(
      'Reversed: event ig-comment-1 was retracted, so the points from rule “Comment with #SoMeParade” in campaign “SoMeParade” were taken back',
    );
    expect(describeLedgerEntry({ ...reversed, ruleName: null }, de, inGerman)).toBe(
      'Storniert: Das Ereignis ig-comment-1 wurde zurückgezogen',
    );
    expect(
      describeLedgerEntry({ ...reversed, explanation: null, eventExternalId: null }, en, inEnglish),
    ).toBe('Reversed: retracted by ig-comment-1-deleted');
  });

  it('quotes the person and the reason of a manual adjustment', () => {
    const adjusted = entry({
      kind: 'adjust',
      points: 5,
      reason: 'Goodwill for a late delivery',
      actor: 'owner@example.com',
      eventExternalId: null,
      ruleName: null,
      campaignName: null,
    });
    expect(describeLedgerEntry(adjusted, en, inEnglish)).toBe(
      'Adjusted by owner@example.com: Goodwill for a late delivery',
    );
    expect(describeLedgerEntry(adjusted, de, inGerman)).toBe(
      'Korrigiert von owner@example.com: Goodwill for a late delivery',
    );
    expect(describeLedgerEntry({ ...adjusted, actor: null }, en, inEnglish)).toBe(
      'Adjusted: Goodwill for a late delivery',
    );
  });

  it('tells the two halves of a merge transfer apart', () => {
    const merge = { kind: 'adjust' as const, actor: 'owner@example.com', explanation: { merge: true } };
    const moved = entry({ ...merge, points: 40, reason: `merged from ${MERGED}` });
    const left = entry({ ...merge, points: -40, reason: `merged into ${SURVIVOR}` });
    expect(describeLedgerEntry(moved, en, inEnglish)).toBe(
      'Merged: balance taken over from fan 0190ffee…0001 (by owner@example.com)',
    );
    expect(describeLedgerEntry(left, de, inGerman)).toBe(
      'Zusammengeführt: Kontostand an Fan 0190a1b2…4a5b übergeben (durch owner@example.com)',
    );
    expect(describeLedgerEntry({ ...moved, reason: 'merged', actor: null }, en, inEnglish)).toBe(
      'Merged: balance taken over from a merged fan',
    );
  });

  it('reads redemptions and refunds with their reason', () => {
    const redeemed = entry({ kind: 'redeem', points: -100, reason: 'Tote bag', actor: null });
    expect(describeLedgerEntry(redeemed, en, inEnglish)).toBe('Redeemed: Tote bag');
    expect(describeLedgerEntry(redeemed, de, inGerman)).toBe('Eingelöst: Tote bag');
    const refunded = entry({
      kind: 'refund',
      points: 100,
      reason: 'Tote bag out of stock',
      actor: 'm@example.com',
    });
    expect(describeLedgerEntry(refunded, en, inEnglish)).toBe(
      'Refunded: Tote bag out of stock (by m@example.com)',
    );
    expect(describeLedgerEntry(refunded, de, inGerman)).toBe(
      'Erstattet: Tote bag out of stock (durch m@example.com)',
    );
  });
});
