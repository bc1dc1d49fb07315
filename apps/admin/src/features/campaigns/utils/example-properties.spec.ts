import { describe, expect, it } from 'vitest';

import { exampleProperties } from './example-properties';

describe('simulator example properties', () => {
  it('satisfy the rule’s conditions', () => {
    expect(
      exampleProperties({
        name: 'Purchase',
        trigger: { eventType: 'purchase' },
        conditions: [
          { property: 'hashtags', op: 'contains', value: 'SoMeParade' },
          { property: 'currency', op: 'in', value: ['EUR', 'CHF'] },
          { property: 'rating', op: 'gt', value: 3 },
        ],
        award: { kind: 'per_unit', property: 'amount', pointsPerUnit: 1, rounding: 'floor' },
        limits: [],
      }),
    ).toEqual({ hashtags: ['SoMeParade'], currency: 'EUR', rating: 4, amount: 10 });
  });
});
