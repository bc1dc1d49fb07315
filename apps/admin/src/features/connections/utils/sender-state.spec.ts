import { describe, expect, it } from 'vitest';

import type { WebhookSenderDto } from '@/lib/api/types';

import { senderState } from './sender-state';

const now = new Date('2026-11-27T12:00:00.000Z');
const sender: WebhookSenderDto = {
  id: 's1',
  name: 'Shop backend',
  createdAt: '2026-11-01T00:00:00.000Z',
  rotatedAt: null,
  previousExpiresAt: null,
  revokedAt: null,
};

describe('sender state', () => {
  it('is rotating while the previous secret still verifies, then active again', () => {
    expect(senderState(sender, now)).toBe('active');
    const rotated = { ...sender, rotatedAt: '2026-11-27T11:00:00.000Z' };
    expect(senderState({ ...rotated, previousExpiresAt: '2026-11-28T11:00:00.000Z' }, now)).toBe('rotating');
    expect(senderState({ ...rotated, previousExpiresAt: '2026-11-27T11:30:00.000Z' }, now)).toBe('active');
  });

  it('is revoked for good, whatever else it says', () => {
    expect(
      senderState(
        { ...sender, previousExpiresAt: '2026-11-28T11:00:00.000Z', revokedAt: '2026-11-27T11:59:00.000Z' },
        now,
      ),
    ).toBe('revoked');
  });
});
