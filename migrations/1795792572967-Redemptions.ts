import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Redemptions: a fan spending points on a reward, with the coupon code it was handed, the shipping
 * address of a physical reward, and the idempotency key of the request that created it. Coupon
 * codes point back at the redemption holding them.
 */
export class Redemptions1795792572967 implements MigrationInterface {
  name = 'Redemptions1795792572967';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "redemption" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "fan_id" uuid NOT NULL,
      "reward_id" uuid NOT NULL,
      "points" bigint NOT NULL,
      "status" text NOT NULL,
      "code_id" uuid,
      "shipping_address" jsonb,
      "idempotency_key" text,
      "request_hash" text,
      "created_by" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "fulfilled_at" TIMESTAMP WITH TIME ZONE,
      "cancelled_at" TIMESTAMP WITH TIME ZONE,
      "cancel_reason" text,
      CONSTRAINT "redemption_code_key" UNIQUE ("brand_id", "code_id"),
      CONSTRAINT "redemption_idempotency_key" UNIQUE ("brand_id", "idempotency_key"),
      CONSTRAINT "redemption_cancelled_check" CHECK (("status" = 'cancelled') = ("cancelled_at" IS NOT NULL)),
      CONSTRAINT "redemption_fulfilled_check" CHECK ("status" <> 'fulfilled' OR "fulfilled_at" IS NOT NULL),
      CONSTRAINT "redemption_idempotency_check" CHECK (("idempotency_key" IS NULL) = ("request_hash" IS NULL)),
      CONSTRAINT "redemption_status_check" CHECK ("status" IN ('pending', 'fulfilled', 'cancelled')),
      CONSTRAINT "redemption_points_check" CHECK ("points" > 0),
      CONSTRAINT "redemption_pkey" PRIMARY KEY ("brand_id", "id")
    )`);
    await db.query('CREATE INDEX "redemption_created_at_idx" ON "redemption" ("brand_id", "created_at")');
    await db.query('CREATE INDEX "redemption_fan_idx" ON "redemption" ("brand_id", "fan_id", "id")');
    await db.query('CREATE INDEX "redemption_reward_idx" ON "redemption" ("brand_id", "reward_id", "id")');
    await db.query('CREATE INDEX "redemption_status_idx" ON "redemption" ("brand_id", "status", "id")');
    await db.query(`ALTER TABLE "reward_code" ADD CONSTRAINT "reward_code_redemption_fkey"
      FOREIGN KEY ("brand_id", "redemption_id") REFERENCES "redemption"("brand_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE "redemption" ADD CONSTRAINT "redemption_brand_id_fkey"
      FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE "redemption" ADD CONSTRAINT "redemption_fan_fkey"
      FOREIGN KEY ("brand_id", "fan_id") REFERENCES "fan"("brand_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE "redemption" ADD CONSTRAINT "redemption_reward_fkey"
      FOREIGN KEY ("brand_id", "reward_id") REFERENCES "reward"("brand_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE "redemption" ADD CONSTRAINT "redemption_code_fkey"
      FOREIGN KEY ("brand_id", "code_id") REFERENCES "reward_code"("brand_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE "reward_code" DROP CONSTRAINT "reward_code_redemption_fkey"');
    await db.query('DROP TABLE "redemption"');
  }
}
