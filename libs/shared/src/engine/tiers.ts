/**
 * The tier ladder: thresholds on earned points, each with a multiplier that scales every award of
 * a fan in that tier. Multipliers are kept to hundredths so that awards can be computed exactly.
 */
import { type RuleFieldError } from './rules';

export interface TierDefinition {
  name: string;
  /** Points earned (lifetime or in the last 12 months, per the brand's basis) to reach the tier. */
  threshold: number;
  multiplier: number;
  perks?: string;
}

export const TIER_BASES = ['lifetime', 'rolling_12_months'] as const;
export type TierBasis = (typeof TIER_BASES)[number];

export const MAX_TIERS = 10;
export const MAX_TIER_NAME_LENGTH = 50;
export const MAX_TIER_PERKS_LENGTH = 500;
export const MIN_MULTIPLIER = 1;
export const MAX_MULTIPLIER = 10;

export function isTierBasis(value: unknown): value is TierBasis {
  return value === 'lifetime' || value === 'rolling_12_months';
}

/** A multiplier from 1 to 10 with at most two decimals (1, 1.5, 1.25). */
export function isValidMultiplier(value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return false;
  }
  if (value < MIN_MULTIPLIER || value > MAX_MULTIPLIER) {
    return false;
  }
  const hundredths = value * 100;
  // 1.15 * 100 is 114.99999999999999 in binary floating point: allow for that, not for 1.155.
  return Math.abs(hundredths - Math.round(hundredths)) < 1e-6;
}

/** Validates a whole ladder, lowest tier first; an empty ladder means the brand has no tiers. */
export function validateTierLadder(tiers: unknown, path = 'tiers'): RuleFieldError[] {
  const errors: RuleFieldError[] = [];
  if (!Array.isArray(tiers)) {
    return [{ field: path, reason: 'must be a list of tiers' }];
  }
  if (tiers.length > MAX_TIERS) {
    return [{ field: path, reason: `must have at most ${MAX_TIERS} tiers` }];
  }
  const names = new Set<string>();
  let previousThreshold: number | undefined;
  let previousMultiplier: number | undefined;
  tiers.forEach((tier: unknown, index) => {
    const field = `${path}.${index}`;
    if (typeof tier !== 'object' || tier === null || Array.isArray(tier)) {
      errors.push({ field, reason: 'must be an object' });
      return;
    }
    const { name, threshold, multiplier, perks } = tier as Record<string, unknown>;

    if (typeof name !== 'string' || name.trim().length === 0) {
      errors.push({ field: `${field}.name`, reason: 'is required' });
    } else if (name.length > MAX_TIER_NAME_LENGTH) {
      errors.push({ field: `${field}.name`, reason: `must be at most ${MAX_TIER_NAME_LENGTH} characters` });
    } else {
      // "Gold" and "gold " would look like one tier to fans.
      const key = name.trim().toLocaleLowerCase('en');
      if (names.has(key)) {
        errors.push({ field: `${field}.name`, reason: 'is used by another tier' });
      }
      names.add(key);
    }

    if (typeof threshold !== 'number' || !Number.isSafeInteger(threshold) || threshold < 0) {
      errors.push({ field: `${field}.threshold`, reason: 'must be a whole number of points, 0 or more' });
    } else {
      if (index === 0 && threshold !== 0) {
        errors.push({
          field: `${field}.threshold`,
          reason: 'must be 0 for the first tier, so every fan has one',
        });
      } else if (previousThreshold !== undefined && threshold <= previousThreshold) {
        errors.push({ field: `${field}.threshold`, reason: 'must be higher than the tier below' });
      }
      previousThreshold = threshold;
    }

    if (!isValidMultiplier(multiplier)) {
      errors.push({
        field: `${field}.multiplier`,
        reason: `must be a number from ${MIN_MULTIPLIER} to ${MAX_MULTIPLIER} with at most two decimals`,
      });
    } else {
      if (previousMultiplier !== undefined && multiplier < previousMultiplier) {
        errors.push({ field: `${field}.multiplier`, reason: 'must not be lower than the tier below' });
      }
      previousMultiplier = multiplier;
    }

    if (perks !== undefined && perks !== null) {
      if (typeof perks !== 'string') {
        errors.push({ field: `${field}.perks`, reason: 'must be a text' });
      } else if (perks.length > MAX_TIER_PERKS_LENGTH) {
        errors.push({
          field: `${field}.perks`,
          reason: `must be at most ${MAX_TIER_PERKS_LENGTH} characters`,
        });
      }
    }
  });
  return errors;
}

/** The highest tier whose threshold `points` reaches, or null (no ladder, or below the first tier). */
export function tierFor(points: number, ladder: readonly TierDefinition[]): TierDefinition | null {
  let best: TierDefinition | null = null;
  for (const tier of ladder) {
    if (tier.threshold <= points && (best === null || tier.threshold > best.threshold)) {
      best = tier;
    }
  }
  return best;
}

/** The next tier up and the points still needed to reach it, or null at the top of the ladder. */
export function nextTier(
  points: number,
  ladder: readonly TierDefinition[],
): { tier: TierDefinition; pointsNeeded: number } | null {
  let next: TierDefinition | null = null;
  for (const tier of ladder) {
    if (tier.threshold > points && (next === null || tier.threshold < next.threshold)) {
      next = tier;
    }
  }
  return next === null ? null : { tier: next, pointsNeeded: next.threshold - points };
}
