import { type RuleDefinition } from '@fanfare/shared';

import { readRules, sameDefinition } from './rule-input';

const rule: RuleDefinition = {
  name: ' Purchase ',
  trigger: { eventType: 'purchase' },
  conditions: [{ property: 'amount', op: 'exists' }],
  award: { kind: 'per_unit', property: 'amount', pointsPerUnit: 1, rounding: 'floor' },
  limits: [],
};

describe('readRules', () => {
  it('stores the definition without nulls, with a trimmed name', () => {
    const { errors, rules } = readRules(
      [
        {
          ...rule,
          trigger: { eventType: 'purchase', channels: null },
          conditions: [{ property: 'amount', op: 'exists', value: null }],
          award: { ...rule.award, unit: null, maxPoints: null },
          cooldownSeconds: null,
        },
      ],
      { idsAllowed: false },
    );
    expect(errors).toEqual([]);
    expect(rules).toEqual([{ definition: { ...rule, name: 'Purchase' } }]);
  });

  it('names unknown top-level fields and ids where they do not belong', () => {
    const id = '0190a8f2-7b1c-7c3d-8e4f-5a6b7c8d9e0f';
    expect(readRules([{ ...rule, id, points: 5 }], { idsAllowed: false }).errors).toEqual([
      { field: 'rules.0.id', reason: expect.any(String) as unknown },
      { field: 'rules.0.points', reason: 'is not a known field' },
    ]);
    expect(readRules([{ ...rule, id: id.toUpperCase() }], { idsAllowed: true }).rules[0]?.id).toBe(id);
  });
});

describe('sameDefinition', () => {
  it('ignores the order of keys but not their values', () => {
    const reordered: RuleDefinition = {
      limits: [],
      award: { rounding: 'floor', pointsPerUnit: 1, property: 'amount', kind: 'per_unit' },
      conditions: rule.conditions,
      trigger: rule.trigger,
      name: rule.name,
    };
    expect(sameDefinition(rule, reordered)).toBe(true);
    expect(sameDefinition(rule, { ...rule, limits: [{ window: 'day', max: 1 }] })).toBe(false);
  });
});
