import { Injectable } from '@nestjs/common';

import { Transactions } from '../database/transactions';

/** Sums of one rollup metric in one dimension, per day. */
export interface MetricDay {
  dim: string;
  metric: string;
  day: string;
  delta: number;
}

export interface AnalyticsSettingsRecord {
  timeZone: string;
  slug: string;
  windowDays: number;
  engagementTypes: string[];
  version: number;
  state: 'current' | 'recalculating';
  rebuiltAt: Date | null;
}

/** Reads the report rollups (analytics_delta) and what the reports show beside them. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly tx: Transactions) {}

  async settings(brandId: string): Promise<AnalyticsSettingsRecord | null> {
    const [row] = await this.tx.prepared<AnalyticsSettingsRecord>(
      `SELECT time_zone AS "timeZone", slug, active_window_days AS "windowDays",
              engagement_types AS "engagementTypes", analytics_version AS version,
              analytics_state AS state, analytics_rebuilt_at AS "rebuiltAt"
         FROM brand WHERE id = $1`,
      [brandId],
    );
    return row ?? null;
  }

  /** Per day up to `to`, the sums of the given (dim, metric) pairs. */
  async daily(brandId: string, pairs: ReadonlyArray<[string, string]>, to: string): Promise<MetricDay[]> {
    return this.tx.prepared<MetricDay>(
      `SELECT d.dim, d.metric, d.day::text AS day, sum(d.delta)::float8 AS delta
         FROM analytics_delta d
         JOIN unnest($2::text[], $3::text[]) AS p(dim, metric) ON p.dim = d.dim AND p.metric = d.metric
        WHERE d.brand_id = $1 AND d.day <= $4::date
        GROUP BY d.dim, d.metric, d.day
        ORDER BY d.day`,
      [brandId, pairs.map(([dim]) => dim), pairs.map(([, metric]) => metric), to],
    );
  }

  /** Per day up to `to`, the sums of `metrics` in the dimensions matching `dimPattern` (LIKE). */
  async dailyLike(
    brandId: string,
    dimPattern: string,
    metrics: readonly string[],
    to: string,
  ): Promise<MetricDay[]> {
    return this.tx.prepared<MetricDay>(
      `SELECT dim, metric, day::text AS day, sum(delta)::float8 AS delta
         FROM analytics_delta
        WHERE brand_id = $1 AND dim LIKE $2 AND metric = ANY($3::text[]) AND day <= $4::date
        GROUP BY dim, metric, day
        ORDER BY day`,
      [brandId, dimPattern, metrics, to],
    );
  }

  /** Redemptions created within each range (local days). */
  async redemptions(
    brandId: string,
    timeZone: string,
    ranges: ReadonlyArray<[string, string]>,
  ): Promise<number[]> {
    const [row] = await this.tx.prepared<{ counts: number[] }>(
      `SELECT array(SELECT (SELECT count(*) FROM redemption r
                             WHERE r.brand_id = $1
                               AND r.created_at >= (w.f::timestamp AT TIME ZONE $2)
                               AND r.created_at < ((w.t + 1)::timestamp AT TIME ZONE $2))::int
                      FROM unnest($3::date[], $4::date[]) WITH ORDINALITY AS w(f, t, n) ORDER BY n) AS counts`,
      [brandId, timeZone, ranges.map(([from]) => from), ranges.map(([, to]) => to)],
    );
    return row!.counts;
  }

  /** The cohort sizes (by month first seen) and active counts (by cohort and month) of the months given. */
  async cohorts(brandId: string, fromMonth: string, toMonth: string): Promise<MetricDay[]> {
    return this.tx.prepared<MetricDay>(
      `SELECT '' AS dim, 'co_size' AS metric, day::text AS day, sum(delta)::float8 AS delta
         FROM analytics_delta
        WHERE brand_id = $1 AND dim = '' AND metric = 'co_size' AND day BETWEEN $2::date AND $3::date
        GROUP BY day
       UNION ALL
       SELECT dim, 'co_active', day::text, sum(delta)::float8
         FROM analytics_delta
        WHERE brand_id = $1 AND dim BETWEEN 'co:' || $2 AND 'co:' || $3 AND metric = 'co_active'
          AND day <= $3::date
        GROUP BY dim, day`,
      [brandId, fromMonth, toMonth],
    );
  }

  /** The fans who earned the most points within the range (net of reversals), merged fans counted as one. */
  async topFans(
    brandId: string,
    timeZone: string,
    from: string,
    to: string,
    limit: number,
  ): Promise<
    Array<{
      fan_id: string;
      points: number;
      events: number;
      display_name: string | null;
      handle: string | null;
      channel: string | null;
      balance: number;
      tier_name: string | null;
    }>
  > {
    return this.tx.prepared(
      `WITH range AS (SELECT ($3::date::timestamp AT TIME ZONE $2) AS f, (($4::date + 1)::timestamp AT TIME ZONE $2) AS t),
            earned AS (
              SELECT coalesce(f.merged_into_id, f.id) AS fan_id, sum(l.points) AS points
                FROM ledger_entry l
                JOIN fan f ON f.brand_id = l.brand_id AND f.id = l.fan_id
               CROSS JOIN range
               WHERE l.brand_id = $1 AND l.kind IN ('earn', 'reverse')
                 AND l.occurred_at >= range.f AND l.occurred_at < range.t
               GROUP BY 1
              HAVING sum(l.points) > 0
               ORDER BY 2 DESC, 1
               LIMIT $5)
       SELECT e.fan_id, e.points::float8 AS points, f.display_name, f.balance::float8 AS balance, f.tier_name,
              i.handle, i.channel,
              (SELECT count(*) FROM engagement_event x CROSS JOIN range
                WHERE x.brand_id = $1 AND x.fan_id = e.fan_id AND x.type <> 'retract'
                  AND x.occurred_at >= range.f AND x.occurred_at < range.t)::int AS events
         FROM earned e
         JOIN fan f ON f.brand_id = $1 AND f.id = e.fan_id
         LEFT JOIN LATERAL (SELECT handle, channel FROM fan_identity
                             WHERE brand_id = $1 AND fan_id = e.fan_id
                             ORDER BY (handle IS NULL), created_at, id LIMIT 1) AS i ON true
        ORDER BY e.points DESC, e.fan_id`,
      [brandId, timeZone, from, to, limit],
    );
  }
}
