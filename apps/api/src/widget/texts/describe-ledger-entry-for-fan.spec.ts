import { LEDGER_KINDS } from '../../ledger/entities/ledger-entry.entity';
import { type FanLedgerEntry, describeLedgerEntryForFan } from './describe-ledger-entry-for-fan';

const REDEMPTION_ID = '0190a1b2-0000-7000-8000-00000000000e';
const REWARD_ID = '0190a1b2-0000-7000-8000-00000000000f';
const MERGED_FAN = '0190ffee-0000-7000-8000-000000000001';

function entry(overrides: Partial<FanLedgerEntry>): FanLedgerEntry {
  return {
    kind: 'earn',
    points: 10,
    ruleName: null,
    campaignName: null,
    reason: '',
    explanation: null,
    ...overrides,
  };
}

function both(value: FanLedgerEntry): { en: string; de: string } {
  return { en: describeLedgerEntryForFan(value, 'en'), de: describeLedgerEntryForFan(value, 'de') };
}

// As the ledger stores them (events, redemptions, expiry and fans services).
const earned = entry({
  kind: 'earn',
  points: 15,
  ruleName: 'Bewertung auf Google',
  campaignName: 'Sommer',
  reason: 'fixed 10 points; × 1.5 (tier) = 15',
  explanation: {
    rule: 'Bewertung auf Google (old name)',
    ruleVersion: 2,
    basePoints: 10,
    multiplier: 1.5,
    tier: 'Gold',
    detail: 'fixed 10 points; × 1.5 (tier) = 15',
  },
});
const booking = {
  redemptionId: REDEMPTION_ID,
  rewardId: REWARD_ID,
  rewardNameDe: 'Gratis Kaffee',
  rewardNameEn: 'Free coffee',
};
const redeemed = entry({
  kind: 'redeem',
  points: -50,
  reason: 'Redeemed Gratis Kaffee',
  explanation: booking,
});
const refunded = entry({
  kind: 'refund',
  points: 50,
  reason: 'Refund for Gratis Kaffee',
  explanation: booking,
});
const expired = entry({
  kind: 'expire',
  points: -40,
  reason: '40 points earned before 2026-01-01 expired (after 365 days, oldest first)',
  explanation: {
    expiry: { days: 365, earnedBefore: '2025-12-31T23:00:00.000Z' },
    expiredLots: '100',
    alreadyUsed: '60',
  },
});
const reversed = entry({
  kind: 'reverse',
  points: -10,
  ruleName: 'Instagram-Kommentar mit #SoMeParade',
  campaignName: 'Social-Media-Parade',
  reason: 'retracted by ig-retraction-7',
  explanation: { retraction: 'ig-retraction-7', original: 'ig-comment-1' },
});
const adjusted = entry({
  kind: 'adjust',
  points: 25,
  reason: 'Goodwill after the complaint of 3 March, see ticket #4711 (anna@brand.example)',
  explanation: null,
});
const mergedIn = entry({
  kind: 'adjust',
  points: 120,
  reason: `Merged from fan ${MERGED_FAN}`,
  explanation: { merge: true },
});
const mergedOut = entry({
  kind: 'adjust',
  points: -120,
  reason: `Merged into fan ${MERGED_FAN}`,
  explanation: { merge: true },
});

describe('describeLedgerEntryForFan', () => {
  describe('earn', () => {
    it('shows the rule’s name as the brand wrote it', () => {
      expect(both(earned)).toEqual({ en: 'Bewertung auf Google', de: 'Bewertung auf Google' });
    });

    it('falls back to the name stored at booking, then to the campaign, then to a plain label', () => {
      expect(describeLedgerEntryForFan({ ...earned, ruleName: null }, 'en')).toBe(
        'Bewertung auf Google (old name)',
      );
      expect(both({ ...earned, ruleName: null, explanation: null })).toEqual({
        en: 'Points earned: Sommer',
        de: 'Punkte gesammelt: Sommer',
      });
      expect(both({ ...earned, ruleName: '  ', campaignName: null, explanation: { rule: 42 } })).toEqual({
        en: 'Points earned',
        de: 'Punkte gesammelt',
      });
    });

    it('never shows the computation or the tier', () => {
      const { en, de } = both({ ...earned, ruleName: null, explanation: null, campaignName: null });
      expect(`${en} ${de}`).not.toMatch(/×|Gold|fixed/);
    });
  });

  describe('redeem and refund', () => {
    it('names the reward in the fan’s language', () => {
      expect(both(redeemed)).toEqual({ en: 'Redeemed: Free coffee', de: 'Eingelöst: Gratis Kaffee' });
      expect(both(refunded)).toEqual({ en: 'Refund: Free coffee', de: 'Erstattung: Gratis Kaffee' });
    });

    it('uses the other language’s name when one is missing', () => {
      const germanOnly = { ...redeemed, explanation: { ...booking, rewardNameEn: '' } };
      expect(describeLedgerEntryForFan(germanOnly, 'en')).toBe('Redeemed: Gratis Kaffee');
      const englishOnly = { ...refunded, explanation: { rewardNameEn: 'Free coffee' } };
      expect(describeLedgerEntryForFan(englishOnly, 'de')).toBe('Erstattung: Free coffee');
    });

    it('prefers a reward name the caller put in the explanation', () => {
      const named = { ...redeemed, explanation: { ...booking, rewardName: 'Coffee to go' } };
      expect(both(named)).toEqual({ en: 'Redeemed: Coffee to go', de: 'Eingelöst: Coffee to go' });
      const asObject = { ...refunded, explanation: { reward: { id: REWARD_ID, name: 'Tote bag' } } };
      expect(describeLedgerEntryForFan(asObject, 'en')).toBe('Refund: Tote bag');
      const asText = { ...redeemed, explanation: { reward: 'Tote bag' } };
      expect(describeLedgerEntryForFan(asText, 'de')).toBe('Eingelöst: Tote bag');
    });

    it('reads the name from the reason of entries booked before the names were stored', () => {
      const older = { explanation: { redemptionId: REDEMPTION_ID, rewardId: REWARD_ID } };
      expect(both({ ...redeemed, ...older })).toEqual({
        en: 'Redeemed: Gratis Kaffee',
        de: 'Eingelöst: Gratis Kaffee',
      });
      expect(describeLedgerEntryForFan({ ...refunded, ...older }, 'en')).toBe('Refund: Gratis Kaffee');
    });

    it('says what happened when the reward is not known', () => {
      const unnamed = { reason: 'something else entirely', explanation: null };
      expect(both({ ...redeemed, ...unnamed })).toEqual({ en: 'Reward redeemed', de: 'Prämie eingelöst' });
      expect(both({ ...refunded, ...unnamed })).toEqual({ en: 'Refund', de: 'Erstattung' });
    });

    it('does not read a refund’s wording as a redemption’s', () => {
      expect(
        describeLedgerEntryForFan(
          { ...redeemed, reason: 'Refund for Gratis Kaffee', explanation: null },
          'en',
        ),
      ).toBe('Reward redeemed');
    });

    it('never shows the redemption’s or the reward’s id', () => {
      for (const text of [...Object.values(both(redeemed)), ...Object.values(both(refunded))]) {
        expect(text).not.toContain(REDEMPTION_ID);
        expect(text).not.toContain(REWARD_ID);
      }
    });
  });

  it('says points expired, without the shop’s bookkeeping', () => {
    expect(both(expired)).toEqual({ en: 'Points expired', de: 'Punkte verfallen' });
  });

  describe('reverse', () => {
    it('names the rule whose points were taken back, never the events', () => {
      expect(both(reversed)).toEqual({
        en: 'Reversed: Instagram-Kommentar mit #SoMeParade',
        de: 'Zurückgebucht: Instagram-Kommentar mit #SoMeParade',
      });
    });

    it('says points were taken back when the rule is not known', () => {
      const unnamed = both({ ...reversed, ruleName: null });
      expect(unnamed).toEqual({ en: 'Points reversed', de: 'Punkte zurückgebucht' });
      expect(`${unnamed.en} ${unnamed.de}`).not.toMatch(/ig-/);
    });
  });

  describe('adjust', () => {
    it('says the shop corrected the balance, never who or why', () => {
      const texts = both(adjusted);
      expect(texts).toEqual({ en: 'Adjustment by the shop', de: 'Korrektur durch den Shop' });
      expect(describeLedgerEntryForFan({ ...adjusted, points: -25 }, 'en')).toBe('Adjustment by the shop');
    });

    it('tells a merge from a manual correction, and which way the points went', () => {
      expect(both(mergedIn)).toEqual({
        en: 'Points from a merged account',
        de: 'Punkte aus einem zusammengeführten Konto',
      });
      expect(both(mergedOut)).toEqual({
        en: 'Points moved to a merged account',
        de: 'Punkte in ein zusammengeführtes Konto übertragen',
      });
      expect(describeLedgerEntryForFan({ ...mergedIn, explanation: { merge: 'true' } }, 'en')).toBe(
        'Adjustment by the shop',
      );
    });
  });

  it('has its own words for every kind the ledger holds', () => {
    const fallbacks = ['Points added', 'Points deducted'];
    for (const kind of LEDGER_KINDS) {
      for (const points of [10, -10]) {
        expect(fallbacks).not.toContain(describeLedgerEntryForFan(entry({ kind, points }), 'en'));
      }
    }
  });

  it('reads a kind it does not know by the sign of its points', () => {
    expect(both(entry({ kind: 'bonus', points: 5 }))).toEqual({
      en: 'Points added',
      de: 'Punkte gutgeschrieben',
    });
    expect(both(entry({ kind: 'penalty', points: -5, reason: 'secret' }))).toEqual({
      en: 'Points deducted',
      de: 'Punkte abgezogen',
    });
    expect(describeLedgerEntryForFan(entry({ kind: 'constructor', points: 5 }), 'en')).toBe('Points added');
  });

  it('never shows a staff member, a manager’s reason or a fan id', () => {
    const everything = [earned, redeemed, refunded, expired, reversed, adjusted, mergedIn, mergedOut]
      .flatMap((value) => Object.values(both(value)))
      .join('\n');
    expect(everything).not.toMatch(/@brand\.example|ticket|complaint|Goodwill/);
    expect(everything).not.toContain(MERGED_FAN);
    expect(everything).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
  });
});
