import { validateRule } from '@fanfare/shared';
import { describe, expect, it } from 'vitest';

import type { RuleDefinitionDto } from '@/lib/api/types';

import { emptyRule, formatScalar, fromRuleDefinition, parseScalar, toRuleDefinition } from './rule-draft';

const someParade: RuleDefinitionDto = {
  name: 'Instagram comment with #SoMeParade',
  trigger: { eventType: 'comment', channels: ['instagram'] },
  conditions: [
    { property: 'hashtags', op: 'contains', value: 'SoMeParade' },
    { property: 'postId', op: 'in', value: ['17900000000000001', 42, true] },
    { property: 'text', op: 'exists' },
  ],
  award: { kind: 'fixed', points: 10 },
  limits: [{ window: 'day', max: 3 }],
};

describe('rule drafts', () => {
  it('give back the definition they were made from', () => {
    expect(toRuleDefinition(fromRuleDefinition(someParade))).toEqual(someParade);
  });

  it('read typed values for strict comparisons, and keep quoted text as text', () => {
    expect(parseScalar('5')).toBe(5);
    expect(parseScalar('"5"')).toBe('5');
    expect(parseScalar('true')).toBe(true);
    expect(parseScalar('Gold')).toBe('Gold');
    expect(formatScalar('5')).toBe('"5"');
    expect(formatScalar(5)).toBe('5');
    expect(formatScalar('Gold')).toBe('Gold');
  });

  it('let the shared validator name what an empty rule is missing, by field path', () => {
    const fields = validateRule(toRuleDefinition(emptyRule()), 'rules.0').map((error) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining(['rules.0.name', 'rules.0.trigger.eventType', 'rules.0.award.points']),
    );
  });

  it('build per-unit awards with only the parts that are filled in', () => {
    const draft = { ...emptyRule(), awardKind: 'per_unit' as const, property: 'amount', pointsPerUnit: 1 };
    expect(toRuleDefinition(draft).award).toEqual({
      kind: 'per_unit',
      property: 'amount',
      pointsPerUnit: 1,
      rounding: 'floor',
    });
  });
});
