import { computeAward, describeCondition, evaluateCondition, matchRule, toNumber } from './evaluate';
import { type EngagementEventFacts } from './events';
import { type RuleAward, type RuleCondition, type RuleDefinition } from './rules';

function holds(condition: RuleCondition, properties: Record<string, unknown>): boolean {
  return evaluateCondition(condition, properties).passed;
}

describe('toNumber', () => {
  it('reads numbers and plainly numeric texts', () => {
    expect(toNumber(12.5)).toBe(12.5);
    expect(toNumber('12.5')).toBe(12.5);
    expect(toNumber(' 3 ')).toBe(3);
    expect(toNumber('-2')).toBe(-2);
    expect(toNumber('.5')).toBe(0.5);
    expect(toNumber('1e3')).toBe(1000);
  });

  it('refuses what Number() would quietly coerce', () => {
    for (const value of [
      '',
      ' ',
      '12,5',
      '0x10',
      '1_000',
      'Infinity',
      '1e400',
      'NaN',
      '12abc',
      true,
      null,
      [],
      [5],
    ]) {
      expect(toNumber(value)).toBeUndefined();
    }
    expect(toNumber(Number.NaN)).toBeUndefined();
    expect(toNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});

describe('evaluateCondition', () => {
  it('reports what it read', () => {
    expect(
      evaluateCondition({ property: 'order.total', op: 'gt', value: 10 }, { order: { total: '19.99' } }),
    ).toEqual({
      condition: { property: 'order.total', op: 'gt', value: 10 },
      passed: true,
      actual: '19.99',
    });
  });

  describe('eq and neq', () => {
    it('compare primitives strictly: no type coercion, case-sensitive', () => {
      expect(holds({ property: 'rating', op: 'eq', value: 5 }, { rating: 5 })).toBe(true);
      expect(holds({ property: 'rating', op: 'eq', value: 5 }, { rating: 5.0 })).toBe(true);
      expect(holds({ property: 'rating', op: 'eq', value: 5 }, { rating: '5' })).toBe(false);
      expect(holds({ property: 'flag', op: 'eq', value: true }, { flag: 'true' })).toBe(false);
      expect(holds({ property: 'flag', op: 'eq', value: 1 }, { flag: true })).toBe(false);
      expect(holds({ property: 'tier', op: 'eq', value: 'Gold' }, { tier: 'gold' })).toBe(false);
      expect(holds({ property: 'zero', op: 'eq', value: 0 }, { zero: -0 })).toBe(true);
      expect(holds({ property: 'empty', op: 'eq', value: '' }, { empty: null })).toBe(false);
    });

    it('never equal objects or arrays', () => {
      expect(holds({ property: 'tags', op: 'eq', value: 'a' }, { tags: ['a'] })).toBe(false);
      expect(holds({ property: 'o', op: 'eq', value: '[object Object]' }, { o: {} })).toBe(false);
    });

    it('treat a missing property as not equal', () => {
      expect(holds({ property: 'source', op: 'eq', value: 'bot' }, {})).toBe(false);
      expect(holds({ property: 'source', op: 'neq', value: 'bot' }, {})).toBe(true);
      expect(holds({ property: 'source', op: 'neq', value: 'bot' }, { source: 'bot' })).toBe(false);
      expect(holds({ property: 'source', op: 'neq', value: 'bot' }, { source: 'Bot' })).toBe(true);
    });
  });

  describe('gt, gte, lt, lte', () => {
    it('compare numerically, reading numeric texts as numbers', () => {
      expect(holds({ property: 'amount', op: 'gt', value: 10 }, { amount: 10.01 })).toBe(true);
      expect(holds({ property: 'amount', op: 'gt', value: 10 }, { amount: 10 })).toBe(false);
      expect(holds({ property: 'amount', op: 'gte', value: 10 }, { amount: 10 })).toBe(true);
      expect(holds({ property: 'amount', op: 'gte', value: 10 }, { amount: '12.5' })).toBe(true);
      // A string comparison would say "9" > "10".
      expect(holds({ property: 'amount', op: 'gt', value: 10 }, { amount: '9' })).toBe(false);
      expect(holds({ property: 'amount', op: 'lt', value: 10 }, { amount: '9' })).toBe(true);
      expect(holds({ property: 'amount', op: 'lte', value: -1 }, { amount: -1 })).toBe(true);
      expect(holds({ property: 'amount', op: 'lt', value: 0 }, { amount: '-0.5' })).toBe(true);
    });

    it('fail for anything that is not a number, instead of coercing it', () => {
      for (const amount of [undefined, null, '', ' ', 'abc', '12,5', true, false, [20], { v: 20 }]) {
        expect(holds({ property: 'amount', op: 'lt', value: 100 }, { amount })).toBe(false);
        expect(holds({ property: 'amount', op: 'gte', value: 0 }, { amount })).toBe(false);
      }
      expect(holds({ property: 'amount', op: 'gt', value: 1 }, {})).toBe(false);
    });
  });

  describe('in', () => {
    it('passes when the value, or any element of an array value, is listed', () => {
      expect(holds({ property: 'rating', op: 'in', value: [4, 5] }, { rating: 5 })).toBe(true);
      expect(holds({ property: 'rating', op: 'in', value: [4, 5] }, { rating: 3 })).toBe(false);
      expect(holds({ property: 'rating', op: 'in', value: [4, 5] }, { rating: '5' })).toBe(false);
      expect(holds({ property: 'tags', op: 'in', value: ['vip', 'new'] }, { tags: ['old', 'new'] })).toBe(
        true,
      );
      expect(holds({ property: 'tags', op: 'in', value: ['vip'] }, { tags: [] })).toBe(false);
      expect(holds({ property: 'tags', op: 'in', value: ['vip'] }, {})).toBe(false);
    });
  });

  describe('contains', () => {
    it('matches hashtags without case and without a leading #', () => {
      const condition: RuleCondition = { property: 'hashtags', op: 'contains', value: '#SoMeParade' };
      expect(holds(condition, { hashtags: ['summer', 'someparade'] })).toBe(true);
      expect(holds(condition, { hashtags: ['#SOMEPARADE'] })).toBe(true);
      expect(holds({ ...condition, value: 'someparade' }, { hashtags: ['#SoMeParade'] })).toBe(true);
      // An element must be the tag, not merely contain it.
      expect(holds(condition, { hashtags: ['someparade2026'] })).toBe(false);
      expect(holds(condition, { hashtags: [42, null, { tag: 'someparade' }] })).toBe(false);
      expect(holds(condition, { hashtags: [] })).toBe(false);
    });

    it('finds substrings in text without case, in one Unicode form', () => {
      const condition: RuleCondition = { property: 'text', op: 'contains', value: 'Café' };
      expect(holds(condition, { text: 'Best CAFÉ in town' })).toBe(true);
      expect(holds(condition, { text: 'best cafe\u0301 in town' })).toBe(true); // e + combining accent
      expect(holds(condition, { text: 'best cafe in town' })).toBe(false);
      expect(
        holds({ property: 'text', op: 'contains', value: '#someparade' }, { text: 'I ♥ #SoMeParade!' }),
      ).toBe(true);
    });

    it('fails for numbers, objects and missing values', () => {
      expect(holds({ property: 'code', op: 'contains', value: '12' }, { code: 123 })).toBe(false);
      expect(holds({ property: 'o', op: 'contains', value: 'a' }, { o: { a: 1 } })).toBe(false);
      expect(holds({ property: 'o', op: 'contains', value: 'a' }, {})).toBe(false);
    });
  });

  describe('exists', () => {
    it('passes for any present, non-null value, including falsy ones', () => {
      const condition: RuleCondition = { property: 'postId', op: 'exists' };
      for (const postId of ['', 0, false, [], {}]) {
        expect(holds(condition, { postId })).toBe(true);
      }
      expect(holds(condition, { postId: null })).toBe(false);
      expect(holds(condition, {})).toBe(false);
      expect(holds({ property: 'constructor', op: 'exists' }, {})).toBe(false);
      expect(holds({ property: '__proto__', op: 'exists' }, {})).toBe(false);
      expect(holds({ property: 'toString', op: 'exists' }, {})).toBe(false);
    });
  });

  describe('matches', () => {
    it('tests strings case-insensitively', () => {
      const condition: RuleCondition = { property: 'text', op: 'matches', value: '\\bsummer ?sale\\b' };
      expect(holds(condition, { text: 'The SUMMER SALE is on' })).toBe(true);
      expect(holds(condition, { text: 'summersale!' })).toBe(true);
      expect(holds(condition, { text: 'summersales' })).toBe(false);
    });

    it('fails for non-strings', () => {
      const condition: RuleCondition = { property: 'code', op: 'matches', value: '^\\d+$' };
      expect(holds(condition, { code: '123' })).toBe(true);
      expect(holds(condition, { code: 123 })).toBe(false);
      expect(holds(condition, { code: ['123'] })).toBe(false);
      expect(holds(condition, {})).toBe(false);
    });

    it('only looks at the first 5,000 characters', () => {
      const condition: RuleCondition = { property: 'text', op: 'matches', value: 'needle' };
      expect(holds(condition, { text: `${'x'.repeat(4994)}needle` })).toBe(true);
      expect(holds(condition, { text: `${'x'.repeat(4995)}needle` })).toBe(false);
    });

    it('never runs an unsafe pattern, even one that slipped past validation', () => {
      const condition: RuleCondition = { property: 'text', op: 'matches', value: '(a+)+$' };
      expect(holds(condition, { text: `${'a'.repeat(40)}!` })).toBe(false);
      expect(holds(condition, { text: 'aaa' })).toBe(false);
    });
  });
});

describe('describeCondition', () => {
  it('puts conditions into words', () => {
    expect(describeCondition({ property: 'amount', op: 'gte', value: 10 })).toBe('amount ≥ 10');
    expect(describeCondition({ property: 'hashtags', op: 'contains', value: 'someparade' })).toBe(
      'hashtags contains "someparade"',
    );
    expect(describeCondition({ property: 'rating', op: 'in', value: [4, 5] })).toBe('rating is one of [4,5]');
    expect(describeCondition({ property: 'postId', op: 'exists' })).toBe('postId is present');
    expect(describeCondition({ property: 'text', op: 'matches', value: '^hi' })).toBe('text matches /^hi/');
  });
});

describe('matchRule', () => {
  const rule: RuleDefinition = {
    name: 'Instagram comment with #SoMeParade',
    trigger: { eventType: 'comment', channels: ['instagram', 'facebook'] },
    conditions: [
      { property: 'hashtags', op: 'contains', value: 'someparade' },
      { property: 'textLength', op: 'gte', value: 10 },
    ],
    award: { kind: 'fixed', points: 10 },
    limits: [{ window: 'day', max: 3 }],
  };
  const event = (overrides: Partial<EngagementEventFacts>): EngagementEventFacts => ({
    type: 'comment',
    channel: 'instagram',
    occurredAt: new Date('2026-05-01T10:00:00Z'),
    properties: { hashtags: ['#SoMeParade'], textLength: 42 },
    ...overrides,
  });

  it('matches when type, channel and every condition fit', () => {
    const result = matchRule(rule, event({}));
    expect(result.matched).toBe(true);
    expect(result.conditions.map((c) => c.passed)).toEqual([true, true]);
  });

  it('says when the event type differs, before looking further', () => {
    const result = matchRule(rule, event({ type: 'like', channel: 'x' }));
    expect(result).toMatchObject({ matched: false, reason: 'event_type', conditions: [] });
    expect(result.matched === false && result.detail).toMatch(/"comment".*"like"/);
  });

  it('says when the channel is not one of the rule’s', () => {
    const result = matchRule(rule, event({ channel: 'tiktok' }));
    expect(result).toMatchObject({ matched: false, reason: 'channel' });
    expect(result.matched === false && result.detail).toContain('tiktok');
  });

  it('matches every channel when the rule names none', () => {
    const anyChannel: RuleDefinition = { ...rule, trigger: { eventType: 'comment' } };
    expect(matchRule(anyChannel, event({ channel: 'store' })).matched).toBe(true);
  });

  it('reports every condition and explains the first one that failed', () => {
    const result = matchRule(rule, event({ properties: { hashtags: ['summer'], textLength: 3 } }));
    expect(result.matched).toBe(false);
    if (result.matched) {
      return;
    }
    expect(result.reason).toBe('condition');
    expect(result.conditions.map((c) => [c.passed, c.actual])).toEqual([
      [false, ['summer']],
      [false, 3],
    ]);
    expect(result.detail).toBe(
      'condition not met: hashtags contains "someparade", but it is ["summer"] (and 1 more)',
    );
  });

  it('says a property is missing', () => {
    const result = matchRule(rule, event({ properties: { hashtags: ['someparade'] } }));
    expect(result.matched === false && result.detail).toBe(
      'condition not met: textLength ≥ 10, but it is missing',
    );
  });

  it('matches a rule without conditions', () => {
    expect(matchRule({ ...rule, conditions: [] }, event({ properties: {} }))).toEqual({
      matched: true,
      conditions: [],
    });
  });
});

describe('computeAward', () => {
  const perEuro: RuleAward = { kind: 'per_unit', property: 'amount', pointsPerUnit: 1, rounding: 'floor' };

  it('gives fixed points, times the tier multiplier, rounded down', () => {
    expect(computeAward({ kind: 'fixed', points: 10 }, {})).toEqual({
      points: 10,
      basePoints: 10,
      multiplier: 1,
      detail: 'fixed 10 points',
    });
    expect(computeAward({ kind: 'fixed', points: 10 }, {}, 1.5).points).toBe(15);
    expect(computeAward({ kind: 'fixed', points: 7 }, {}, 1.5).points).toBe(10);
    expect(computeAward({ kind: 'fixed', points: 1 }, {}, 1.99).points).toBe(1);
  });

  it('applies multipliers exactly, without floating-point loss', () => {
    // 100 * 1.15 is 114.99999999999999 and 10 * 1.1 * … in floating point.
    expect(computeAward({ kind: 'fixed', points: 100 }, {}, 1.15).points).toBe(115);
    expect(computeAward({ kind: 'fixed', points: 3 }, {}, 1.1).points).toBe(3);
    expect(computeAward({ kind: 'fixed', points: 10 }, {}, 1.1).points).toBe(11);
    expect(computeAward({ kind: 'fixed', points: 1000 }, {}, 2.01).points).toBe(2010);
    expect(computeAward({ kind: 'fixed', points: 1_000_000 }, {}, 10).points).toBe(10_000_000);
  });

  it('refuses multipliers outside 1–10 or with more than two decimals', () => {
    for (const multiplier of [0, 0.5, 10.01, 1.005, Number.NaN, -1]) {
      expect(() => computeAward({ kind: 'fixed', points: 10 }, {}, multiplier)).toThrow(RangeError);
    }
  });

  it('explains a per-unit award with currency and tier', () => {
    expect(computeAward(perEuro, { amount: '12.5', currency: 'EUR' }, 1.5)).toEqual({
      points: 18,
      basePoints: 12,
      multiplier: 1.5,
      detail: 'amount 12.50 EUR × 1 point per unit, rounded down = 12; × 1.5 (tier) = 18',
    });
  });

  it('rounds per the rule', () => {
    expect(computeAward(perEuro, { amount: 19.99 }).points).toBe(19);
    expect(computeAward({ ...perEuro, rounding: 'round' }, { amount: 19.5 }).points).toBe(20);
    expect(computeAward({ ...perEuro, rounding: 'round' }, { amount: 19.49 }).points).toBe(19);
    expect(computeAward({ ...perEuro, rounding: 'ceil' }, { amount: 19.01 }).points).toBe(20);
    expect(computeAward({ ...perEuro, rounding: 'ceil' }, { amount: 19 }).points).toBe(19);
  });

  it('is not fooled by floating-point dust around whole numbers', () => {
    // 0.3 / 0.1 is 2.9999999999999996; 0.7 * 100 is 70.00000000000001.
    expect(computeAward({ ...perEuro, unit: 0.1 }, { amount: 0.3 }).points).toBe(3);
    expect(computeAward({ ...perEuro, pointsPerUnit: 100, rounding: 'ceil' }, { amount: 0.7 }).points).toBe(
      70,
    );
    expect(computeAward({ ...perEuro, pointsPerUnit: 100 }, { amount: 1.1 }).points).toBe(110);
  });

  it('uses the unit size and fractional points per unit, rounding only the result', () => {
    // 2 points per 10 euros: 125 euros are 12.5 units, worth 25 points.
    const award: RuleAward = { ...perEuro, unit: 10, pointsPerUnit: 2 };
    expect(computeAward(award, { amount: 125 })).toMatchObject({
      points: 25,
      detail: 'amount 125 × 2 points per 10 units, rounded down = 25',
    });
    expect(computeAward({ ...award, pointsPerUnit: 1 }, { amount: 125 }).points).toBe(12);
    expect(computeAward({ ...perEuro, pointsPerUnit: 0.5 }, { amount: 9 }).points).toBe(4);
  });

  it('caps at maxPoints before the multiplier, and at 1,000,000 for any award', () => {
    const capped = computeAward({ ...perEuro, maxPoints: 500 }, { amount: 1234.56 }, 2);
    expect(capped).toMatchObject({ basePoints: 500, points: 1000 });
    expect(capped.detail).toBe(
      'amount 1234.56 × 1 point per unit, rounded down = 1234, capped at 500; × 2 (tier) = 1000',
    );
    expect(computeAward({ ...perEuro, maxPoints: 500 }, { amount: 499.99 }).points).toBe(499);
    expect(computeAward(perEuro, { amount: 5e9 }).basePoints).toBe(1_000_000);
    expect(computeAward({ ...perEuro, pointsPerUnit: 1_000_000 }, { amount: 1e306 }).basePoints).toBe(
      1_000_000,
    );
  });

  it('gives nothing, flagged missing, for a missing, non-numeric or negative value', () => {
    for (const properties of [
      {},
      { amount: null },
      { amount: 'ten' },
      { amount: true },
      { amount: -5 },
      { amount: '-1' },
    ]) {
      const result = computeAward(perEuro, properties, 1.5);
      expect(result).toMatchObject({ points: 0, basePoints: 0, multiplier: 1.5, missing: true });
    }
    expect(computeAward(perEuro, {}).detail).toBe('amount is missing: no points');
    expect(computeAward(perEuro, { amount: 'ten' }).detail).toBe('amount is not a number ("ten"): no points');
    expect(computeAward(perEuro, { amount: -5 }).detail).toBe('amount is negative (-5): no points');
  });

  it('gives zero points, not missing, for a zero amount', () => {
    const result = computeAward(perEuro, { amount: 0 });
    expect(result.points).toBe(0);
    expect('missing' in result).toBe(false);
  });

  it('reads a nested property and ignores prototype paths', () => {
    expect(computeAward({ ...perEuro, property: 'order.total' }, { order: { total: '42.10' } }).points).toBe(
      42,
    );
    expect(
      computeAward(
        { ...perEuro, property: '__proto__.x' },
        JSON.parse('{"__proto__":{"x":5}}') as Record<string, unknown>,
      ),
    ).toMatchObject({ points: 0, missing: true });
  });

  it('always returns whole, non-negative points, even for unvalidated awards', () => {
    expect(computeAward({ kind: 'fixed', points: -10 }, {}).points).toBe(0);
    expect(computeAward({ kind: 'fixed', points: 2.7 }, {}).points).toBe(2);
    expect(computeAward({ kind: 'fixed', points: Number.NaN }, {}).points).toBe(0);
  });
});
