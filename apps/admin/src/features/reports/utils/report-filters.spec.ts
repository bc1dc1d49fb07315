import { describe, expect, it } from 'vitest';

import {
  changeReportFilters,
  parseReportFilters,
  reportFilterParams,
  seriesQueryOf,
  withParams,
} from './report-filters';
import { resolveRange } from './report-range';

describe('report filters in the URL', () => {
  it('reads every filter and ignores values the API would refuse', () => {
    expect(
      parseReportFilters(new URLSearchParams('range=90d&granularity=month&campaign=0190-campaign')),
    ).toEqual({
      range: { preset: '90d' },
      granularity: 'month',
      channel: null,
      campaignId: '0190-campaign',
    });
    expect(parseReportFilters(new URLSearchParams('channel=instagram'))).toMatchObject({
      channel: 'instagram',
    });
    expect(parseReportFilters(new URLSearchParams('granularity=year&channel=myspace&campaign='))).toEqual({
      range: { preset: '30d' },
      granularity: null,
      channel: null,
      campaignId: null,
    });
  });

  it('round-trips through the URL, leaving unrelated parameters alone', () => {
    const filters = parseReportFilters(
      new URLSearchParams('from=2026-01-01&to=2026-01-31&granularity=week&channel=x'),
    );
    const next = withParams(new URLSearchParams('tab=cohorts&channel=web'), reportFilterParams(filters));
    expect(next.get('tab')).toBe('cohorts');
    expect(parseReportFilters(next)).toEqual(filters);
    expect(next.has('range')).toBe(false);
    expect(next.has('campaign')).toBe(false);
  });

  it('asks for the series with the chosen granularity, or by the range’s length, and only set filters', () => {
    const today = '2026-03-31';
    const filters = parseReportFilters(new URLSearchParams('range=90d&channel=web'));
    expect(seriesQueryOf(filters, resolveRange(filters.range, today))).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      granularity: 'week',
      channel: 'web',
    });
    const monthly = parseReportFilters(new URLSearchParams('range=7d&granularity=month&campaign=0190-c'));
    expect(seriesQueryOf(monthly, resolveRange(monthly.range, today))).toEqual({
      from: '2026-03-25',
      to: '2026-03-31',
      granularity: 'month',
      campaignId: '0190-c',
    });
    const invalid = parseReportFilters(new URLSearchParams('from=2026-03-02&to=2026-03-01'));
    expect(seriesQueryOf(invalid, resolveRange(invalid.range, today))).toBeNull();
  });

  it('filters by a channel or by a campaign, never both', () => {
    const both = parseReportFilters(new URLSearchParams('channel=web&campaign=0190-c'));
    expect(both).toMatchObject({ channel: 'web', campaignId: null });
    const byChannel = changeReportFilters(
      parseReportFilters(new URLSearchParams('campaign=0190-c&granularity=week')),
      { channel: 'instagram' },
    );
    expect(byChannel).toMatchObject({ channel: 'instagram', campaignId: null, granularity: 'week' });
    expect(changeReportFilters(byChannel, { campaignId: '0190-d' })).toMatchObject({
      channel: null,
      campaignId: '0190-d',
    });
    // Clearing one leaves the other alone.
    expect(changeReportFilters(byChannel, { campaignId: null })).toMatchObject({ channel: 'instagram' });
  });
});
