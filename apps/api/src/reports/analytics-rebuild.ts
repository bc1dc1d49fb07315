/**
 * Rebuilds a brand's report rollups from what is stored — the fans, their events and the ledger —
 * after the brand's analytics settings or time zone changed (and after bulk loads). The maths is
 * that of `activityDeltas` in @fanfare/shared, in SQL; tests hold both to a brute-force count.
 *
 * Runs in a transaction of its own that holds the brand's analytics lock exclusively: every other
 * writer of rollup rows holds it shared, so none commits while the rollups are rebuilt.
 */

/** Runs one statement on the connection the rebuild owns. */
export type RunQuery = (sql: string, params?: unknown[]) => Promise<unknown[]>;

/** The local calendar day of a timestamp, as a day number (days since 1970-01-01). */
const dayOf = (column: string) => `((${column} AT TIME ZONE $2)::date - DATE '1970-01-01')`;

/** Whether event `e` counts as engagement by the brand's list of types ($3). */
const COUNTED = `(e.type = ANY($3::text[]) OR (e.type LIKE 'custom:%' AND 'custom' = ANY($3::text[])))`;

const ACTIVITY_FROM_EVENTS = `
  INSERT INTO fan_activity (brand_id, fan_id, dim, first_day, days)
  SELECT $1::uuid, g.fan_id,
         CASE WHEN g.overall THEN '' ELSE 'ch:' || g.channel END,
         CASE WHEN g.overall THEN ${dayOf('f.first_seen_at')} ELSE g.first_day END,
         g.days
    FROM (SELECT e.fan_id, e.channel, GROUPING(e.channel) = 1 AS overall, min(e.day) AS first_day,
                 coalesce(array_agg(DISTINCT e.day ORDER BY e.day) FILTER (WHERE e.counted), '{}') AS days
            FROM (SELECT e.fan_id, e.channel, ${dayOf('e.occurred_at')} AS day, ${COUNTED} AS counted
                    FROM engagement_event e
                   WHERE e.brand_id = $1 AND e.fan_id IS NOT NULL AND e.type <> 'retract') AS e
           GROUP BY GROUPING SETS ((e.fan_id), (e.fan_id, e.channel))) AS g
    JOIN fan f ON f.brand_id = $1 AND f.id = g.fan_id
   WHERE f.merged_into_id IS NULL AND (g.overall OR g.channel IS NOT NULL)`;

const ACTIVITY_FROM_LEDGER = `
  INSERT INTO fan_activity (brand_id, fan_id, dim, first_day, days)
  SELECT $1::uuid, l.fan_id, 'cp:' || l.campaign_id, min(l.day), array_agg(DISTINCT l.day ORDER BY l.day)
    FROM (SELECT coalesce(f.merged_into_id, f.id) AS fan_id, e.campaign_id, ${dayOf('e.occurred_at')} AS day
            FROM ledger_entry e
            JOIN fan f ON f.brand_id = e.brand_id AND f.id = e.fan_id
           WHERE e.brand_id = $1 AND e.kind = 'earn' AND e.campaign_id IS NOT NULL) AS l
   GROUP BY l.fan_id, l.campaign_id`;

const FAN_DELTAS = `
  INSERT INTO analytics_delta (brand_id, dim, metric, day, delta)
  SELECT $1::uuid, '', d.metric, d.day, sum(d.delta)
    FROM fan f
   CROSS JOIN LATERAL analytics_fan_deltas((f.first_seen_at AT TIME ZONE $2)::date,
                                           (f.erased_at AT TIME ZONE $2)::date,
                                           f.merged_into_id IS NOT NULL) AS d
   WHERE f.brand_id = $1
   GROUP BY 1, 2, 3, 4`;

/** `activityDeltas` for every row of fan_activity; $3 is the window in days. */
const ACTIVITY_DELTAS = `
  WITH a AS (
    SELECT fa.dim, fa.first_day, fa.days,
           ((f.erased_at AT TIME ZONE $2)::date - DATE '1970-01-01') AS erased,
           (date_trunc('month', DATE '1970-01-01' + fa.first_day))::date AS first_month,
           fa.first_day - (fa.first_day + 3) % 7 AS first_week
      FROM fan_activity fa
      JOIN fan f ON f.brand_id = fa.brand_id AND f.id = fa.fan_id
     WHERE fa.brand_id = $1),
  live AS (SELECT * FROM a WHERE erased IS NULL OR erased > first_day),
  per_day AS (
    SELECT l.dim, l.first_day, l.first_week, l.first_month, l.erased, u.day,
           l.days[u.i + 1] AS next_day,
           u.day - (u.day + 3) % 7 AS week,
           CASE WHEN u.i > 1 THEN l.days[u.i - 1] - (l.days[u.i - 1] + 3) % 7 END AS previous_week,
           (date_trunc('month', DATE '1970-01-01' + u.day))::date AS month,
           CASE WHEN u.i > 1 THEN (date_trunc('month', DATE '1970-01-01' + l.days[u.i - 1]))::date END AS previous_month
      FROM live l
     CROSS JOIN LATERAL unnest(l.days) WITH ORDINALITY AS u(day, i)
     WHERE l.erased IS NULL OR u.day < l.erased),
  changes AS (
    SELECT p.dim, c.metric, c.day, c.delta
      FROM per_day p
     CROSS JOIN LATERAL (VALUES
       (p.dim, 'active', DATE '1970-01-01' + p.day, 1),
       (p.dim, 'active', DATE '1970-01-01' + least(p.day + $3::int, coalesce(p.next_day, p.day + $3::int), coalesce(p.erased, p.day + $3::int)), -1),
       (p.dim, 'ret_d', CASE WHEN p.day > p.first_day THEN DATE '1970-01-01' + p.day END, 1),
       (p.dim, 'ret_w', CASE WHEN p.week > p.first_week AND p.week IS DISTINCT FROM p.previous_week
                             THEN DATE '1970-01-01' + p.day END, 1),
       (p.dim, 'ret_m', CASE WHEN p.month > p.first_month AND p.month IS DISTINCT FROM p.previous_month
                             THEN DATE '1970-01-01' + p.day END, 1),
       ('co:' || p.first_month::text, 'co_active',
        CASE WHEN p.dim = '' AND p.month >= p.first_month AND p.month IS DISTINCT FROM p.previous_month
             THEN p.month END, 1)
     ) AS c(dim, metric, day, delta)
    UNION ALL
    SELECT l.dim, c.metric, c.day, c.delta
      FROM live l
     CROSS JOIN LATERAL (VALUES
       ('total', CASE WHEN l.dim LIKE 'ch:%' THEN DATE '1970-01-01' + l.first_day END, 1),
       ('total', CASE WHEN l.dim LIKE 'ch:%' THEN DATE '1970-01-01' + l.erased END, -1),
       ('new', CASE WHEN l.dim <> '' THEN DATE '1970-01-01' + l.first_day END, 1)
     ) AS c(metric, day, delta))
  INSERT INTO analytics_delta (brand_id, dim, metric, day, delta)
  SELECT $1::uuid, dim, metric, day, sum(delta)
    FROM changes
   WHERE day IS NOT NULL
   GROUP BY dim, metric, day
  HAVING sum(delta) <> 0`;

const EVENT_DELTAS = `
  INSERT INTO analytics_delta (brand_id, dim, metric, day, delta)
  SELECT $1::uuid, d.dim, 'events', (e.occurred_at AT TIME ZONE $2)::date, count(*)
    FROM engagement_event e
   CROSS JOIN LATERAL (VALUES (''), ('ch:' || e.channel)) AS d(dim)
   WHERE e.brand_id = $1 AND e.type <> 'retract' AND d.dim IS NOT NULL
   GROUP BY 1, 2, 4`;

const LEDGER_DELTAS = `
  INSERT INTO analytics_delta (brand_id, dim, metric, day, delta)
  SELECT $1::uuid, '', m.metric, (l.occurred_at AT TIME ZONE $2)::date, sum(m.points)
    FROM ledger_entry l
   CROSS JOIN LATERAL (VALUES ('pts_all', l.points),
                              ('pts_earn', CASE WHEN l.kind IN ('earn', 'reverse') THEN l.points END),
                              ('pts_redeem', CASE WHEN l.kind IN ('redeem', 'refund') THEN -l.points END)
                      ) AS m(metric, points)
   WHERE l.brand_id = $1 AND m.points IS NOT NULL
   GROUP BY 1, 2, 3, 4`;

export interface RebuildResult {
  fanActivityRows: number;
  deltaRows: number;
  milliseconds: number;
}

/** Rebuilds one brand's rollups in one transaction (BEGIN … COMMIT on the given connection). */
export async function rebuildAnalytics(query: RunQuery, brandId: string): Promise<RebuildResult> {
  const started = Date.now();
  await query('BEGIN');
  try {
    await query('SELECT pg_advisory_xact_lock(analytics_lock_key($1))', [brandId]);
    const [brand] = (await query(
      'SELECT time_zone, active_window_days, engagement_types FROM brand WHERE id = $1',
      [brandId],
    )) as Array<{ time_zone: string; active_window_days: number; engagement_types: string[] }>;
    if (!brand) throw new Error(`No brand ${brandId}`);
    const zone = brand.time_zone;
    await query('DELETE FROM analytics_delta WHERE brand_id = $1', [brandId]);
    await query('DELETE FROM fan_activity WHERE brand_id = $1', [brandId]);
    await query(ACTIVITY_FROM_EVENTS, [brandId, zone, brand.engagement_types]);
    await query(ACTIVITY_FROM_LEDGER, [brandId, zone]);
    await query(FAN_DELTAS, [brandId, zone]);
    await query(ACTIVITY_DELTAS, [brandId, zone, brand.active_window_days]);
    await query(EVENT_DELTAS, [brandId, zone]);
    await query(LEDGER_DELTAS, [brandId, zone]);
    await query(`UPDATE brand SET analytics_state = 'current', analytics_rebuilt_at = now() WHERE id = $1`, [
      brandId,
    ]);
    const [counts] = (await query(
      `SELECT (SELECT count(*) FROM fan_activity WHERE brand_id = $1)::int AS activity,
              (SELECT count(*) FROM analytics_delta WHERE brand_id = $1)::int AS deltas`,
      [brandId],
    )) as Array<{ activity: number; deltas: number }>;
    await query('COMMIT');
    return {
      fanActivityRows: counts!.activity,
      deltaRows: counts!.deltas,
      milliseconds: Date.now() - started,
    };
  } catch (error) {
    await query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
