/**
 * Why a fan cannot redeem a reward, as one sentence for the widget's `reasonText` — the same codes
 * the rewards list and the redemption refusals use (docs/widget-api.md).
 */
import { type Locale } from '@fanfare/shared';

import { REFUSAL_CODES, type RefusalCode } from '../../redemptions/redeem-rules';
import { formatNumber, intlTag, pointsText } from './text-format';

export const REDEEM_REFUSAL_CODES = REFUSAL_CODES;
export type RedeemRefusalCode = RefusalCode;

export interface RedeemRefusalDetails {
  /** insufficient_points: how many points the fan lacks. */
  missingPoints?: number;
  /** tier_too_low: the reward's minimum tier, in the fan's language. */
  tierName?: string;
  /** reward_not_available_yet: when the reward's availability window opens. */
  availableFrom?: Date;
  /** The brand's IANA time zone for `availableFrom`; UTC when not given. */
  timeZone?: string;
}

const CODES: ReadonlySet<string> = new Set(REDEEM_REFUSAL_CODES);

export function isRedeemRefusalCode(code: string): code is RedeemRefusalCode {
  return CODES.has(code);
}

/** "1 December" / "1. Dezember", with the time when it is not midnight in the brand's zone. */
function availabilityStart(at: Date, locale: Locale, timeZone: string): string {
  const date = new Intl.DateTimeFormat(intlTag(locale), { day: 'numeric', month: 'long', timeZone }).format(
    at,
  );
  const time = new Intl.DateTimeFormat(intlTag(locale), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
  if (time === '00:00') {
    return locale === 'de' ? `dem ${date}` : date;
  }
  return locale === 'de' ? `dem ${date} um ${time} Uhr` : `${date} at ${time}`;
}

function hasPoints(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value > 0;
}

function hasText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function isValidDate(value: Date | undefined): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

function english(code: string, details: RedeemRefusalDetails): string {
  if (!isRedeemRefusalCode(code)) {
    return 'This reward cannot be redeemed right now.';
  }
  switch (code) {
    case 'login_required':
      return 'Log in to redeem rewards.';
    case 'insufficient_points':
      return hasPoints(details.missingPoints)
        ? `You need ${formatNumber(details.missingPoints, 'en')} more ${details.missingPoints === 1 ? 'point' : 'points'}.`
        : 'You do not have enough points yet.';
    case 'out_of_stock':
      return 'This reward is out of stock.';
    case 'tier_too_low':
      return hasText(details.tierName)
        ? `For ${details.tierName.trim()} members and above.`
        : 'For members of a higher tier.';
    case 'fan_limit_reached':
      return 'You have already redeemed this reward as often as possible.';
    case 'reward_not_available_yet':
      return isValidDate(details.availableFrom)
        ? `Available from ${availabilityStart(details.availableFrom, 'en', details.timeZone ?? 'UTC')}.`
        : 'Not available yet.';
    case 'reward_no_longer_available':
      return 'This reward is no longer available.';
    case 'reward_inactive':
      return 'This reward is not available at the moment.';
  }
}

function german(code: string, details: RedeemRefusalDetails): string {
  if (!isRedeemRefusalCode(code)) {
    return 'Diese Prämie kann gerade nicht eingelöst werden.';
  }
  switch (code) {
    case 'login_required':
      return 'Melde dich an, um Prämien einzulösen.';
    case 'insufficient_points':
      if (!hasPoints(details.missingPoints)) {
        return 'Du hast noch nicht genug Punkte.';
      }
      // "Dir fehlt noch 1 Punkt." — the verb agrees with the number.
      return `Dir ${details.missingPoints === 1 ? 'fehlt' : 'fehlen'} noch ${pointsText(details.missingPoints, 'de')}.`;
    case 'out_of_stock':
      return 'Diese Prämie ist leider vergriffen.';
    case 'tier_too_low':
      return hasText(details.tierName)
        ? `Für Mitglieder ab der Stufe ${details.tierName.trim()}.`
        : 'Für Mitglieder einer höheren Stufe.';
    case 'fan_limit_reached':
      return 'Du hast diese Prämie schon so oft eingelöst wie möglich.';
    case 'reward_not_available_yet':
      return isValidDate(details.availableFrom)
        ? `Verfügbar ab ${availabilityStart(details.availableFrom, 'de', details.timeZone ?? 'UTC')}.`
        : 'Noch nicht verfügbar.';
    case 'reward_no_longer_available':
      return 'Diese Prämie ist nicht mehr verfügbar.';
    case 'reward_inactive':
      return 'Diese Prämie ist gerade nicht verfügbar.';
  }
}

/**
 * The refusal as a sentence for the fan, e.g. "You need 30 more points." / "Dir fehlen noch 30
 * Punkte." An unknown code gets a general sentence rather than the code.
 */
export function describeRedeemRefusal(
  code: string,
  locale: Locale,
  details: RedeemRefusalDetails = {},
): string {
  return locale === 'de' ? german(code, details) : english(code, details);
}
