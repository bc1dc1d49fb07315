import type { ActiveFansPoint, OverviewKpis, OverviewReport } from '@fanfare/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  channelChartRows,
  formatMonth,
  isEmptyOverview,
  periodLabel,
  periodRange,
  pointsRows,
  ratioPercent,
  seriesRows,
} from './chart-rows';

const point = (
  period: string,
  periodEnd: string,
  values: Partial<ActiveFansPoint> = {},
): ActiveFansPoint => ({
  period,
  periodEnd,
  activeFans: 0,
  totalFans: 0,
  ratio: null,
  newFans: 0,
  returningFans: 0,
  ...values,
});

const kpis = (values: Partial<OverviewKpis> = {}): OverviewKpis => ({
  totalFans: 0,
  activeFans: 0,
  ratio: null,
  newFans: 0,
  events: 0,
  pointsIssued: 0,
  pointsRedeemed: 0,
  outstandingPoints: 0,
  redemptions: 0,
  ...values,
});

const overview = (current: OverviewKpis, previous: OverviewKpis): OverviewReport => ({
  from: '2026-02-01',
  to: '2026-02-28',
  previousFrom: '2026-01-04',
  previousTo: '2026-01-31',
  windowDays: 30,
  timeZone: 'Europe/Berlin',
  current,
  previous,
});

describe('series → chart rows', () => {
  it('keeps the counts, turns the ratio into a percentage and leaves "no fans yet" a gap', () => {
    const rows = seriesRows(
      [
        point('2026-02-02', '2026-02-08', {
          activeFans: 37,
          totalFans: 300,
          ratio: 37 / 300,
          newFans: 12,
          returningFans: 25,
        }),
        point('2026-02-09', '2026-02-11', { activeFans: 0, totalFans: 0, ratio: null }),
      ],
      'week',
      'en',
    );
    expect(rows).toEqual([
      {
        period: '2026-02-02',
        periodEnd: '2026-02-08',
        label: 'Feb 2',
        activeFans: 37,
        totalFans: 300,
        ratioPercent: 12.3,
        newFans: 12,
        returningFans: 25,
      },
      expect.objectContaining({ period: '2026-02-09', label: 'Feb 9', ratioPercent: null }),
    ]);
  });

  it('rounds the ratio to one decimal without float noise', () => {
    expect(ratioPercent(0.1 + 0.2)).toBe(30);
    expect(ratioPercent(0.12345)).toBe(12.3);
    expect(ratioPercent(1)).toBe(100);
    expect(ratioPercent(0)).toBe(0);
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('labels calendar days as they are, whatever the browser’s zone', () => {
    // Read as local midnight, the 1st of a month would show as the last day of the month before west
    // of Greenwich: these labels must not move.
    vi.stubEnv('TZ', 'America/Los_Angeles');
    expect(periodLabel('2026-03-01', 'day', 'de')).toBe('1. März');
    expect(periodLabel('2026-03-01', 'month', 'en')).toBe('Mar 2026');
    expect(formatMonth('2026-03', 'de')).toBe('März 2026');
    expect(periodRange({ period: '2026-03-02', periodEnd: '2026-03-08' }, 'de')).toBe(
      '02.03.2026 – 08.03.2026',
    );
    expect(periodRange({ period: '2026-03-02', periodEnd: '2026-03-02' }, 'en')).toBe('Mar 2, 2026');
  });
});

describe('channels → chart rows', () => {
  it('leaves out unused channels, splits each bar into active and inactive fans, most fans first', () => {
    const rows = channelChartRows([
      { channel: 'facebook', activeFans: 0, totalFans: 0, ratio: null, newFans: 0, events: 0 },
      { channel: 'web', activeFans: 5, totalFans: 20, ratio: 0.25, newFans: 2, events: 9 },
      { channel: 'instagram', activeFans: 40, totalFans: 160, ratio: 0.25, newFans: 8, events: 120 },
    ]);
    expect(rows.map((row) => row.channel)).toEqual(['instagram', 'web']);
    expect(rows[0]).toEqual({
      channel: 'instagram',
      activeFans: 40,
      inactiveFans: 120,
      totalFans: 160,
      ratioPercent: 25,
      events: 120,
    });
  });
});

describe('overview → points and emptiness', () => {
  it('puts the previous range before the current one', () => {
    const rows = pointsRows(
      overview(kpis({ pointsIssued: 900, pointsRedeemed: 300 }), kpis({ pointsIssued: 600 })),
    );
    expect(rows).toEqual([
      { range: 'previous', from: '2026-01-04', to: '2026-01-31', pointsIssued: 600, pointsRedeemed: 0 },
      { range: 'current', from: '2026-02-01', to: '2026-02-28', pointsIssued: 900, pointsRedeemed: 300 },
    ]);
  });

  it('calls a brand without fans, events or points empty, and one with fans but a quiet range not', () => {
    expect(isEmptyOverview(overview(kpis(), kpis()))).toBe(true);
    expect(isEmptyOverview(overview(kpis({ totalFans: 3 }), kpis({ totalFans: 3 })))).toBe(false);
    expect(isEmptyOverview(overview(kpis(), kpis({ events: 1 })))).toBe(false);
  });
});
