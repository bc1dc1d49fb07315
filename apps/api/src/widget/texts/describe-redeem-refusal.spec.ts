import { type Locale } from '@fanfare/shared';

import {
  REDEEM_REFUSAL_CODES,
  type RedeemRefusalDetails,
  describeRedeemRefusal,
  isRedeemRefusalCode,
} from './describe-redeem-refusal';

function both(code: string, details: RedeemRefusalDetails = {}): { en: string; de: string } {
  return { en: describeRedeemRefusal(code, 'en', details), de: describeRedeemRefusal(code, 'de', details) };
}

const GENERIC = {
  en: 'This reward cannot be redeemed right now.',
  de: 'Diese Prämie kann gerade nicht eingelöst werden.',
};

describe('describeRedeemRefusal', () => {
  it('asks a visitor to log in', () => {
    expect(both('login_required')).toEqual({
      en: 'Log in to redeem rewards.',
      de: 'Melde dich an, um Prämien einzulösen.',
    });
  });

  describe('insufficient_points', () => {
    it('says how many points are missing', () => {
      expect(both('insufficient_points', { missingPoints: 30 })).toEqual({
        en: 'You need 30 more points.',
        de: 'Dir fehlen noch 30 Punkte.',
      });
    });

    it('uses the singular, with a singular verb in German, for one point', () => {
      expect(both('insufficient_points', { missingPoints: 1 })).toEqual({
        en: 'You need 1 more point.',
        de: 'Dir fehlt noch 1 Punkt.',
      });
    });

    it('formats large numbers in the fan’s language', () => {
      expect(both('insufficient_points', { missingPoints: 2500 })).toEqual({
        en: 'You need 2,500 more points.',
        de: 'Dir fehlen noch 2.500 Punkte.',
      });
    });

    it('says it plainly when the number is not known or not sensible', () => {
      const plain = { en: 'You do not have enough points yet.', de: 'Du hast noch nicht genug Punkte.' };
      expect(both('insufficient_points')).toEqual(plain);
      expect(both('insufficient_points', { missingPoints: 0 })).toEqual(plain);
      expect(both('insufficient_points', { missingPoints: Number.NaN })).toEqual(plain);
    });
  });

  it('says the reward is out of stock', () => {
    expect(both('out_of_stock')).toEqual({
      en: 'This reward is out of stock.',
      de: 'Diese Prämie ist leider vergriffen.',
    });
  });

  it('names the tier the reward needs', () => {
    expect(both('tier_too_low', { tierName: 'Gold' })).toEqual({
      en: 'For Gold members and above.',
      de: 'Für Mitglieder ab der Stufe Gold.',
    });
    expect(both('tier_too_low', { tierName: '  ' })).toEqual({
      en: 'For members of a higher tier.',
      de: 'Für Mitglieder einer höheren Stufe.',
    });
  });

  it('says the fan has redeemed the reward as often as allowed', () => {
    expect(both('fan_limit_reached')).toEqual({
      en: 'You have already redeemed this reward as often as possible.',
      de: 'Du hast diese Prämie schon so oft eingelöst wie möglich.',
    });
  });

  describe('reward_not_available_yet', () => {
    it('gives the day in the brand’s time zone', () => {
      // Midnight in Berlin is still 30 November in UTC.
      const from = new Date('2026-11-30T23:00:00.000Z');
      expect(both('reward_not_available_yet', { availableFrom: from, timeZone: 'Europe/Berlin' })).toEqual({
        en: 'Available from 1 December.',
        de: 'Verfügbar ab dem 1. Dezember.',
      });
    });

    it('adds the time when the window opens during the day', () => {
      const from = new Date('2026-12-01T17:30:00.000Z');
      expect(both('reward_not_available_yet', { availableFrom: from, timeZone: 'Europe/Berlin' })).toEqual({
        en: 'Available from 1 December at 18:30.',
        de: 'Verfügbar ab dem 1. Dezember um 18:30 Uhr.',
      });
    });

    it('reads the date in UTC when no time zone is given', () => {
      expect(
        both('reward_not_available_yet', { availableFrom: new Date('2026-03-05T00:00:00.000Z') }),
      ).toEqual({
        en: 'Available from 5 March.',
        de: 'Verfügbar ab dem 5. März.',
      });
    });

    it('says “not yet” without a usable date', () => {
      const plain = { en: 'Not available yet.', de: 'Noch nicht verfügbar.' };
      expect(both('reward_not_available_yet')).toEqual(plain);
      expect(both('reward_not_available_yet', { availableFrom: new Date('not a date') })).toEqual(plain);
    });
  });

  it('says a reward has ended or is switched off', () => {
    expect(both('reward_no_longer_available')).toEqual({
      en: 'This reward is no longer available.',
      de: 'Diese Prämie ist nicht mehr verfügbar.',
    });
    expect(both('reward_inactive')).toEqual({
      en: 'This reward is not available at the moment.',
      de: 'Diese Prämie ist gerade nicht verfügbar.',
    });
  });

  it('gives a general sentence for a code it does not know, never the code', () => {
    expect(both('fan_erased')).toEqual(GENERIC);
    expect(both('')).toEqual(GENERIC);
    expect(both('toString')).toEqual(GENERIC);
  });

  it.each(REDEEM_REFUSAL_CODES.flatMap((code) => (['en', 'de'] as Locale[]).map((locale) => [code, locale])))(
    'has its own sentence for %s in %s',
    (code, locale) => {
      const text = describeRedeemRefusal(code, locale as Locale, {});
      expect(text).not.toBe(GENERIC[locale as Locale]);
      expect(text).not.toContain(code);
      expect(text).toMatch(/^\p{Lu}.*\.$/u);
    },
  );

  it('knows its codes', () => {
    expect(REDEEM_REFUSAL_CODES.every(isRedeemRefusalCode)).toBe(true);
    expect(isRedeemRefusalCode('reward_not_found')).toBe(false);
  });
});
