import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Social connectors: a brand's Meta connection and generic webhook senders (their secrets sealed,
 * the verify token hashed), the inbox of signed deliveries (raw bodies until the retention ends),
 * one-time account-linking codes, and how each fan identity was proven.
 */
export class Connectors1795810000000 implements MigrationInterface {
  name = 'Connectors1795810000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "meta_connection" (
      "brand_id" uuid NOT NULL,
      "app_id" text,
      "app_secret_sealed" bytea NOT NULL,
      "app_secret_hint" text NOT NULL,
      "verify_token_hash" bytea NOT NULL,
      "page_ids" text array NOT NULL DEFAULT '{}',
      "instagram_ids" text array NOT NULL DEFAULT '{}',
      "whatsapp_ids" text array NOT NULL DEFAULT '{}',
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "created_by" text NOT NULL,
      CONSTRAINT "meta_connection_pkey" PRIMARY KEY ("brand_id"))`);
    await db.query(
      `ALTER TABLE "meta_connection" ADD CONSTRAINT "meta_connection_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await db.query(`CREATE TABLE "webhook_sender" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "name" text NOT NULL,
      "secret_sealed" bytea NOT NULL,
      "previous_secret_sealed" bytea,
      "previous_expires_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "rotated_at" TIMESTAMP WITH TIME ZONE,
      "revoked_at" TIMESTAMP WITH TIME ZONE,
      "created_by" text NOT NULL,
      CONSTRAINT "webhook_sender_pkey" PRIMARY KEY ("brand_id", "id"))`);
    await db.query(
      `ALTER TABLE "webhook_sender" ADD CONSTRAINT "webhook_sender_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await db.query(`CREATE TABLE "hook_delivery" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "source" text NOT NULL,
      "sender_id" uuid,
      "delivery_key" text NOT NULL,
      "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "content_type" text,
      "body" bytea,
      "body_bytes" integer NOT NULL,
      "test" boolean NOT NULL DEFAULT false,
      "status" text NOT NULL DEFAULT 'pending',
      "attempts" integer NOT NULL DEFAULT 0,
      "claimed_until" TIMESTAMP WITH TIME ZONE,
      "processed_at" TIMESTAMP WITH TIME ZONE,
      "error" text,
      "summary" jsonb,
      "fan_ids" uuid array NOT NULL DEFAULT '{}',
      CONSTRAINT "hook_delivery_source_check" CHECK ("source" IN ('meta', 'generic')),
      CONSTRAINT "hook_delivery_status_check" CHECK ("status" IN ('pending', 'processed', 'failed')),
      CONSTRAINT "hook_delivery_key_key" UNIQUE ("brand_id", "source", "delivery_key"),
      CONSTRAINT "hook_delivery_pkey" PRIMARY KEY ("brand_id", "id"))`);
    await db.query(
      `CREATE INDEX "hook_delivery_received_idx" ON "hook_delivery" ("brand_id", "received_at")`,
    );
    await db.query(
      `CREATE INDEX "hook_delivery_pending_idx" ON "hook_delivery" ("received_at") WHERE "status" = 'pending'`,
    );
    await db.query(
      `CREATE INDEX "hook_delivery_body_idx" ON "hook_delivery" ("received_at") WHERE "body" IS NOT NULL`,
    );
    await db.query(
      `ALTER TABLE "hook_delivery" ADD CONSTRAINT "hook_delivery_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await db.query(`CREATE TABLE "link_code" (
      "brand_id" uuid NOT NULL,
      "code" text NOT NULL,
      "fan_id" uuid NOT NULL,
      "channel" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "used_at" TIMESTAMP WITH TIME ZONE,
      "identity_id" uuid,
      CONSTRAINT "link_code_channel_check" CHECK ("channel" IN ('facebook', 'instagram', 'whatsapp', 'x')),
      CONSTRAINT "link_code_pkey" PRIMARY KEY ("brand_id", "code"))`);
    await db.query(`CREATE INDEX "link_code_fan_idx" ON "link_code" ("brand_id", "fan_id")`);
    await db.query(
      `ALTER TABLE "link_code" ADD CONSTRAINT "link_code_fan_fkey" FOREIGN KEY ("brand_id", "fan_id") REFERENCES "fan"("brand_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await db.query(`ALTER TABLE "fan_identity" ADD "proof" jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "fan_identity" DROP COLUMN "proof"`);
    await db.query(`DROP TABLE "link_code"`);
    await db.query(`DROP TABLE "hook_delivery"`);
    await db.query(`DROP TABLE "webhook_sender"`);
    await db.query(`DROP TABLE "meta_connection"`);
  }
}
