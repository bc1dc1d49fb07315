import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Outbound webhooks: a brand's endpoints (their `whsec_` secrets sealed), the outbox of messages,
 * one delivery per message and endpoint, and every attempt. Triggers write the outbox in the
 * transaction of the change itself, for every writer: fans created, points awarded and reversed,
 * tier changes, redemptions created, fulfilled and cancelled. A brand without an enabled endpoint
 * subscribed to the type pays one index probe per statement; nothing is written for it.
 */
export class OutboundWebhooks1795811000000 implements MigrationInterface {
  name = 'OutboundWebhooks1795811000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "webhook_endpoint" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "url" text NOT NULL,
      "description" text NOT NULL DEFAULT '',
      "event_types" text array NOT NULL DEFAULT '{}',
      "secret_sealed" bytea NOT NULL,
      "previous_secret_sealed" bytea,
      "previous_expires_at" TIMESTAMP WITH TIME ZONE,
      "enabled" boolean NOT NULL DEFAULT true,
      "disabled_reason" text,
      "disabled_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "created_by" text NOT NULL,
      CONSTRAINT "webhook_endpoint_disabled_check" CHECK ("enabled" = ("disabled_at" IS NULL)),
      CONSTRAINT "webhook_endpoint_pkey" PRIMARY KEY ("brand_id", "id"),
      CONSTRAINT "webhook_endpoint_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);

    await db.query(`CREATE TABLE "webhook_message" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "type" text NOT NULL,
      "payload" jsonb NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "webhook_message_pkey" PRIMARY KEY ("brand_id", "id"),
      CONSTRAINT "webhook_message_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    // The retention job deletes old messages across brands by age.
    await db.query(`CREATE INDEX "webhook_message_created_idx" ON "webhook_message" ("created_at")`);

    await db.query(`CREATE TABLE "webhook_delivery" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "endpoint_id" uuid NOT NULL,
      "message_id" uuid NOT NULL,
      "status" text NOT NULL DEFAULT 'pending',
      "attempts" integer NOT NULL DEFAULT 0,
      "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "last_attempt_at" TIMESTAMP WITH TIME ZONE,
      "last_status_code" integer,
      "last_error" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "succeeded_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "webhook_delivery_status_check" CHECK ("status" IN ('pending', 'succeeded', 'failed')),
      CONSTRAINT "webhook_delivery_message_key" UNIQUE ("brand_id", "message_id", "endpoint_id"),
      CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("brand_id", "id"),
      CONSTRAINT "webhook_delivery_endpoint_fkey" FOREIGN KEY ("brand_id", "endpoint_id") REFERENCES "webhook_endpoint"("brand_id","id") ON DELETE CASCADE ON UPDATE NO ACTION,
      CONSTRAINT "webhook_delivery_message_fkey" FOREIGN KEY ("brand_id", "message_id") REFERENCES "webhook_message"("brand_id","id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    // Claims (per brand, oldest due first) and the sweep (brands with anything due) read this.
    await db.query(
      `CREATE INDEX "webhook_delivery_due_idx" ON "webhook_delivery" ("brand_id", "next_attempt_at") WHERE "status" = 'pending'`,
    );
    // An endpoint's delivery log, newest first (ids are time-ordered).
    await db.query(
      `CREATE INDEX "webhook_delivery_endpoint_idx" ON "webhook_delivery" ("brand_id", "endpoint_id", "id")`,
    );

    await db.query(`CREATE TABLE "webhook_attempt" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "delivery_id" uuid NOT NULL,
      "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "status_code" integer,
      "error" text,
      "duration_ms" integer NOT NULL,
      CONSTRAINT "webhook_attempt_pkey" PRIMARY KEY ("brand_id", "id"),
      CONSTRAINT "webhook_attempt_delivery_fkey" FOREIGN KEY ("brand_id", "delivery_id") REFERENCES "webhook_delivery"("brand_id","id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(
      `CREATE INDEX "webhook_attempt_delivery_idx" ON "webhook_attempt" ("brand_id", "delivery_id", "id")`,
    );

    // Times in payloads: ISO 8601 in UTC with milliseconds, as JavaScript's toISOString() writes them.
    await db.query(`CREATE FUNCTION webhook_time(p_at timestamptz) RETURNS text
      LANGUAGE sql STABLE AS $$ SELECT to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$`);
    // The cheap check every writing statement makes: does any of these brands have an enabled
    // endpoint that takes one of these types? One probe of the primary key per brand (usually one).
    await db.query(`CREATE FUNCTION webhook_wanted(p_brands uuid[], p_types text[]) RETURNS boolean
      LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM webhook_endpoint e
                        WHERE e.brand_id = ANY (p_brands) AND e.enabled
                          AND (cardinality(e.event_types) = 0 OR e.event_types && p_types)) $$`);
    await db.query(`CREATE FUNCTION webhook_subscribed(p_brand uuid, p_type text) RETURNS boolean
      LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM webhook_endpoint e
                        WHERE e.brand_id = p_brand AND e.enabled
                          AND (cardinality(e.event_types) = 0 OR p_type = ANY (e.event_types))) $$`);
    // Standard Webhooks' payload convention: { type, timestamp, data }.
    await db.query(`CREATE FUNCTION webhook_payload(p_type text, p_data jsonb) RETURNS jsonb
      LANGUAGE sql STABLE AS $$
        SELECT jsonb_build_object('type', p_type, 'timestamp', webhook_time(now()), 'data', p_data) $$`);

    // A message fans out to a delivery per enabled endpoint that takes its type, and wakes the
    // dispatchers when the transaction commits. Test messages are addressed by the application.
    await db.query(`CREATE FUNCTION webhook_message_inserted() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        brands uuid[];
      BEGIN
        WITH d AS (
          INSERT INTO webhook_delivery (brand_id, id, endpoint_id, message_id, next_attempt_at)
          SELECT m.brand_id, uuidv7(), e.id, m.id, now()
            FROM added m
            JOIN webhook_endpoint e ON e.brand_id = m.brand_id AND e.enabled
                                   AND (cardinality(e.event_types) = 0 OR m.type = ANY (e.event_types))
           WHERE m.type <> 'webhook.test'
          RETURNING brand_id)
        SELECT array_agg(DISTINCT d.brand_id) INTO brands FROM d;
        PERFORM pg_notify('webhook_outbox', b::text) FROM unnest(brands) AS b;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER "webhook_message_insert" AFTER INSERT ON "webhook_message"
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION webhook_message_inserted()`);

    await db.query(`CREATE FUNCTION webhook_fans_inserted() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT webhook_wanted(ARRAY(SELECT DISTINCT brand_id FROM added), '{fan.created}') THEN
          RETURN NULL;
        END IF;
        INSERT INTO webhook_message (brand_id, id, type, payload)
        SELECT f.brand_id, uuidv7(), 'fan.created',
               webhook_payload('fan.created',
                               jsonb_build_object('fanId', f.id, 'firstSeenAt', webhook_time(f.first_seen_at)))
          FROM added f
         WHERE f.merged_into_id IS NULL AND webhook_subscribed(f.brand_id, 'fan.created');
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER "fan_webhooks_insert" AFTER INSERT ON "fan"
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION webhook_fans_inserted()`);

    // eventId is the sender's id of the event (what it sent as "id"), not Fanfare's.
    await db.query(`CREATE FUNCTION webhook_ledger_inserted() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT webhook_wanted(ARRAY(SELECT DISTINCT brand_id FROM added), '{points.awarded,points.reversed}') THEN
          RETURN NULL;
        END IF;
        INSERT INTO webhook_message (brand_id, id, type, payload)
        SELECT l.brand_id, uuidv7(), l.type,
               webhook_payload(l.type, jsonb_build_object(
                 'entryId', l.id, 'fanId', l.fan_id, 'points', l.points, 'campaignId', l.campaign_id,
                 'ruleId', l.rule_id, 'eventId', ev.external_id, 'reversesEntryId', l.reverses_entry_id,
                 'occurredAt', webhook_time(l.occurred_at)))
          FROM (SELECT a.*, CASE a.kind WHEN 'earn' THEN 'points.awarded' ELSE 'points.reversed' END AS type
                  FROM added a WHERE a.kind IN ('earn', 'reverse')) l
          LEFT JOIN engagement_event ev ON ev.brand_id = l.brand_id AND ev.id = l.event_id
         WHERE webhook_subscribed(l.brand_id, l.type);
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER "ledger_entry_webhooks_insert" AFTER INSERT ON "ledger_entry"
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION webhook_ledger_inserted()`);

    await db.query(`CREATE FUNCTION webhook_tier_changes_inserted() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT webhook_wanted(ARRAY(SELECT DISTINCT brand_id FROM added), '{tier.changed}') THEN
          RETURN NULL;
        END IF;
        INSERT INTO webhook_message (brand_id, id, type, payload)
        SELECT c.brand_id, uuidv7(), 'tier.changed',
               webhook_payload('tier.changed', jsonb_build_object(
                 'fanId', c.fan_id, 'fromTier', c.from_tier, 'toTier', c.to_tier, 'cause', c.cause,
                 'changedAt', webhook_time(c.changed_at)))
          FROM added c
         WHERE webhook_subscribed(c.brand_id, 'tier.changed');
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER "fan_tier_change_webhooks_insert" AFTER INSERT ON "fan_tier_change"
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION webhook_tier_changes_inserted()`);

    // A redemption that is fulfilled at once (coupons, downloads) is created and fulfilled.
    await db.query(`CREATE FUNCTION webhook_redemptions_inserted() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT webhook_wanted(ARRAY(SELECT DISTINCT brand_id FROM added),
                              '{redemption.created,redemption.fulfilled,redemption.cancelled}') THEN
          RETURN NULL;
        END IF;
        INSERT INTO webhook_message (brand_id, id, type, payload)
        SELECT r.brand_id, uuidv7(), t.type,
               webhook_payload(t.type, jsonb_build_object(
                 'redemptionId', r.id, 'fanId', r.fan_id, 'rewardId', r.reward_id, 'points', r.points,
                 'status', r.status))
          FROM added r
         CROSS JOIN LATERAL (VALUES (1, 'redemption.created'),
                                    (2, 'redemption.' || r.status)) AS t(n, type)
         WHERE (t.n = 1 OR r.status IN ('fulfilled', 'cancelled'))
           AND webhook_subscribed(r.brand_id, t.type);
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER "redemption_webhooks_insert" AFTER INSERT ON "redemption"
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION webhook_redemptions_inserted()`);
    await db.query(`CREATE FUNCTION webhook_redemptions_updated() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT webhook_wanted(ARRAY(SELECT DISTINCT brand_id FROM changed),
                              '{redemption.fulfilled,redemption.cancelled}') THEN
          RETURN NULL;
        END IF;
        INSERT INTO webhook_message (brand_id, id, type, payload)
        SELECT n.brand_id, uuidv7(), 'redemption.' || n.status,
               webhook_payload('redemption.' || n.status, jsonb_build_object(
                 'redemptionId', n.id, 'fanId', n.fan_id, 'rewardId', n.reward_id, 'points', n.points,
                 'status', n.status))
          FROM changed n
          JOIN previous o ON o.brand_id = n.brand_id AND o.id = n.id
         WHERE n.status IS DISTINCT FROM o.status AND n.status IN ('fulfilled', 'cancelled')
           AND webhook_subscribed(n.brand_id, 'redemption.' || n.status);
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER "redemption_webhooks_update" AFTER UPDATE ON "redemption"
      REFERENCING OLD TABLE AS previous NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION webhook_redemptions_updated()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER "redemption_webhooks_update" ON "redemption"`);
    await db.query(`DROP TRIGGER "redemption_webhooks_insert" ON "redemption"`);
    await db.query(`DROP TRIGGER "fan_tier_change_webhooks_insert" ON "fan_tier_change"`);
    await db.query(`DROP TRIGGER "ledger_entry_webhooks_insert" ON "ledger_entry"`);
    await db.query(`DROP TRIGGER "fan_webhooks_insert" ON "fan"`);
    await db.query(`DROP TRIGGER "webhook_message_insert" ON "webhook_message"`);
    await db.query(`DROP FUNCTION webhook_redemptions_updated()`);
    await db.query(`DROP FUNCTION webhook_redemptions_inserted()`);
    await db.query(`DROP FUNCTION webhook_tier_changes_inserted()`);
    await db.query(`DROP FUNCTION webhook_ledger_inserted()`);
    await db.query(`DROP FUNCTION webhook_fans_inserted()`);
    await db.query(`DROP FUNCTION webhook_message_inserted()`);
    await db.query(`DROP FUNCTION webhook_payload(text, jsonb)`);
    await db.query(`DROP FUNCTION webhook_subscribed(uuid, text)`);
    await db.query(`DROP FUNCTION webhook_wanted(uuid[], text[])`);
    await db.query(`DROP FUNCTION webhook_time(timestamptz)`);
    await db.query(`DROP TABLE "webhook_attempt"`);
    await db.query(`DROP TABLE "webhook_delivery"`);
    await db.query(`DROP TABLE "webhook_message"`);
    await db.query(`DROP TABLE "webhook_endpoint"`);
  }
}
