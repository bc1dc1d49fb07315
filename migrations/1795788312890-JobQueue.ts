import PgBoss from 'pg-boss';
import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The job queue's tables (pg-boss, schema `pgboss`), created here rather than by pg-boss at start,
 * so that every schema change goes through migrations. pg-boss is pinned to an exact version;
 * upgrading it means a new migration running `PgBoss.getMigrationPlans('pgboss', <old version>)`.
 * Also an index for finding the fans merged into one (expiry and rolling tiers count their ledger).
 */
export class JobQueue1795788312890 implements MigrationInterface {
  name = 'JobQueue1795788312890';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The plan opens and commits its own transaction; the migration already runs in one.
    const plan = PgBoss.getConstructionPlans('pgboss')
      .replace(/^\s*BEGIN;/, '')
      .replace(/COMMIT;\s*$/, '');
    await queryRunner.query(plan);
    await queryRunner.query(
      `CREATE INDEX "fan_merged_into_idx" ON "fan" ("brand_id", "merged_into_id") WHERE "merged_into_id" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "fan_merged_into_idx"');
    await queryRunner.query('DROP SCHEMA pgboss CASCADE');
  }
}
