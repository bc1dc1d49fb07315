import { describe, expect, it } from 'vitest';

import { hasPending, isDeliveryStatus } from './webhook-options';

describe('webhook options', () => {
  it('accepts only the delivery statuses the API knows', () => {
    expect(isDeliveryStatus('failed')).toBe(true);
    expect(isDeliveryStatus('processed')).toBe(false);
    expect(isDeliveryStatus(null)).toBe(false);
  });

  it('keeps polling only while a delivery is pending', () => {
    expect(hasPending([{ status: 'succeeded' }, { status: 'pending' }])).toBe(true);
    expect(hasPending([{ status: 'succeeded' }, { status: 'failed' }])).toBe(false);
  });
});
