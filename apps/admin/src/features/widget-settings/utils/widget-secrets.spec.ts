import { describe, expect, it } from 'vitest';

import type { WidgetSecretDto } from '@/lib/api/types';

import { hasLiveSecret, isLive, secretStateColour } from './widget-secrets';

const secret = (kid: string, state: WidgetSecretDto['state']): WidgetSecretDto => ({
  kid,
  state,
  createdAt: '2026-05-01T08:00:00.000Z',
  expiresAt: state === 'active' ? null : '2026-05-02T08:00:00.000Z',
  createdBy: 'owner@example.com',
});

describe('widget secrets', () => {
  it('colour each state differently', () => {
    const colours = (['active', 'expiring', 'expired'] as const).map(secretStateColour);
    expect(new Set(colours).size).toBe(3);
    expect(secretStateColour('active')).toBe('teal');
  });

  it('offer revoking only secrets that still verify tokens', () => {
    expect(isLive(secret('wk_a', 'active'))).toBe(true);
    expect(isLive(secret('wk_b', 'expiring'))).toBe(true);
    expect(isLive(secret('wk_c', 'expired'))).toBe(false);
  });

  it('ask to create a secret while none verifies tokens, to rotate once one does', () => {
    expect(hasLiveSecret([])).toBe(false);
    expect(hasLiveSecret([secret('wk_c', 'expired')])).toBe(false);
    expect(hasLiveSecret([secret('wk_b', 'expiring'), secret('wk_c', 'expired')])).toBe(true);
  });
});
