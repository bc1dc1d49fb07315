import { Injectable } from '@nestjs/common';

import {
  type ActivityDimension,
  activityDeltas,
  type AnalyticsDelta,
  dayNumber,
  type FanActivity,
  localDate,
  netDeltas,
  unionDays,
} from '@fanfare/shared';

import { type Statement } from '../database/statement';
import { Transactions } from '../database/transactions';

/** What the rollups depend on, as the brand row states it. */
export interface AnalyticsSettingsRow {
  timeZone: string;
  windowDays: number;
  engagementTypes: readonly string[];
  /** `analytics_version`: rollup rows computed with these settings are written only if it still holds. */
  version: number;
}

/** Rows of fan_activity by fan, then by dimension. */
export type ActivityByFan = Map<string, Map<string, FanActivity>>;

/** One event's part in a fan's activity: the day, and whether it counts as engagement. */
export interface ActivityFact {
  fanId: string;
  occurredAt: Date;
  type: string;
  channel: string;
  /** Campaigns the event earned points in. */
  campaignIds: readonly string[];
}

export interface FanState {
  firstSeenAt: Date;
  erasedAt: Date | null;
}

export interface ActivityUpdate {
  rows: Array<{ fanId: string; dim: string; activity: FanActivity }>;
  deltas: AnalyticsDelta[];
}

export function isCounted(type: string, engagementTypes: readonly string[]): boolean {
  return engagementTypes.includes(type) || (type.startsWith('custom:') && engagementTypes.includes('custom'));
}

const localDay = (at: Date, timeZone: string) => dayNumber(localDate(at, timeZone));

/**
 * How new events change their fans' activity rows and the rollups (pure): for each fan and
 * dimension touched, the new row, and the rollup changes between the row's part before and after.
 */
export function activityUpdate(
  settings: AnalyticsSettingsRow,
  existing: ActivityByFan,
  fans: ReadonlyMap<string, FanState>,
  facts: readonly ActivityFact[],
): ActivityUpdate {
  const additions = new Map<string, Map<ActivityDimension, { first: number; days: number[] }>>();
  const touch = (fanId: string, dim: ActivityDimension, day: number, counted: boolean) => {
    let dims = additions.get(fanId);
    if (!dims) additions.set(fanId, (dims = new Map<ActivityDimension, { first: number; days: number[] }>()));
    const entry = dims.get(dim);
    if (!entry) dims.set(dim, { first: day, days: counted ? [day] : [] });
    else {
      entry.first = Math.min(entry.first, day);
      if (counted) entry.days.push(day);
    }
  };
  for (const fact of facts) {
    const day = localDay(fact.occurredAt, settings.timeZone);
    const counted = isCounted(fact.type, settings.engagementTypes);
    touch(fact.fanId, '', day, counted);
    touch(fact.fanId, `ch:${fact.channel}`, day, counted);
    for (const campaignId of fact.campaignIds) touch(fact.fanId, `cp:${campaignId}`, day, true);
  }
  const update: ActivityUpdate = { rows: [], deltas: [] };
  for (const [fanId, dims] of additions) {
    const fan = fans.get(fanId);
    const erasedDay = fan?.erasedAt ? localDay(fan.erasedAt, settings.timeZone) : null;
    for (const [dim, added] of dims) {
      const before = existing.get(fanId)?.get(dim);
      // Overall, a fan is first seen when the fan row says (it may predate her events).
      const seen = dim === '' && fan ? localDay(fan.firstSeenAt, settings.timeZone) : added.first;
      const after: FanActivity = {
        firstDay: Math.min(before?.firstDay ?? seen, seen, added.first),
        days: unionDays(before?.days ?? [], added.days),
      };
      if (before && before.firstDay === after.firstDay && before.days.length === after.days.length) continue;
      update.rows.push({ fanId, dim, activity: after });
      update.deltas.push(
        ...netDeltas(
          before ? activityDeltas(dim, before, settings.windowDays, erasedDay) : [],
          activityDeltas(dim, after, settings.windowDays, erasedDay),
        ),
      );
    }
  }
  return update;
}

/**
 * Reads and writes fan_activity and the rollup rows, in the caller's transaction. Writers hold the
 * brand's analytics lock shared (see the Analytics migration) from the statement that writes.
 */
@Injectable()
export class ActivityWriter {
  constructor(private readonly tx: Transactions) {}

  async read(brandId: string, fanIds: readonly string[]): Promise<ActivityByFan> {
    const byFan: ActivityByFan = new Map();
    if (fanIds.length === 0) return byFan;
    const rows = await this.tx.prepared<{ fan_id: string; dim: string; first_day: number; days: number[] }>(
      `SELECT fan_id, dim, first_day, days FROM fan_activity WHERE brand_id = $1 AND fan_id = ANY($2::uuid[])`,
      [brandId, [...new Set(fanIds)]],
    );
    for (const row of rows) {
      let dims = byFan.get(row.fan_id);
      if (!dims) byFan.set(row.fan_id, (dims = new Map<string, FanActivity>()));
      dims.set(row.dim, { firstDay: row.first_day, days: row.days });
    }
    return byFan;
  }

  /**
   * Moves the merged fan's activity to the survivor (the survivor is first seen when the earlier of
   * the two was), in the caller's transaction, after the fans were locked and merged.
   */
  async merge(
    brandId: string,
    survivor: { id: string; firstSeenAt: Date },
    merged: { id: string; firstSeenAt: Date },
  ): Promise<void> {
    const settings = await this.lockedSettings(brandId);
    const existing = await this.read(brandId, [survivor.id, merged.id]);
    const a = existing.get(survivor.id) ?? new Map<string, FanActivity>();
    const b = existing.get(merged.id) ?? new Map<string, FanActivity>();
    const firstSeen = survivor.firstSeenAt < merged.firstSeenAt ? survivor.firstSeenAt : merged.firstSeenAt;
    const update: ActivityUpdate = { rows: [], deltas: [] };
    for (const dim of new Set([...a.keys(), ...b.keys()]) as Set<ActivityDimension>) {
      const ours = a.get(dim);
      const theirs = b.get(dim);
      const after: FanActivity = {
        firstDay:
          dim === ''
            ? localDay(firstSeen, settings.timeZone)
            : Math.min(ours?.firstDay ?? Infinity, theirs?.firstDay ?? Infinity),
        days: unionDays(ours?.days ?? [], theirs?.days ?? []),
      };
      update.rows.push({ fanId: survivor.id, dim, activity: after });
      const part = (activity: FanActivity | undefined) =>
        activity ? activityDeltas(dim, activity, settings.windowDays, null) : [];
      update.deltas.push(
        ...netDeltas([...part(ours), ...part(theirs)], activityDeltas(dim, after, settings.windowDays, null)),
      );
    }
    const statements = this.statements(brandId, null, update);
    statements.push({
      sql: 'DELETE FROM fan_activity WHERE brand_id = $1 AND fan_id = $2 RETURNING 1',
      params: [brandId, merged.id],
    });
    await this.tx.combined(statements);
  }

  /** From the day of her erasure on, an erased fan counts nowhere; her history before stands. */
  async erase(brandId: string, fanId: string, erasedAt: Date): Promise<void> {
    const settings = await this.lockedSettings(brandId);
    const rows = (await this.read(brandId, [fanId])).get(fanId) ?? new Map<string, FanActivity>();
    const erasedDay = localDay(erasedAt, settings.timeZone);
    const deltas = [...rows].flatMap(([dim, activity]) =>
      netDeltas(
        activityDeltas(dim as ActivityDimension, activity, settings.windowDays, null),
        activityDeltas(dim as ActivityDimension, activity, settings.windowDays, erasedDay),
      ),
    );
    if (deltas.length > 0) await this.tx.combined([deltasStatement(brandId, deltas)]);
  }

  /** The brand's analytics settings, read under its analytics lock (held shared until commit). */
  private async lockedSettings(brandId: string): Promise<{ timeZone: string; windowDays: number }> {
    await this.tx.prepared('SELECT analytics_guard($1, NULL)', [brandId]);
    const [row] = await this.tx.prepared<{ time_zone: string; active_window_days: number }>(
      'SELECT time_zone, active_window_days FROM brand WHERE id = $1',
      [brandId],
    );
    return { timeZone: row!.time_zone, windowDays: row!.active_window_days };
  }

  /**
   * The statements that write an update: the guard first (it fails the statement with SQLSTATE
   * FA001 when the settings changed since they were read), the rows, and the rollup changes.
   */
  statements(brandId: string, version: number | null, update: ActivityUpdate): Statement[] {
    const statements: Statement[] = [{ sql: 'SELECT analytics_guard($1, $2)', params: [brandId, version] }];
    if (update.rows.length > 0) {
      statements.push({
        sql: `INSERT INTO fan_activity (brand_id, fan_id, dim, first_day, days)
              SELECT $1, fan_id, dim, first_day, days::int[]
                FROM unnest($2::uuid[], $3::text[], $4::int[], $5::text[]) AS r(fan_id, dim, first_day, days)
              ON CONFLICT (brand_id, fan_id, dim) DO UPDATE SET first_day = excluded.first_day, days = excluded.days
              RETURNING 1`,
        params: [
          brandId,
          update.rows.map((row) => row.fanId),
          update.rows.map((row) => row.dim),
          update.rows.map((row) => row.activity.firstDay),
          update.rows.map((row) => `{${row.activity.days.join(',')}}`),
        ],
      });
    }
    const deltas = netDeltas([], update.deltas);
    if (deltas.length > 0) statements.push(deltasStatement(brandId, deltas));
    return statements;
  }
}

export function deltasStatement(brandId: string, deltas: readonly AnalyticsDelta[]): Statement {
  return {
    sql: `INSERT INTO analytics_delta (brand_id, dim, metric, day, delta)
          SELECT $1, dim, metric, day, delta
            FROM unnest($2::text[], $3::text[], $4::date[], $5::bigint[]) AS d(dim, metric, day, delta)
          RETURNING 1`,
    params: [
      brandId,
      deltas.map((d) => d.dim),
      deltas.map((d) => d.metric),
      deltas.map((d) => d.day),
      deltas.map((d) => d.delta),
    ],
  };
}

/** PostgreSQL's answer when rollup rows were computed with settings that changed meanwhile. */
export function isAnalyticsSettingsChanged(error: unknown): boolean {
  const { code, driverError } = (error ?? {}) as { code?: unknown; driverError?: { code?: unknown } };
  return code === 'FA001' || driverError?.code === 'FA001';
}
