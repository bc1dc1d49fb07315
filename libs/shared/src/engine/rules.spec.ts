import { isSafePropertyPath, type RuleDefinition, validateRule } from './rules';

function validRule(): RuleDefinition {
  return {
    name: 'Instagram comment with #SoMeParade',
    trigger: { eventType: 'comment', channels: ['instagram'] },
    conditions: [{ property: 'hashtags', op: 'contains', value: 'SoMeParade' }],
    award: { kind: 'fixed', points: 10 },
    limits: [{ window: 'day', max: 3 }],
    cooldownSeconds: 60,
  };
}

/** A valid rule with some parts replaced (by anything, even nonsense). */
function ruleWith(changes: Record<string, unknown>): Record<string, unknown> {
  return { ...validRule(), ...changes };
}

function fields(rule: unknown, path?: string): string[] {
  return validateRule(rule, path).map((error) => error.field);
}

function reasonAt(rule: unknown, field: string): string | undefined {
  return validateRule(rule).find((error) => error.field === field)?.reason;
}

describe('validateRule', () => {
  it('accepts a complete rule, a per-unit rule and a minimal rule', () => {
    expect(validateRule(validRule())).toEqual([]);
    expect(
      validateRule({
        name: 'Purchase',
        trigger: { eventType: 'purchase' },
        conditions: [],
        award: {
          kind: 'per_unit',
          property: 'order.total',
          pointsPerUnit: 1,
          rounding: 'floor',
          maxPoints: 500,
        },
        limits: [],
      }),
    ).toEqual([]);
    expect(
      validateRule({
        name: 'x',
        trigger: { eventType: 'custom:newsletter_open' },
        conditions: [],
        award: { kind: 'fixed', points: 1 },
        limits: [],
      }),
    ).toEqual([]);
  });

  it('rejects non-objects at the given path', () => {
    for (const value of [null, undefined, 'rule', 42, []]) {
      expect(validateRule(value, 'rules.0')).toEqual([{ field: 'rules.0', reason: 'must be an object' }]);
    }
  });

  it('prefixes every field with the path', () => {
    expect(fields(ruleWith({ award: { kind: 'fixed', points: -5 } }), 'rules.2')).toEqual([
      'rules.2.award.points',
    ]);
  });

  it('requires a name of at most 100 characters', () => {
    expect(reasonAt(ruleWith({ name: undefined }), 'rule.name')).toBe('is required');
    expect(reasonAt(ruleWith({ name: '   ' }), 'rule.name')).toBe('is required');
    expect(reasonAt(ruleWith({ name: 7 }), 'rule.name')).toBe('is required');
    expect(fields(ruleWith({ name: 'n'.repeat(100) }))).toEqual([]);
    expect(reasonAt(ruleWith({ name: 'n'.repeat(101) }), 'rule.name')).toMatch(/at most 100/);
  });

  describe('trigger', () => {
    it('is required, with a known event type', () => {
      expect(fields(ruleWith({ trigger: undefined }))).toEqual(['rule.trigger']);
      expect(fields(ruleWith({ trigger: {} }))).toEqual(['rule.trigger.eventType']);
      expect(reasonAt(ruleWith({ trigger: { eventType: 'poke' } }), 'rule.trigger.eventType')).toMatch(
        /not a known event type/,
      );
      expect(fields(ruleWith({ trigger: { eventType: 'custom:Bad Name' } }))).toEqual([
        'rule.trigger.eventType',
      ]);
    });

    it('takes known channels, each once, or none at all', () => {
      expect(fields(ruleWith({ trigger: { eventType: 'comment' } }))).toEqual([]);
      expect(
        fields(ruleWith({ trigger: { eventType: 'comment', channels: ['instagram', 'google'] } })),
      ).toEqual(['rule.trigger.channels.1']);
      expect(
        reasonAt(
          ruleWith({ trigger: { eventType: 'comment', channels: ['x', 'x'] } }),
          'rule.trigger.channels.1',
        ),
      ).toBe('is listed twice');
      expect(fields(ruleWith({ trigger: { eventType: 'comment', channels: [] } }))).toEqual([
        'rule.trigger.channels',
      ]);
      expect(fields(ruleWith({ trigger: { eventType: 'comment', channels: 'x' } }))).toEqual([
        'rule.trigger.channels',
      ]);
    });

    it('rejects unknown keys such as a misspelt channels', () => {
      expect(fields(ruleWith({ trigger: { eventType: 'comment', channel: ['x'] } }))).toEqual([
        'rule.trigger.channel',
      ]);
    });
  });

  describe('conditions', () => {
    const withCondition = (condition: unknown) => ruleWith({ conditions: [condition] });

    it('must be a list of at most 20', () => {
      expect(fields(ruleWith({ conditions: undefined }))).toEqual(['rule.conditions']);
      expect(fields(ruleWith({ conditions: {} }))).toEqual(['rule.conditions']);
      const twenty = Array.from({ length: 20 }, () => ({ property: 'a', op: 'exists' }));
      expect(fields(ruleWith({ conditions: twenty }))).toEqual([]);
      expect(fields(ruleWith({ conditions: [...twenty, { property: 'a', op: 'exists' }] }))).toEqual([
        'rule.conditions',
      ]);
    });

    it('rejects unknown operators and non-object conditions', () => {
      expect(fields(withCondition({ property: 'a', op: 'like', value: 1 }))).toEqual([
        'rule.conditions.0.op',
      ]);
      expect(fields(withCondition({ property: 'a', op: '__proto__' }))).toEqual(['rule.conditions.0.op']);
      expect(fields(withCondition('a == 1'))).toEqual(['rule.conditions.0']);
    });

    it.each([
      [''],
      ['1abc'],
      ['a..b'],
      ['a.'],
      ['a-b'],
      ['items.0'],
      ['a.b.c.d.e.f'],
      ['__proto__'],
      ['order.__proto__'],
      ['constructor'],
      ['a.prototype'],
      ['a b'],
    ])('rejects the unsafe property path %p', (property) => {
      expect(fields(withCondition({ property, op: 'exists' }))).toEqual(['rule.conditions.0.property']);
    });

    it('accepts identifier paths up to five segments', () => {
      expect(isSafePropertyPath('order.total')).toBe(true);
      expect(isSafePropertyPath('_a.b_2.c.d.e')).toBe(true);
      expect(isSafePropertyPath('a.b.c.d.e.f')).toBe(false);
      expect(isSafePropertyPath('__proto__')).toBe(false);
      expect(isSafePropertyPath('__proto')).toBe(true);
    });

    it('checks the value each operator needs', () => {
      const valueReason = (condition: unknown) =>
        reasonAt(withCondition(condition), 'rule.conditions.0.value');
      expect(valueReason({ property: 'a', op: 'exists' })).toBeUndefined();
      expect(valueReason({ property: 'a', op: 'exists', value: null })).toBeUndefined();
      expect(valueReason({ property: 'a', op: 'exists', value: true })).toMatch(/takes no value/);

      expect(valueReason({ property: 'a', op: 'eq' })).toBe('is required');
      expect(valueReason({ property: 'a', op: 'eq', value: 'x' })).toBeUndefined();
      expect(valueReason({ property: 'a', op: 'eq', value: 0 })).toBeUndefined();
      expect(valueReason({ property: 'a', op: 'neq', value: false })).toBeUndefined();
      expect(valueReason({ property: 'a', op: 'eq', value: { x: 1 } })).toMatch(/text, a number/);
      expect(valueReason({ property: 'a', op: 'eq', value: 'x'.repeat(201) })).toMatch(/200/);

      for (const op of ['gt', 'gte', 'lt', 'lte']) {
        expect(valueReason({ property: 'a', op, value: 10 })).toBeUndefined();
        expect(valueReason({ property: 'a', op, value: -2.5 })).toBeUndefined();
        expect(valueReason({ property: 'a', op })).toBe('is required');
        expect(valueReason({ property: 'a', op, value: '10' })).toBe('must be a number');
        expect(valueReason({ property: 'a', op, value: Number.POSITIVE_INFINITY })).toBe('must be a number');
        expect(valueReason({ property: 'a', op, value: Number.NaN })).toBe('must be a number');
      }

      expect(valueReason({ property: 'a', op: 'in', value: [] })).toMatch(/non-empty list/);
      expect(valueReason({ property: 'a', op: 'in', value: 'x' })).toMatch(/non-empty list/);
      expect(valueReason({ property: 'a', op: 'in', value: [4, 5, 'five'] })).toBeUndefined();
      expect(valueReason({ property: 'a', op: 'in', value: Array.from({ length: 100 }, (_, i) => i) })).toBe(
        undefined,
      );
      expect(
        valueReason({ property: 'a', op: 'in', value: Array.from({ length: 101 }, (_, i) => i) }),
      ).toMatch(/at most 100/);
      expect(fields(withCondition({ property: 'a', op: 'in', value: [1, [2]] }))).toEqual([
        'rule.conditions.0.value.1',
      ]);

      expect(valueReason({ property: 'a', op: 'contains', value: '' })).toMatch(/non-empty text/);
      expect(valueReason({ property: 'a', op: 'contains', value: '  ' })).toMatch(/non-empty text/);
      expect(valueReason({ property: 'a', op: 'contains', value: 5 })).toMatch(/non-empty text/);
      expect(valueReason({ property: 'a', op: 'contains', value: 'x'.repeat(200) })).toBeUndefined();
      expect(valueReason({ property: 'a', op: 'contains', value: 'x'.repeat(201) })).toMatch(/200/);

      expect(valueReason({ property: 'a', op: 'matches', value: '^summer(sale)?$' })).toBeUndefined();
      expect(valueReason({ property: 'a', op: 'matches', value: '(a+)+$' })).toMatch(/nested quantifiers/);
      expect(valueReason({ property: 'a', op: 'matches', value: '(' })).toMatch(/not a valid/);
      expect(valueReason({ property: 'a', op: 'matches' })).toMatch(/non-empty regular expression/);
    });

    it('rejects unknown keys in a condition', () => {
      expect(fields(withCondition({ property: 'a', op: 'eq', value: 1, values: [1] }))).toEqual([
        'rule.conditions.0.values',
      ]);
    });
  });

  describe('award', () => {
    const awardFields = (award: unknown) => fields(ruleWith({ award }));
    const awardReason = (award: unknown, field: string) => reasonAt(ruleWith({ award }), field);

    it('is required and of a known kind', () => {
      expect(awardFields(undefined)).toEqual(['rule.award']);
      expect(awardFields({ kind: 'bonus', points: 5 })).toEqual(['rule.award.kind']);
    });

    it('takes fixed points as a whole number from 1 to 1,000,000', () => {
      for (const points of [-5, 0, 1.5, '10', Number.NaN]) {
        expect(awardReason({ kind: 'fixed', points }, 'rule.award.points')).toBe(
          'must be a positive whole number',
        );
      }
      expect(awardReason({ kind: 'fixed' }, 'rule.award.points')).toBe('is required');
      expect(awardFields({ kind: 'fixed', points: 1 })).toEqual([]);
      expect(awardFields({ kind: 'fixed', points: 1_000_000 })).toEqual([]);
      expect(awardReason({ kind: 'fixed', points: 1_000_001 }, 'rule.award.points')).toBe(
        'must be at most 1,000,000',
      );
    });

    it('checks every part of a per-unit award', () => {
      const base = { kind: 'per_unit', property: 'amount', pointsPerUnit: 1, rounding: 'floor' };
      expect(awardFields(base)).toEqual([]);
      expect(awardFields({ ...base, unit: 0.5, pointsPerUnit: 0.1, maxPoints: 100 })).toEqual([]);
      expect(awardFields({ ...base, pointsPerUnit: 0 })).toEqual(['rule.award.pointsPerUnit']);
      expect(awardFields({ ...base, pointsPerUnit: -1 })).toEqual(['rule.award.pointsPerUnit']);
      expect(awardFields({ ...base, pointsPerUnit: Number.POSITIVE_INFINITY })).toEqual([
        'rule.award.pointsPerUnit',
      ]);
      expect(awardFields({ ...base, pointsPerUnit: 1_000_001 })).toEqual(['rule.award.pointsPerUnit']);
      expect(awardFields({ ...base, pointsPerUnit: undefined })).toEqual(['rule.award.pointsPerUnit']);
      expect(awardFields({ ...base, unit: 0 })).toEqual(['rule.award.unit']);
      expect(awardFields({ ...base, unit: -1 })).toEqual(['rule.award.unit']);
      expect(awardFields({ ...base, rounding: 'up' })).toEqual(['rule.award.rounding']);
      expect(awardFields({ ...base, rounding: undefined })).toEqual(['rule.award.rounding']);
      expect(awardFields({ ...base, maxPoints: 0 })).toEqual(['rule.award.maxPoints']);
      expect(awardFields({ ...base, maxPoints: 2.5 })).toEqual(['rule.award.maxPoints']);
      expect(awardFields({ ...base, property: '__proto__.x' })).toEqual(['rule.award.property']);
      expect(awardFields({ ...base, property: undefined })).toEqual(['rule.award.property']);
    });

    it('rejects fields of the other award kind', () => {
      expect(awardFields({ kind: 'fixed', points: 5, pointsPerUnit: 1 })).toEqual([
        'rule.award.pointsPerUnit',
      ]);
      expect(
        awardFields({ kind: 'per_unit', property: 'a', pointsPerUnit: 1, rounding: 'floor', points: 5 }),
      ).toEqual(['rule.award.points']);
    });
  });

  describe('limits and cooldown', () => {
    it('takes up to five limits, one per window, each a whole number from 1 to 1,000,000', () => {
      expect(fields(ruleWith({ limits: undefined }))).toEqual(['rule.limits']);
      expect(
        fields(
          ruleWith({
            limits: [
              { window: 'day', max: 1 },
              { window: 'week', max: 5 },
              { window: 'month', max: 10 },
              { window: 'campaign', max: 20 },
              { window: 'lifetime', max: 1_000_000 },
            ],
          }),
        ),
      ).toEqual([]);
      const six = Array.from({ length: 6 }, () => ({ window: 'day', max: 1 }));
      expect(fields(ruleWith({ limits: six }))).toEqual(['rule.limits']);
      expect(
        fields(
          ruleWith({
            limits: [
              { window: 'day', max: 3 },
              { window: 'day', max: 5 },
            ],
          }),
        ),
      ).toEqual(['rule.limits.1.window']);
      expect(fields(ruleWith({ limits: [{ window: 'hour', max: 3 }] }))).toEqual(['rule.limits.0.window']);
      expect(fields(ruleWith({ limits: [{ window: 'day', max: 0 }] }))).toEqual(['rule.limits.0.max']);
      expect(fields(ruleWith({ limits: [{ window: 'day', max: 1.5 }] }))).toEqual(['rule.limits.0.max']);
      expect(fields(ruleWith({ limits: [{ window: 'day', max: 1_000_001 }] }))).toEqual([
        'rule.limits.0.max',
      ]);
      expect(fields(ruleWith({ limits: [{ window: 'day' }] }))).toEqual(['rule.limits.0.max']);
      expect(fields(ruleWith({ limits: ['day'] }))).toEqual(['rule.limits.0']);
    });

    it('takes a cooldown of 0 to 31,536,000 whole seconds, or none', () => {
      expect(fields(ruleWith({ cooldownSeconds: undefined }))).toEqual([]);
      expect(fields(ruleWith({ cooldownSeconds: 0 }))).toEqual([]);
      expect(fields(ruleWith({ cooldownSeconds: 31_536_000 }))).toEqual([]);
      for (const cooldownSeconds of [-1, 1.5, 31_536_001, '60']) {
        expect(fields(ruleWith({ cooldownSeconds }))).toEqual(['rule.cooldownSeconds']);
      }
    });
  });

  it('reports every problem at once', () => {
    expect(
      fields({
        name: '',
        trigger: { eventType: 'poke', channels: ['mars'] },
        conditions: [{ property: 'a.__proto__', op: 'gt', value: 'x' }],
        award: { kind: 'fixed', points: 0 },
        limits: [{ window: 'day', max: -1 }],
        cooldownSeconds: -5,
      }),
    ).toEqual([
      'rule.name',
      'rule.trigger.eventType',
      'rule.trigger.channels.0',
      'rule.conditions.0.property',
      'rule.conditions.0.value',
      'rule.award.points',
      'rule.limits.0.max',
      'rule.cooldownSeconds',
    ]);
  });
});
