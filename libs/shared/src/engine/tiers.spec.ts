import { isValidMultiplier, nextTier, type TierDefinition, tierFor, validateTierLadder } from './tiers';

const ladder: TierDefinition[] = [
  { name: 'Bronze', threshold: 0, multiplier: 1 },
  { name: 'Silver', threshold: 500, multiplier: 1.25, perks: 'Free shipping' },
  { name: 'Gold', threshold: 2000, multiplier: 1.5 },
];

function fields(tiers: unknown): string[] {
  return validateTierLadder(tiers).map((error) => error.field);
}

describe('isValidMultiplier', () => {
  it('takes 1 to 10 with at most two decimals', () => {
    for (const value of [1, 1.5, 1.25, 1.15, 2.01, 9.99, 10]) {
      expect(isValidMultiplier(value)).toBe(true);
    }
    for (const value of [
      0,
      0.99,
      10.01,
      1.005,
      1.123,
      -1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '1.5',
      null,
    ]) {
      expect(isValidMultiplier(value)).toBe(false);
    }
  });
});

describe('validateTierLadder', () => {
  it('accepts a valid ladder and an empty one', () => {
    expect(validateTierLadder(ladder)).toEqual([]);
    expect(validateTierLadder([])).toEqual([]);
    expect(validateTierLadder([{ name: 'Member', threshold: 0, multiplier: 1 }])).toEqual([]);
  });

  it('takes a list of at most 10 tiers', () => {
    expect(validateTierLadder({})).toEqual([{ field: 'tiers', reason: 'must be a list of tiers' }]);
    const ten = Array.from({ length: 10 }, (_, i) => ({ name: `T${i}`, threshold: i * 100, multiplier: 1 }));
    expect(validateTierLadder(ten)).toEqual([]);
    expect(fields([...ten, { name: 'T10', threshold: 5000, multiplier: 1 }])).toEqual(['tiers']);
  });

  it('requires unique, non-empty names of at most 50 characters', () => {
    expect(fields([{ threshold: 0, multiplier: 1 }])).toEqual(['tiers.0.name']);
    expect(fields([{ name: ' ', threshold: 0, multiplier: 1 }])).toEqual(['tiers.0.name']);
    expect(fields([{ name: 'n'.repeat(51), threshold: 0, multiplier: 1 }])).toEqual(['tiers.0.name']);
    expect(fields([{ name: 'n'.repeat(50), threshold: 0, multiplier: 1 }])).toEqual([]);
    expect(
      fields([
        { name: 'Gold', threshold: 0, multiplier: 1 },
        { name: 'gold ', threshold: 10, multiplier: 1 },
      ]),
    ).toEqual(['tiers.1.name']);
  });

  it('requires whole thresholds starting at 0 and strictly increasing', () => {
    expect(fields([{ name: 'A', threshold: 10, multiplier: 1 }])).toEqual(['tiers.0.threshold']);
    expect(fields([{ name: 'A', threshold: -1, multiplier: 1 }])).toEqual(['tiers.0.threshold']);
    expect(
      fields([
        { name: 'A', threshold: 0, multiplier: 1 },
        { name: 'B', threshold: 0, multiplier: 1 },
      ]),
    ).toEqual(['tiers.1.threshold']);
    expect(
      fields([
        { name: 'A', threshold: 0, multiplier: 1 },
        { name: 'B', threshold: 500, multiplier: 1 },
        { name: 'C', threshold: 400, multiplier: 1 },
      ]),
    ).toEqual(['tiers.2.threshold']);
    expect(
      fields([
        { name: 'A', threshold: 0, multiplier: 1 },
        { name: 'B', threshold: 10.5, multiplier: 1 },
      ]),
    ).toEqual(['tiers.1.threshold']);
    expect(fields([{ name: 'A', threshold: '0', multiplier: 1 }])).toEqual(['tiers.0.threshold']);
  });

  it('requires multipliers from 1 to 10, two decimals at most, never lower than the tier below', () => {
    expect(fields([{ name: 'A', threshold: 0, multiplier: 0.5 }])).toEqual(['tiers.0.multiplier']);
    expect(fields([{ name: 'A', threshold: 0, multiplier: 11 }])).toEqual(['tiers.0.multiplier']);
    expect(fields([{ name: 'A', threshold: 0, multiplier: 1.333 }])).toEqual(['tiers.0.multiplier']);
    expect(fields([{ name: 'A', threshold: 0 }])).toEqual(['tiers.0.multiplier']);
    expect(
      fields([
        { name: 'A', threshold: 0, multiplier: 1.5 },
        { name: 'B', threshold: 10, multiplier: 1.25 },
      ]),
    ).toEqual(['tiers.1.multiplier']);
    expect(
      fields([
        { name: 'A', threshold: 0, multiplier: 1.5 },
        { name: 'B', threshold: 10, multiplier: 1.5 },
      ]),
    ).toEqual([]);
  });

  it('takes perks text of at most 500 characters', () => {
    expect(fields([{ name: 'A', threshold: 0, multiplier: 1, perks: 'p'.repeat(500) }])).toEqual([]);
    expect(fields([{ name: 'A', threshold: 0, multiplier: 1, perks: 'p'.repeat(501) }])).toEqual([
      'tiers.0.perks',
    ]);
    expect(fields([{ name: 'A', threshold: 0, multiplier: 1, perks: 5 }])).toEqual(['tiers.0.perks']);
  });

  it('rejects non-object tiers and uses the given path', () => {
    expect(validateTierLadder(['Gold'], 'ladder')).toEqual([
      { field: 'ladder.0', reason: 'must be an object' },
    ]);
  });
});

describe('tierFor and nextTier', () => {
  it('finds the highest tier reached, thresholds inclusive', () => {
    expect(tierFor(0, ladder)?.name).toBe('Bronze');
    expect(tierFor(499, ladder)?.name).toBe('Bronze');
    expect(tierFor(500, ladder)?.name).toBe('Silver');
    expect(tierFor(1_000_000, ladder)?.name).toBe('Gold');
    expect(tierFor(-5, ladder)).toBeNull();
    expect(tierFor(100, [])).toBeNull();
  });

  it('does not depend on the ladder’s order', () => {
    expect(tierFor(600, [...ladder].reverse())?.name).toBe('Silver');
    expect(nextTier(600, [...ladder].reverse())?.tier.name).toBe('Gold');
  });

  it('says how many points the next tier needs, and null at the top', () => {
    expect(nextTier(0, ladder)).toEqual({ tier: ladder[1], pointsNeeded: 500 });
    expect(nextTier(499, ladder)).toEqual({ tier: ladder[1], pointsNeeded: 1 });
    expect(nextTier(500, ladder)).toEqual({ tier: ladder[2], pointsNeeded: 1500 });
    expect(nextTier(2000, ladder)).toBeNull();
    expect(nextTier(0, [])).toBeNull();
  });
});
