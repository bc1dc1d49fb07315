import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The earning engine: fans and their identities, engagement events with their outcomes, campaigns
 * with versioned rules, the append-only points ledger, tiers and tier changes; per-brand tier basis
 * and points expiry. Every table is keyed by brand_id, foreign keys included.
 */
export class EarningEngine1795781500627 implements MigrationInterface {
  name = 'EarningEngine1795781500627';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "campaign" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "name" text NOT NULL,
      "description" text NOT NULL DEFAULT '',
      "status" text NOT NULL,
      "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "ends_at" TIMESTAMP WITH TIME ZONE,
      "budget_points" bigint,
      "points_issued" bigint NOT NULL DEFAULT '0',
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "campaign_schedule_check" CHECK ("ends_at" IS NULL OR "ends_at" > "starts_at"),
      CONSTRAINT "campaign_budget_check" CHECK ("budget_points" IS NULL OR "points_issued" <= "budget_points"),
      CONSTRAINT "campaign_status_check" CHECK ("status" IN ('draft', 'active', 'paused', 'ended')),
      CONSTRAINT "campaign_pkey" PRIMARY KEY ("brand_id", "id"))`);
    await db.query(`CREATE TABLE "reward_rule" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "campaign_id" uuid NOT NULL,
      "version" integer NOT NULL,
      "position" integer NOT NULL,
      "event_type" text NOT NULL,
      "definition" jsonb NOT NULL,
      "deleted_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "reward_rule_pkey" PRIMARY KEY ("brand_id", "id"))`);
    await db.query(`CREATE INDEX "reward_rule_campaign_idx" ON "reward_rule" ("brand_id", "campaign_id")`);
    await db.query(`CREATE TABLE "reward_rule_version" (
      "brand_id" uuid NOT NULL,
      "rule_id" uuid NOT NULL,
      "version" integer NOT NULL,
      "definition" jsonb NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "reward_rule_version_pkey" PRIMARY KEY ("brand_id", "rule_id", "version"))`);
    await db.query(`CREATE TABLE "fan" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "display_name" text,
      "email" text,
      "balance" bigint NOT NULL DEFAULT '0',
      "lifetime_points" bigint NOT NULL DEFAULT '0',
      "tier_name" text,
      "tier_changed_at" TIMESTAMP WITH TIME ZONE,
      "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "last_active_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "consent_marketing" boolean,
      "consent_marketing_at" TIMESTAMP WITH TIME ZONE,
      "consent_marketing_version" text,
      "consent_profiling" boolean,
      "consent_profiling_at" TIMESTAMP WITH TIME ZONE,
      "consent_profiling_version" text,
      "merged_into_id" uuid,
      "erased_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "fan_lifetime_points_check" CHECK ("lifetime_points" >= 0),
      CONSTRAINT "fan_balance_check" CHECK ("balance" >= 0),
      CONSTRAINT "fan_pkey" PRIMARY KEY ("brand_id", "id"))`);
    await db.query(`CREATE INDEX "fan_balance_idx" ON "fan" ("brand_id", "balance")`);
    await db.query(`CREATE INDEX "fan_last_active_idx" ON "fan" ("brand_id", "last_active_at")`);
    await db.query(`CREATE TABLE "engagement_event" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "external_id" text NOT NULL,
      "fan_id" uuid,
      "type" text NOT NULL,
      "channel" text,
      "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "properties" jsonb,
      "retracts_external_id" text,
      "status" text NOT NULL,
      "points" bigint NOT NULL DEFAULT '0',
      "outcome" jsonb NOT NULL,
      "retracted_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "engagement_event_external_id_key" UNIQUE ("brand_id", "external_id"),
      CONSTRAINT "engagement_event_status_check" CHECK ("status" IN ('awarded', 'no_match', 'capped', 'rejected', 'retracted')),
      CONSTRAINT "engagement_event_pkey" PRIMARY KEY ("brand_id", "id"))`);
    await db.query(
      `CREATE INDEX "engagement_event_occurred_idx" ON "engagement_event" ("brand_id", "occurred_at")`,
    );
    await db.query(
      `CREATE INDEX "engagement_event_retracts_idx" ON "engagement_event" ("brand_id", "retracts_external_id")`,
    );
    await db.query(
      `CREATE INDEX "engagement_event_fan_idx" ON "engagement_event" ("brand_id", "fan_id", "occurred_at")`,
    );
    await db.query(`CREATE TABLE "fan_identity" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "fan_id" uuid NOT NULL,
      "channel" text NOT NULL,
      "external_id" text NOT NULL,
      "handle" text,
      "display_name" text,
      "email" text,
      "source" text NOT NULL DEFAULT 'first_sight',
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "fan_identity_channel_external_id_key" UNIQUE ("brand_id", "channel", "external_id"),
      CONSTRAINT "fan_identity_pkey" PRIMARY KEY ("brand_id", "id"))`);
    await db.query(`CREATE INDEX "fan_identity_fan_idx" ON "fan_identity" ("brand_id", "fan_id")`);
    await db.query(`CREATE TABLE "ledger_entry" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "fan_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "points" bigint NOT NULL,
      "cause_key" text NOT NULL,
      "event_id" uuid,
      "campaign_id" uuid,
      "rule_id" uuid,
      "rule_version" integer,
      "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "reverses_entry_id" uuid,
      "reason" text NOT NULL DEFAULT '',
      "explanation" jsonb,
      "actor_label" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "ledger_entry_cause_key" UNIQUE ("brand_id", "cause_key"),
      CONSTRAINT "ledger_entry_points_check" CHECK ("points" <> 0),
      CONSTRAINT "ledger_entry_kind_check" CHECK ("kind" IN ('earn', 'redeem', 'refund', 'expire', 'adjust', 'reverse')),
      CONSTRAINT "ledger_entry_pkey" PRIMARY KEY ("brand_id", "id"))`);
    await db.query(
      `CREATE INDEX "ledger_entry_rule_window_idx" ON "ledger_entry" ("brand_id", "fan_id", "rule_id", "occurred_at")`,
    );
    await db.query(`CREATE INDEX "ledger_entry_fan_idx" ON "ledger_entry" ("brand_id", "fan_id", "id")`);
    await db.query(
      `CREATE INDEX "ledger_entry_reverses_idx" ON "ledger_entry" ("brand_id", "reverses_entry_id")`,
    );
    await db.query(`CREATE INDEX "ledger_entry_event_idx" ON "ledger_entry" ("brand_id", "event_id")`);
    await db.query(`CREATE TABLE "fan_tier_change" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "fan_id" uuid NOT NULL,
      "from_tier" text,
      "to_tier" text,
      "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "cause" text NOT NULL,
      CONSTRAINT "fan_tier_change_pkey" PRIMARY KEY ("brand_id", "id"))`);
    await db.query(
      `CREATE INDEX "fan_tier_change_fan_idx" ON "fan_tier_change" ("brand_id", "fan_id", "changed_at")`,
    );
    await db.query(`CREATE TABLE "tier" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "name" text NOT NULL,
      "threshold" bigint NOT NULL,
      "multiplier" numeric(4,2) NOT NULL,
      "perks" text NOT NULL DEFAULT '',
      CONSTRAINT "tier_threshold_key" UNIQUE ("brand_id", "threshold"),
      CONSTRAINT "tier_name_key" UNIQUE ("brand_id", "name"),
      CONSTRAINT "tier_multiplier_check" CHECK ("multiplier" >= 1 AND "multiplier" <= 10),
      CONSTRAINT "tier_pkey" PRIMARY KEY ("brand_id", "id"))`);
    await db.query(`ALTER TABLE "brand" ADD "tier_basis" text NOT NULL DEFAULT 'lifetime'`);
    await db.query(`ALTER TABLE "brand" ADD "points_expiry_days" integer`);
    await db.query(
      `ALTER TABLE "brand" ADD CONSTRAINT "brand_points_expiry_days_check" CHECK ("points_expiry_days" IS NULL OR "points_expiry_days" > 0)`,
    );
    await db.query(
      `ALTER TABLE "brand" ADD CONSTRAINT "brand_tier_basis_check" CHECK ("tier_basis" IN ('lifetime', 'rolling_12_months'))`,
    );
    await db.query(
      `ALTER TABLE "campaign" ADD CONSTRAINT "campaign_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "reward_rule" ADD CONSTRAINT "reward_rule_campaign_fkey" FOREIGN KEY ("brand_id", "campaign_id") REFERENCES "campaign"("brand_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "reward_rule_version" ADD CONSTRAINT "reward_rule_version_rule_fkey" FOREIGN KEY ("brand_id", "rule_id") REFERENCES "reward_rule"("brand_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "fan" ADD CONSTRAINT "fan_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "fan" ADD CONSTRAINT "fan_merged_into_fkey" FOREIGN KEY ("brand_id", "merged_into_id") REFERENCES "fan"("brand_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "engagement_event" ADD CONSTRAINT "engagement_event_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "engagement_event" ADD CONSTRAINT "engagement_event_fan_fkey" FOREIGN KEY ("brand_id", "fan_id") REFERENCES "fan"("brand_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "fan_identity" ADD CONSTRAINT "fan_identity_fan_fkey" FOREIGN KEY ("brand_id", "fan_id") REFERENCES "fan"("brand_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_fan_fkey" FOREIGN KEY ("brand_id", "fan_id") REFERENCES "fan"("brand_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_campaign_fkey" FOREIGN KEY ("brand_id", "campaign_id") REFERENCES "campaign"("brand_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_rule_fkey" FOREIGN KEY ("brand_id", "rule_id") REFERENCES "reward_rule"("brand_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "fan_tier_change" ADD CONSTRAINT "fan_tier_change_fan_fkey" FOREIGN KEY ("brand_id", "fan_id") REFERENCES "fan"("brand_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "tier" ADD CONSTRAINT "tier_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    // The ledger is append-only: an entry is never changed (reversals are new entries).
    await db.query(`CREATE FUNCTION ledger_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger entries are append-only' USING ERRCODE = 'restrict_violation';
      END $$`);
    await db.query(`CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE ON "ledger_entry"
      FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TRIGGER ledger_entry_append_only ON "ledger_entry"');
    await db.query('DROP FUNCTION ledger_entry_append_only()');
    await db.query('DROP TABLE "fan_tier_change"');
    await db.query('DROP TABLE "tier"');
    await db.query('DROP TABLE "ledger_entry"');
    await db.query('DROP TABLE "engagement_event"');
    await db.query('DROP TABLE "fan_identity"');
    await db.query('DROP TABLE "fan"');
    await db.query('DROP TABLE "reward_rule_version"');
    await db.query('DROP TABLE "reward_rule"');
    await db.query('DROP TABLE "campaign"');
    await db.query('ALTER TABLE "brand" DROP CONSTRAINT "brand_tier_basis_check"');
    await db.query('ALTER TABLE "brand" DROP CONSTRAINT "brand_points_expiry_days_check"');
    await db.query('ALTER TABLE "brand" DROP COLUMN "points_expiry_days"');
    await db.query('ALTER TABLE "brand" DROP COLUMN "tier_basis"');
  }
}
