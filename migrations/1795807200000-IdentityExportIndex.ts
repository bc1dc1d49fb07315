import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The identities-by-fan index also holds each identity's channel, external id and handle, so that
 * the fans export lists every fan's identities with an index-only scan instead of a heap read per
 * identity (1.4 million of them on the large benchmark brand: 1.8 s → 0.9 s).
 */
export class IdentityExportIndex1795807200000 implements MigrationInterface {
  name = 'IdentityExportIndex1795807200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "fan_identity_fan_idx"`);
    await db.query(
      `CREATE INDEX "fan_identity_fan_idx" ON "fan_identity" ("brand_id", "fan_id", "channel", "external_id", "handle")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "fan_identity_fan_idx"`);
    await db.query(`CREATE INDEX "fan_identity_fan_idx" ON "fan_identity" ("brand_id", "fan_id")`);
  }
}
