import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The rewards catalogue: rewards (goodies) with their cost, kind, stock, per-fan limit, minimum
 * tier and availability window, and the coupon code pools. Keyed by brand_id like every tenant table.
 */
export class Rewards1795791417765 implements MigrationInterface {
  name = 'Rewards1795791417765';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "reward" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "name_de" text NOT NULL,
      "name_en" text NOT NULL,
      "description_de" text NOT NULL DEFAULT '',
      "description_en" text NOT NULL DEFAULT '',
      "image_url" text,
      "cost_points" bigint NOT NULL,
      "kind" text NOT NULL,
      "download_url" text,
      "stock" integer,
      "per_fan_limit" integer,
      "per_fan_period" text,
      "min_tier" text,
      "available_from" TIMESTAMP WITH TIME ZONE,
      "available_until" TIMESTAMP WITH TIME ZONE,
      "active" boolean NOT NULL DEFAULT true,
      "low_stock_threshold" integer,
      "position" integer NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "reward_low_stock_threshold_check" CHECK ("low_stock_threshold" IS NULL OR "low_stock_threshold" >= 0),
      CONSTRAINT "reward_availability_check" CHECK ("available_from" IS NULL OR "available_until" IS NULL OR "available_until" > "available_from"),
      CONSTRAINT "reward_per_fan_period_check" CHECK (("per_fan_limit" IS NULL) = ("per_fan_period" IS NULL) AND ("per_fan_period" IS NULL OR "per_fan_period" IN ('lifetime', 'month'))),
      CONSTRAINT "reward_per_fan_limit_check" CHECK ("per_fan_limit" IS NULL OR "per_fan_limit" >= 1),
      CONSTRAINT "reward_download_url_check" CHECK (("kind" = 'download') = ("download_url" IS NOT NULL)),
      CONSTRAINT "reward_coupon_stock_check" CHECK ("kind" <> 'coupon' OR "stock" IS NULL),
      CONSTRAINT "reward_stock_check" CHECK ("stock" IS NULL OR "stock" >= 0),
      CONSTRAINT "reward_cost_points_check" CHECK ("cost_points" >= 1),
      CONSTRAINT "reward_kind_check" CHECK ("kind" IN ('coupon', 'download', 'physical', 'custom')),
      CONSTRAINT "reward_pkey" PRIMARY KEY ("brand_id", "id"))`);
    await db.query(`CREATE INDEX "reward_position_idx" ON "reward" ("brand_id", "position", "id")`);
    await db.query(`CREATE TABLE "reward_code" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "reward_id" uuid NOT NULL,
      "code" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "assigned_at" TIMESTAMP WITH TIME ZONE,
      "redemption_id" uuid,
      CONSTRAINT "reward_code_code_key" UNIQUE ("brand_id", "reward_id", "code"),
      CONSTRAINT "reward_code_assigned_check" CHECK ("redemption_id" IS NULL OR "assigned_at" IS NOT NULL),
      CONSTRAINT "reward_code_code_check" CHECK (char_length("code") BETWEEN 1 AND 200),
      CONSTRAINT "reward_code_pkey" PRIMARY KEY ("brand_id", "id"))`);
    await db.query(
      `CREATE INDEX "reward_code_unassigned_idx" ON "reward_code" ("brand_id", "reward_id", "id") WHERE "assigned_at" IS NULL`,
    );
    await db.query(
      `ALTER TABLE "reward" ADD CONSTRAINT "reward_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "reward_code" ADD CONSTRAINT "reward_code_reward_fkey" FOREIGN KEY ("brand_id", "reward_id") REFERENCES "reward"("brand_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE "reward_code"');
    await db.query('DROP TABLE "reward"');
  }
}
