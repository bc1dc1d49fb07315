import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The fan widget: each brand's publishable key (existing brands get one too), allowed origins,
 * colours and texts, and the signing secrets of fan tokens (sealed; rotated with an overlap).
 */
export class Widget1795796595767 implements MigrationInterface {
  name = 'Widget1795796595767';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE "brand" ADD "widget_key" text NOT NULL DEFAULT ('pk_'::text || replace((gen_random_uuid())::text, '-'::text, ''::text))`,
    );
    // The default only fills in existing brands; new brands get their key from the application.
    await db.query(`ALTER TABLE "brand" ALTER COLUMN "widget_key" DROP DEFAULT`);
    await db.query(`ALTER TABLE "brand" ADD CONSTRAINT "brand_widget_key_key" UNIQUE ("widget_key")`);
    await db.query(`ALTER TABLE "brand" ADD "widget_origins" text array NOT NULL DEFAULT '{}'`);
    await db.query(`ALTER TABLE "brand" ADD "widget_theme" jsonb NOT NULL DEFAULT '{}'`);
    await db.query(`ALTER TABLE "brand" ADD "widget_texts" jsonb NOT NULL DEFAULT '{}'`);
    await db.query(`CREATE TABLE "widget_secret" (
      "brand_id" uuid NOT NULL,
      "kid" text NOT NULL,
      "secret_sealed" bytea NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "expires_at" TIMESTAMP WITH TIME ZONE,
      "created_by" text NOT NULL,
      CONSTRAINT "widget_secret_kid_check" CHECK ("kid" ~ '^wk_[A-Za-z0-9]{8,64}$'),
      CONSTRAINT "widget_secret_pkey" PRIMARY KEY ("brand_id", "kid"),
      CONSTRAINT "widget_secret_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE CASCADE
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "widget_secret"`);
    await db.query(`ALTER TABLE "brand" DROP COLUMN "widget_texts"`);
    await db.query(`ALTER TABLE "brand" DROP COLUMN "widget_theme"`);
    await db.query(`ALTER TABLE "brand" DROP COLUMN "widget_origins"`);
    await db.query(`ALTER TABLE "brand" DROP CONSTRAINT "brand_widget_key_key"`);
    await db.query(`ALTER TABLE "brand" DROP COLUMN "widget_key"`);
  }
}
