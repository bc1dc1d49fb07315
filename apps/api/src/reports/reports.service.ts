import { Injectable } from '@nestjs/common';

import {
  type ActiveFansPoint,
  type ActiveFansReport,
  type Channel,
  type ChannelRow,
  type ChannelsReport,
  CHANNELS,
  type CohortsReport,
  type OverviewKpis,
  type OverviewReport,
  type ReportGranularity,
  type TopFansReport,
} from '@fanfare/shared';

import { NotFound, ValidationFailed } from '../common/errors/domain-error';
import { Transactions } from '../database/transactions';
import {
  type DayRange,
  dayRange,
  monthRange,
  monthsBetween,
  periodsOf,
  previousRange,
  shiftMonth,
} from './report-range';
import { type AnalyticsSettingsRecord, type MetricDay, ReportsRepository } from './reports.repository';

export interface SeriesQuery {
  from?: string;
  to?: string;
  granularity?: ReportGranularity;
  channel?: Channel;
  campaignId?: string;
}

export interface RangeQuery {
  from?: string;
  to?: string;
}

const RETURNING_METRIC: Record<ReportGranularity, string> = { day: 'ret_d', week: 'ret_w', month: 'ret_m' };

/** A metric's changes per day, added in ascending order of days, with the sums a report asks of them. */
class DailySeries {
  private readonly days: string[] = [];
  private readonly deltas: number[] = [];

  add(day: string, delta: number): void {
    this.days.push(day);
    this.deltas.push(delta);
  }

  /** The value on `day`: the sum of the changes up to it. */
  upTo(day: string): number {
    let sum = 0;
    for (let i = 0; i < this.days.length && this.days[i]! <= day; i += 1) sum += this.deltas[i]!;
    return sum;
  }

  within(from: string, to: string): number {
    let sum = 0;
    for (let i = 0; i < this.days.length && this.days[i]! <= to; i += 1) {
      if (this.days[i]! >= from) sum += this.deltas[i]!;
    }
    return sum;
  }

  /** Values on each of the ascending `ends`, in one pass. */
  upToEach(ends: readonly string[]): number[] {
    const values: number[] = [];
    let sum = 0;
    let i = 0;
    for (const end of ends) {
      while (i < this.days.length && this.days[i]! <= end) sum += this.deltas[i++]!;
      values.push(sum);
    }
    return values;
  }
}

function byKey(rows: readonly MetricDay[]): Map<string, DailySeries> {
  const series = new Map<string, DailySeries>();
  for (const row of rows) {
    const key = `${row.dim}|${row.metric}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = new DailySeries()));
    s.add(row.day, Number(row.delta));
  }
  return series;
}

const EMPTY = new DailySeries();
const ratio = (active: number, total: number) =>
  total > 0 ? Math.round((active / total) * 1e6) / 1e6 : null;

/** The active-fan reports, computed from the rollups (analytics_delta). */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly tx: Transactions,
  ) {}

  async settings(brandId: string): Promise<AnalyticsSettingsRecord> {
    const settings = await this.reports.settings(brandId);
    if (!settings) throw new NotFound('Brand');
    return settings;
  }

  async activeFans(
    brandId: string,
    query: SeriesQuery,
    now = new Date(),
    settings?: AnalyticsSettingsRecord,
  ): Promise<ActiveFansReport> {
    settings ??= await this.settings(brandId);
    const range = dayRange(query, settings.timeZone, now);
    const granularity = query.granularity ?? 'day';
    if (query.channel && query.campaignId) {
      throw new ValidationFailed([
        { field: 'campaignId', reason: 'filter by a channel or by a campaign, not both' },
      ]);
    }
    if (query.campaignId) await this.assertCampaign(brandId, query.campaignId);
    const dim = query.channel ? `ch:${query.channel}` : query.campaignId ? `cp:${query.campaignId}` : '';
    const returning = RETURNING_METRIC[granularity];
    // A campaign's share is of all fans.
    const totalDim = dim.startsWith('cp:') ? '' : dim;
    const rows = await this.reports.daily(
      brandId,
      [
        [dim, 'active'],
        [dim, 'new'],
        [dim, returning],
        [totalDim, 'total'],
        // Overall, new fans come from the fan rows' own part.
      ],
      range.to,
    );
    const series = byKey(rows);
    const periods = periodsOf(range, granularity);
    const ends = periods.map((period) => period.end);
    const active = (series.get(`${dim}|active`) ?? EMPTY).upToEach(ends);
    const total = (series.get(`${totalDim}|total`) ?? EMPTY).upToEach(ends);
    const newFans = series.get(`${dim}|new`) ?? EMPTY;
    const returningFans = series.get(`${dim}|${returning}`) ?? EMPTY;
    const points: ActiveFansPoint[] = periods.map((period, i) => ({
      period: period.start,
      periodEnd: period.end,
      activeFans: active[i]!,
      totalFans: total[i]!,
      ratio: ratio(active[i]!, total[i]!),
      newFans: newFans.within(period.start, period.end),
      returningFans: returningFans.within(period.start, period.end),
    }));
    return {
      from: range.from,
      to: range.to,
      granularity,
      windowDays: settings.windowDays,
      timeZone: settings.timeZone,
      channel: query.channel ?? null,
      campaignId: query.campaignId ?? null,
      points,
    };
  }

  async overview(brandId: string, query: RangeQuery, now = new Date()): Promise<OverviewReport> {
    const settings = await this.settings(brandId);
    const current = dayRange(query, settings.timeZone, now);
    const previous = previousRange(current);
    const series = byKey(
      await this.reports.dailyLike(
        brandId,
        '',
        ['active', 'total', 'new', 'events', 'pts_earn', 'pts_redeem', 'pts_all'],
        current.to,
      ),
    );
    const [redeemedNow, redeemedBefore] = await this.reports.redemptions(brandId, settings.timeZone, [
      [current.from, current.to],
      [previous.from, previous.to],
    ]);
    const kpis = (range: DayRange, redemptions: number): OverviewKpis => {
      const get = (metric: string) => series.get(`|${metric}`) ?? EMPTY;
      const totalFans = get('total').upTo(range.to);
      const activeFans = get('active').upTo(range.to);
      return {
        totalFans,
        activeFans,
        ratio: ratio(activeFans, totalFans),
        newFans: get('new').within(range.from, range.to),
        events: get('events').within(range.from, range.to),
        pointsIssued: get('pts_earn').within(range.from, range.to),
        pointsRedeemed: get('pts_redeem').within(range.from, range.to),
        outstandingPoints: get('pts_all').upTo(range.to),
        redemptions,
      };
    };
    return {
      from: current.from,
      to: current.to,
      previousFrom: previous.from,
      previousTo: previous.to,
      windowDays: settings.windowDays,
      timeZone: settings.timeZone,
      current: kpis(current, redeemedNow!),
      previous: kpis(previous, redeemedBefore!),
    };
  }

  async channels(brandId: string, query: RangeQuery, now = new Date()): Promise<ChannelsReport> {
    const settings = await this.settings(brandId);
    const range = dayRange(query, settings.timeZone, now);
    const series = byKey(
      await this.reports.dailyLike(brandId, 'ch:%', ['active', 'total', 'new', 'events'], range.to),
    );
    const channels: ChannelRow[] = [];
    for (const channel of CHANNELS) {
      const get = (metric: string) => series.get(`ch:${channel}|${metric}`) ?? EMPTY;
      const row: ChannelRow = {
        channel,
        activeFans: get('active').upTo(range.to),
        totalFans: get('total').upTo(range.to),
        ratio: null,
        newFans: get('new').within(range.from, range.to),
        events: get('events').within(range.from, range.to),
      };
      row.ratio = ratio(row.activeFans, row.totalFans);
      if (row.totalFans > 0 || row.events > 0) channels.push(row);
    }
    channels.sort((a, b) => b.activeFans - a.activeFans || b.totalFans - a.totalFans);
    return { from: range.from, to: range.to, windowDays: settings.windowDays, channels };
  }

  async cohorts(brandId: string, query: RangeQuery, now = new Date()): Promise<CohortsReport> {
    const settings = await this.settings(brandId);
    const range = monthRange(query, settings.timeZone, now);
    const rows = await this.reports.cohorts(brandId, `${range.from}-01`, `${range.to}-01`);
    const sizes = new Map<string, number>();
    const active = new Map<string, number>();
    for (const row of rows) {
      if (row.metric === 'co_size') sizes.set(row.day.slice(0, 7), Number(row.delta));
      else active.set(`${row.dim.slice(3, 10)}|${row.day.slice(0, 7)}`, Number(row.delta));
    }
    const count = monthsBetween(range.from, range.to) + 1;
    const cohorts = Array.from({ length: count }, (_, i) => {
      const month = shiftMonth(range.from, i);
      return {
        month,
        size: sizes.get(month) ?? 0,
        active: Array.from(
          { length: count - i },
          (_, k) => active.get(`${month}|${shiftMonth(month, k)}`) ?? 0,
        ),
      };
    });
    return { from: range.from, to: range.to, cohorts };
  }

  async topFans(
    brandId: string,
    query: RangeQuery & { limit?: number },
    now = new Date(),
  ): Promise<TopFansReport> {
    const settings = await this.settings(brandId);
    const range = dayRange(query, settings.timeZone, now);
    const rows = await this.reports.topFans(
      brandId,
      settings.timeZone,
      range.from,
      range.to,
      query.limit ?? 10,
    );
    return {
      from: range.from,
      to: range.to,
      fans: rows.map((row) => ({
        fanId: row.fan_id,
        displayName: row.display_name,
        handle: row.handle,
        channel: (row.channel as Channel | null) ?? null,
        pointsEarned: Number(row.points),
        events: row.events,
        balance: Number(row.balance),
        tier: row.tier_name,
      })),
    };
  }

  private async assertCampaign(brandId: string, campaignId: string): Promise<void> {
    const rows = await this.tx.prepared<{ id: string }>(
      'SELECT id FROM campaign WHERE brand_id = $1 AND id = $2',
      [brandId, campaignId],
    );
    if (rows.length === 0) throw new ValidationFailed([{ field: 'campaignId', reason: 'no such campaign' }]);
  }
}
