import { type RewardEntity } from '../rewards/entities/reward.entity';

/** Every reason a redemption can be refused; the widget words each (widget/texts). */
export const REFUSAL_CODES = [
  'login_required',
  'insufficient_points',
  'out_of_stock',
  'tier_too_low',
  'fan_limit_reached',
  'reward_not_available_yet',
  'reward_no_longer_available',
  'reward_inactive',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** Why a fan cannot redeem a reward now: a stable code, a sentence for staff, and the numbers behind it. */
export interface Refusal {
  code: RefusalCode;
  message: string;
  missingPoints?: number;
  tierName?: string;
  availableFrom?: Date;
}

export interface RedeemSituation {
  reward: Pick<
    RewardEntity,
    'active' | 'availableFrom' | 'availableUntil' | 'minTier' | 'perFanLimit' | 'perFanPeriod' | 'costPoints'
  >;
  /** Null: an anonymous visitor. */
  fan: { balance: bigint; tierName: string | null } | null;
  /** The brand's tier names, lowest first. */
  ladder: readonly string[];
  /** How often the fan redeemed the reward in its limit's period. */
  redeemedInPeriod: number;
  inStock: boolean;
  now: Date;
}

/**
 * The one statement of when a reward can be redeemed, in the order a fan would want to hear it. The
 * redemption itself checks the same (stock then again, atomically, while taking it); the widget uses
 * it to say why a button is missing.
 */
export function refusalOf(situation: RedeemSituation): Refusal | null {
  const { reward, fan, now } = situation;
  if (!reward.active) return { code: 'reward_inactive', message: 'The reward is not active.' };
  if (reward.availableFrom !== null && now < reward.availableFrom) {
    return {
      code: 'reward_not_available_yet',
      message: `The reward can be redeemed from ${reward.availableFrom.toISOString()}.`,
      availableFrom: reward.availableFrom,
    };
  }
  if (reward.availableUntil !== null && now >= reward.availableUntil) {
    return {
      code: 'reward_no_longer_available',
      message: `The reward could be redeemed until ${reward.availableUntil.toISOString()}.`,
    };
  }
  if (!situation.inStock) return { code: 'out_of_stock', message: 'The reward is out of stock.' };
  if (fan === null) return { code: 'login_required', message: 'Log in to redeem.' };
  if (reward.minTier !== null) {
    const needed = situation.ladder.indexOf(reward.minTier);
    const has = fan.tierName === null ? -1 : situation.ladder.indexOf(fan.tierName);
    // A minimum tier that left the ladder is one nobody reaches.
    if (needed === -1 || has < needed) {
      return {
        code: 'tier_too_low',
        message: `The reward needs the tier ${reward.minTier}; the fan is ${fan.tierName ?? 'in no tier'}.`,
        tierName: reward.minTier,
      };
    }
  }
  if (
    reward.perFanLimit !== null &&
    reward.perFanPeriod !== null &&
    situation.redeemedInPeriod >= reward.perFanLimit
  ) {
    return {
      code: 'fan_limit_reached',
      message: `A fan can redeem this reward ${reward.perFanLimit} time(s) ${
        reward.perFanPeriod === 'month' ? 'per calendar month' : 'in all'
      }, and this fan has.`,
    };
  }
  const cost = BigInt(reward.costPoints);
  if (fan.balance < cost) {
    return {
      code: 'insufficient_points',
      message: `The reward costs ${cost} points and the fan has ${fan.balance}.`,
      missingPoints: Number(cost - fan.balance),
    };
  }
  return null;
}
