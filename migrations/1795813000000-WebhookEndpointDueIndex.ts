import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Outbound deliveries are sent per endpoint, each endpoint on its own, so that a slow or failing
 * receiver does not hold up the brand's other endpoints. This index finds an endpoint's due
 * deliveries without reading past those of the brand's other endpoints.
 */
export class WebhookEndpointDueIndex1795813000000 implements MigrationInterface {
  name = 'WebhookEndpointDueIndex1795813000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX "webhook_delivery_endpoint_due_idx" ON "webhook_delivery" ("brand_id", "endpoint_id", "next_attempt_at") WHERE "status" = 'pending'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "webhook_delivery_endpoint_due_idx"`);
  }
}
