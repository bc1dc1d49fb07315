import { describe, expect, it } from 'vitest';

import { filterParams, hasFilters, parseRedemptionFilters, toRedemptionQuery } from './redemption-filters';

describe('redemption filters', () => {
  it('read the filters from the URL and ignore what is not one', () => {
    expect(
      parseRedemptionFilters(new URLSearchParams('status=pending&reward=r1&from=2026-03-01&to=2026-03-31')),
    ).toEqual({ status: 'pending', rewardId: 'r1', from: '2026-03-01', to: '2026-03-31' });
    const junk = parseRedemptionFilters(
      new URLSearchParams('status=lost&reward=&from=yesterday&to=2026-13-45'),
    );
    expect(junk).toEqual({ status: null, rewardId: null, from: null, to: null });
    expect(hasFilters(junk)).toBe(false);
  });

  it('write them back under the same names', () => {
    expect(filterParams({ status: 'cancelled', rewardId: null, from: '2026-03-01', to: null })).toEqual({
      status: 'cancelled',
      reward: null,
      from: '2026-03-01',
      to: null,
    });
  });

  it('turn a day range in the brand’s zone into instants, the last day included', () => {
    const query = toRedemptionQuery(
      { status: 'fulfilled', rewardId: 'r1', from: '2026-03-01', to: '2026-03-31' },
      'Europe/Berlin',
    );
    expect(query).toEqual({
      status: 'fulfilled',
      rewardId: 'r1',
      from: '2026-02-28T23:00:00.000Z',
      // 1 April starts in summer time.
      to: '2026-03-31T22:00:00.000Z',
    });
  });

  it('leave out what is not filtered', () => {
    expect(toRedemptionQuery({ status: null, rewardId: null, from: null, to: '2026-12-31' }, 'UTC')).toEqual({
      to: '2027-01-01T00:00:00.000Z',
    });
  });
});
