import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Imports of historical events from CSV: one row per uploaded file (unique per brand by its
 * SHA-256, so the same file is imported once), the rows waiting to be booked (deleted as they are
 * booked), and the rows that were refused with their reasons (kept as the import's report).
 */
export class EventImports1795812000000 implements MigrationInterface {
  name = 'EventImports1795812000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "event_import" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "filename" text,
      "sha256" text,
      "bytes" bigint NOT NULL DEFAULT 0,
      "status" text NOT NULL DEFAULT 'receiving',
      "rows_total" integer NOT NULL DEFAULT 0,
      "rows_valid" integer NOT NULL DEFAULT 0,
      "rows_rejected" integer NOT NULL DEFAULT 0,
      "rows_booked" integer NOT NULL DEFAULT 0,
      "awarded" integer NOT NULL DEFAULT 0,
      "no_match" integer NOT NULL DEFAULT 0,
      "capped" integer NOT NULL DEFAULT 0,
      "retracted" integer NOT NULL DEFAULT 0,
      "duplicate" integer NOT NULL DEFAULT 0,
      "rejected" integer NOT NULL DEFAULT 0,
      "points" bigint NOT NULL DEFAULT 0,
      "failures" integer NOT NULL DEFAULT 0,
      "error" text,
      "lease_until" TIMESTAMP WITH TIME ZONE,
      "created_by" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "finished_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "event_import_status_check" CHECK ("status" IN ('receiving', 'queued', 'running', 'done', 'failed')),
      CONSTRAINT "event_import_sha256_key" UNIQUE ("brand_id", "sha256"),
      CONSTRAINT "event_import_pkey" PRIMARY KEY ("brand_id", "id"))`);
    await db.query(
      `CREATE INDEX "event_import_open_idx" ON "event_import" ("updated_at") WHERE "status" IN ('receiving', 'queued', 'running')`,
    );
    await db.query(
      `ALTER TABLE "event_import" ADD CONSTRAINT "event_import_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await db.query(`CREATE TABLE "event_import_row" (
      "brand_id" uuid NOT NULL,
      "import_id" uuid NOT NULL,
      "line" integer NOT NULL,
      "event_id" text NOT NULL,
      "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "event" json NOT NULL,
      CONSTRAINT "event_import_row_pkey" PRIMARY KEY ("brand_id", "import_id", "line"))`);
    await db.query(
      `CREATE INDEX "event_import_row_order_idx" ON "event_import_row" ("brand_id", "import_id", "occurred_at", "line")`,
    );
    await db.query(
      `ALTER TABLE "event_import_row" ADD CONSTRAINT "event_import_row_import_fkey" FOREIGN KEY ("brand_id", "import_id") REFERENCES "event_import"("brand_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await db.query(`CREATE TABLE "event_import_error" (
      "brand_id" uuid NOT NULL,
      "import_id" uuid NOT NULL,
      "line" integer NOT NULL,
      "event_id" text,
      "errors" jsonb NOT NULL,
      CONSTRAINT "event_import_error_pkey" PRIMARY KEY ("brand_id", "import_id", "line"))`);
    await db.query(
      `ALTER TABLE "event_import_error" ADD CONSTRAINT "event_import_error_import_fkey" FOREIGN KEY ("brand_id", "import_id") REFERENCES "event_import"("brand_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "event_import_error"`);
    await db.query(`DROP TABLE "event_import_row"`);
    await db.query(`DROP TABLE "event_import"`);
  }
}
