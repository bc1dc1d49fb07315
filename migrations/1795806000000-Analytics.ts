import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Active-fan analytics: each brand's definition of activity (window, engagement types), the
 * per-fan activity the rollups are computed from, and the rollups themselves as append-only
 * changes per day. Triggers keep the rollups of fans (first seen, erased, merged), events and the
 * ledger current for every writer; the activity rows are kept by the application (they depend on
 * the brand's window). Every writer of rollup rows holds the brand's analytics lock shared; a
 * rebuild holds it exclusively.
 */
export class Analytics1795806000000 implements MigrationInterface {
  name = 'Analytics1795806000000';

  async up(db: QueryRunner): Promise<void> {
    // HMAC for pseudonymised exports.
    await db.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await db.query(`ALTER TABLE "brand" ADD "active_window_days" integer NOT NULL DEFAULT '30'`);
    await db.query(
      `ALTER TABLE "brand" ADD "engagement_types" text array NOT NULL DEFAULT '{follow,like,comment,share,mention,post,review,check_in,purchase,referral,survey_response,chat,custom}'`,
    );
    await db.query(`ALTER TABLE "brand" ADD "analytics_version" integer NOT NULL DEFAULT '1'`);
    await db.query(`ALTER TABLE "brand" ADD "analytics_state" text NOT NULL DEFAULT 'current'`);
    await db.query(`ALTER TABLE "brand" ADD "analytics_rebuilt_at" TIMESTAMP WITH TIME ZONE`);
    await db.query(
      `ALTER TABLE "brand" ADD CONSTRAINT "brand_analytics_state_check" CHECK ("analytics_state" IN ('current', 'recalculating'))`,
    );
    await db.query(
      `ALTER TABLE "brand" ADD CONSTRAINT "brand_active_window_days_check" CHECK ("active_window_days" BETWEEN 1 AND 365)`,
    );
    await db.query(`CREATE TABLE "fan_activity" (
      "brand_id" uuid NOT NULL,
      "fan_id" uuid NOT NULL,
      "dim" text NOT NULL,
      "first_day" integer NOT NULL,
      "days" integer array NOT NULL DEFAULT '{}',
      CONSTRAINT "fan_activity_pkey" PRIMARY KEY ("brand_id", "fan_id", "dim"),
      CONSTRAINT "fan_activity_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    )`);
    await db.query(`CREATE TABLE "analytics_delta" (
      "brand_id" uuid NOT NULL,
      "dim" text NOT NULL,
      "metric" text NOT NULL,
      "day" date NOT NULL,
      "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
      "delta" bigint NOT NULL,
      CONSTRAINT "analytics_delta_pkey" PRIMARY KEY ("brand_id", "dim", "metric", "day", "seq"),
      CONSTRAINT "analytics_delta_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    )`);
    await db.query(`CREATE INDEX "ledger_entry_occurred_idx" ON "ledger_entry" ("brand_id", "occurred_at")`);

    await db.query(`CREATE FUNCTION analytics_lock_key(p_brand uuid) RETURNS bigint
      LANGUAGE sql IMMUTABLE AS $$ SELECT hashtextextended('analytics:' || p_brand::text, 0) $$`);
    // Taken by every writer of rollup rows before it writes them; with a version, also checks that
    // the writer computed them with the brand's current analytics settings (else SQLSTATE FA001).
    await db.query(`CREATE FUNCTION analytics_guard(p_brand uuid, p_version integer) RETURNS void
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock_shared(analytics_lock_key(p_brand));
        IF p_version IS NOT NULL
           AND (SELECT analytics_version FROM brand WHERE id = p_brand) IS DISTINCT FROM p_version THEN
          RAISE EXCEPTION 'the analytics settings of brand % changed', p_brand USING ERRCODE = 'FA001';
        END IF;
      END $$`);
    // A fan's part in the totals: counted from the day first seen until the day of erasure; a fan
    // merged into another counts only as part of the survivor.
    await db.query(`CREATE FUNCTION analytics_fan_deltas(p_first date, p_erased date, p_merged boolean)
      RETURNS TABLE (metric text, day date, delta integer)
      LANGUAGE sql IMMUTABLE AS $$
        SELECT m.metric, m.day, m.delta
          FROM (VALUES ('total', p_first, 1),
                       ('new', p_first, 1),
                       ('co_size', date_trunc('month', p_first)::date, 1),
                       ('total', p_erased, -1)) AS m(metric, day, delta)
         WHERE NOT p_merged AND (p_erased IS NULL OR p_erased > p_first) AND m.day IS NOT NULL
      $$`);
    await db.query(`CREATE FUNCTION analytics_fan_inserted() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM analytics_guard(k.brand_id, NULL) FROM (SELECT DISTINCT brand_id FROM added ORDER BY 1) AS k;
        INSERT INTO analytics_delta (brand_id, dim, metric, day, delta)
        SELECT f.brand_id, '', d.metric, d.day, sum(d.delta)
          FROM added f
          JOIN brand b ON b.id = f.brand_id
         CROSS JOIN LATERAL analytics_fan_deltas((f.first_seen_at AT TIME ZONE b.time_zone)::date,
                                                 (f.erased_at AT TIME ZONE b.time_zone)::date,
                                                 f.merged_into_id IS NOT NULL) AS d
         GROUP BY 1, 2, 3, 4;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER "fan_analytics_insert" AFTER INSERT ON "fan"
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION analytics_fan_inserted()`);
    await db.query(`CREATE FUNCTION analytics_fan_changed() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        zone text;
      BEGIN
        PERFORM analytics_guard(NEW.brand_id, NULL);
        SELECT time_zone INTO zone FROM brand WHERE id = NEW.brand_id;
        INSERT INTO analytics_delta (brand_id, dim, metric, day, delta)
        SELECT NEW.brand_id, '', c.metric, c.day, sum(c.delta)
          FROM (SELECT o.metric, o.day, -o.delta AS delta
                  FROM analytics_fan_deltas((OLD.first_seen_at AT TIME ZONE zone)::date,
                                            (OLD.erased_at AT TIME ZONE zone)::date,
                                            OLD.merged_into_id IS NOT NULL) AS o
                UNION ALL
                SELECT n.metric, n.day, n.delta
                  FROM analytics_fan_deltas((NEW.first_seen_at AT TIME ZONE zone)::date,
                                            (NEW.erased_at AT TIME ZONE zone)::date,
                                            NEW.merged_into_id IS NOT NULL) AS n) AS c
         GROUP BY c.metric, c.day
        HAVING sum(c.delta) <> 0;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER "fan_analytics_update" AFTER UPDATE OF "first_seen_at", "erased_at", "merged_into_id" ON "fan"
      FOR EACH ROW
      WHEN (OLD.first_seen_at IS DISTINCT FROM NEW.first_seen_at
            OR OLD.erased_at IS DISTINCT FROM NEW.erased_at
            OR OLD.merged_into_id IS DISTINCT FROM NEW.merged_into_id)
      EXECUTE FUNCTION analytics_fan_changed()`);
    // Events per day, overall and per channel (retractions are not events of their own).
    await db.query(`CREATE FUNCTION analytics_events_inserted() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM analytics_guard(k.brand_id, NULL) FROM (SELECT DISTINCT brand_id FROM added ORDER BY 1) AS k;
        INSERT INTO analytics_delta (brand_id, dim, metric, day, delta)
        SELECT e.brand_id, d.dim, 'events', (e.occurred_at AT TIME ZONE b.time_zone)::date, count(*)
          FROM added e
          JOIN brand b ON b.id = e.brand_id
         CROSS JOIN LATERAL (VALUES (''), ('ch:' || e.channel)) AS d(dim)
         WHERE e.type <> 'retract' AND d.dim IS NOT NULL
         GROUP BY 1, 2, 4;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER "engagement_event_analytics_insert" AFTER INSERT ON "engagement_event"
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION analytics_events_inserted()`);
    // Points per day: earned (net of reversals), redeemed (net of refunds), and every entry (balances).
    await db.query(`CREATE FUNCTION analytics_ledger_inserted() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM analytics_guard(k.brand_id, NULL) FROM (SELECT DISTINCT brand_id FROM added ORDER BY 1) AS k;
        INSERT INTO analytics_delta (brand_id, dim, metric, day, delta)
        SELECT l.brand_id, '', m.metric, (l.occurred_at AT TIME ZONE b.time_zone)::date, sum(m.points)
          FROM added l
          JOIN brand b ON b.id = l.brand_id
         CROSS JOIN LATERAL (VALUES ('pts_all', l.points),
                                    ('pts_earn', CASE WHEN l.kind IN ('earn', 'reverse') THEN l.points END),
                                    ('pts_redeem', CASE WHEN l.kind IN ('redeem', 'refund') THEN -l.points END)
                            ) AS m(metric, points)
         WHERE m.points IS NOT NULL
         GROUP BY 1, 2, 3, 4;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER "ledger_entry_analytics_insert" AFTER INSERT ON "ledger_entry"
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION analytics_ledger_inserted()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER "ledger_entry_analytics_insert" ON "ledger_entry"`);
    await db.query(`DROP TRIGGER "engagement_event_analytics_insert" ON "engagement_event"`);
    await db.query(`DROP TRIGGER "fan_analytics_update" ON "fan"`);
    await db.query(`DROP TRIGGER "fan_analytics_insert" ON "fan"`);
    await db.query(`DROP FUNCTION analytics_ledger_inserted()`);
    await db.query(`DROP FUNCTION analytics_events_inserted()`);
    await db.query(`DROP FUNCTION analytics_fan_changed()`);
    await db.query(`DROP FUNCTION analytics_fan_inserted()`);
    await db.query(`DROP FUNCTION analytics_fan_deltas(date, date, boolean)`);
    await db.query(`DROP FUNCTION analytics_guard(uuid, integer)`);
    await db.query(`DROP FUNCTION analytics_lock_key(uuid)`);
    await db.query(`DROP INDEX "ledger_entry_occurred_idx"`);
    await db.query(`DROP TABLE "analytics_delta"`);
    await db.query(`DROP TABLE "fan_activity"`);
    await db.query(`ALTER TABLE "brand" DROP CONSTRAINT "brand_active_window_days_check"`);
    await db.query(`ALTER TABLE "brand" DROP CONSTRAINT "brand_analytics_state_check"`);
    await db.query(`ALTER TABLE "brand" DROP COLUMN "analytics_rebuilt_at"`);
    await db.query(`ALTER TABLE "brand" DROP COLUMN "analytics_state"`);
    await db.query(`ALTER TABLE "brand" DROP COLUMN "analytics_version"`);
    await db.query(`ALTER TABLE "brand" DROP COLUMN "engagement_types"`);
    await db.query(`ALTER TABLE "brand" DROP COLUMN "active_window_days"`);
  }
}
