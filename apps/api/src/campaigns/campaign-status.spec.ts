import { canTransition, effectiveStatus } from './campaign-status';
import { CAMPAIGN_STATUSES } from './entities/campaign.entity';

describe('campaign status', () => {
  it('allows exactly the documented transitions', () => {
    const allowed = CAMPAIGN_STATUSES.flatMap((from) =>
      CAMPAIGN_STATUSES.filter((to) => to !== from && canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'draft→active',
        'draft→paused',
        'active→paused',
        'active→ended',
        'paused→active',
        'paused→ended',
      ].sort(),
    );
  });

  it('reads an active or paused campaign past its end as ended, and leaves drafts alone', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const ended = new Date('2026-06-01T12:00:00Z');
    const later = new Date('2026-06-01T12:00:01Z');
    expect(effectiveStatus({ status: 'active', endsAt: ended }, now)).toBe('ended');
    expect(effectiveStatus({ status: 'paused', endsAt: ended }, now)).toBe('ended');
    expect(effectiveStatus({ status: 'draft', endsAt: ended }, now)).toBe('draft');
    expect(effectiveStatus({ status: 'active', endsAt: later }, now)).toBe('active');
    expect(effectiveStatus({ status: 'active', endsAt: null }, now)).toBe('active');
  });
});
