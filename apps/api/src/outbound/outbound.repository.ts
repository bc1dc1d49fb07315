import { Injectable } from '@nestjs/common';

import { uuidv7 } from '@fanfare/shared';

import { Transactions } from '../database/transactions';
import { WebhookAttemptEntity } from './entities/webhook-attempt.entity';
import { type WebhookDeliveryStatus } from './entities/webhook-delivery.entity';
import { WebhookEndpointEntity } from './entities/webhook-endpoint.entity';

/** A delivery in an endpoint's log, with its message's type. */
export interface DeliveryRow {
  id: string;
  endpointId: string;
  messageId: string;
  type: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  succeededAt: Date | null;
}

/** A delivery a dispatcher has claimed, with what it needs to send it. */
export interface ClaimedDelivery {
  brandId: string;
  id: string;
  messageId: string;
  attempts: number;
  type: string;
  payload: Record<string, unknown>;
  endpointId: string;
  url: string;
  enabled: boolean;
  secretSealed: Buffer;
  previousSecretSealed: Buffer | null;
  previousExpiresAt: Date | null;
}

/** What one attempt came to. `nextAttemptAt` null: no retry (succeeded, or given up). */
export interface AttemptResult {
  attemptedAt: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  status: WebhookDeliveryStatus;
  nextAttemptAt: Date | null;
}

const DELIVERY_COLUMNS = `d.id, d.endpoint_id, d.message_id, m.type, d.status, d.attempts, d.next_attempt_at,
  d.last_attempt_at, d.last_status_code, d.last_error, d.created_at, d.succeeded_at`;

/** Outbound webhooks' tables: endpoints, the outbox, deliveries and their attempts. */
@Injectable()
export class OutboundRepository {
  constructor(private readonly tx: Transactions) {}

  listEndpoints(brandId: string): Promise<WebhookEndpointEntity[]> {
    return this.tx.manager.find(WebhookEndpointEntity, { where: { brandId }, order: { id: 'ASC' } });
  }

  findEndpoint(brandId: string, id: string): Promise<WebhookEndpointEntity | null> {
    return this.tx.manager.findOneBy(WebhookEndpointEntity, { brandId, id });
  }

  lockEndpoint(brandId: string, id: string): Promise<WebhookEndpointEntity | null> {
    return this.tx.manager.findOne(WebhookEndpointEntity, {
      where: { brandId, id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  countEndpoints(brandId: string): Promise<number> {
    return this.tx.manager.countBy(WebhookEndpointEntity, { brandId });
  }

  async insertEndpoint(endpoint: WebhookEndpointEntity): Promise<void> {
    await this.tx.manager.insert(WebhookEndpointEntity, endpoint);
  }

  async saveEndpoint(endpoint: WebhookEndpointEntity): Promise<void> {
    await this.tx.manager.save(WebhookEndpointEntity, endpoint);
  }

  async deleteEndpoint(brandId: string, id: string): Promise<void> {
    await this.tx.manager.delete(WebhookEndpointEntity, { brandId, id });
  }

  /**
   * Disables an enabled endpoint; false when it was disabled already. Its pending deliveries fail
   * with it (they can be replayed once it is enabled again).
   */
  async disableEndpoint(brandId: string, id: string, reason: string): Promise<boolean> {
    const [, count] = await this.tx.manager.query<[unknown, number]>(
      `UPDATE webhook_endpoint SET enabled = false, disabled_reason = $3, disabled_at = now(), updated_at = now()
        WHERE brand_id = $1 AND id = $2 AND enabled`,
      [brandId, id, reason],
    );
    if (count === 0) return false;
    await this.failPending(brandId, id, 'Not sent: the endpoint was disabled.');
    return true;
  }

  async failPending(brandId: string, endpointId: string, reason: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE webhook_delivery SET status = 'failed', last_error = $3
        WHERE brand_id = $1 AND endpoint_id = $2 AND status = 'pending'`,
      [brandId, endpointId, reason],
    );
  }

  /** A message addressed to one endpoint only (the outbox trigger leaves test messages alone). */
  async insertAddressedMessage(
    brandId: string,
    endpointId: string,
    type: string,
    payload: Record<string, unknown>,
  ): Promise<{ messageId: string; deliveryId: string }> {
    const messageId = uuidv7();
    const deliveryId = uuidv7();
    await this.tx.manager.query(
      `WITH m AS (INSERT INTO webhook_message (brand_id, id, type, payload) VALUES ($1, $2, $3, $4) RETURNING brand_id, id)
       INSERT INTO webhook_delivery (brand_id, id, endpoint_id, message_id) SELECT m.brand_id, $5, $6, m.id FROM m`,
      [brandId, messageId, type, JSON.stringify(payload), deliveryId, endpointId],
    );
    return { messageId, deliveryId };
  }

  /** An endpoint's deliveries, newest first (ids are time-ordered). */
  async listDeliveries(
    brandId: string,
    endpointId: string,
    options: { status?: WebhookDeliveryStatus; limit: number; afterId?: string },
  ): Promise<DeliveryRow[]> {
    const params: unknown[] = [brandId, endpointId, options.limit + 1];
    const where = ['d.brand_id = $1', 'd.endpoint_id = $2'];
    // Conditions only when given, so that the cursor bounds the index scan.
    if (options.status !== undefined) where.push(`d.status = $${params.push(options.status)}`);
    if (options.afterId !== undefined) where.push(`d.id < $${params.push(options.afterId)}`);
    const rows: Array<Record<string, unknown>> = await this.tx.manager.query(
      `SELECT ${DELIVERY_COLUMNS}
         FROM webhook_delivery d
         JOIN webhook_message m ON m.brand_id = d.brand_id AND m.id = d.message_id
        WHERE ${where.join(' AND ')}
        ORDER BY d.id DESC LIMIT $3`,
      params,
    );
    return rows.map(toDeliveryRow);
  }

  async findDelivery(
    brandId: string,
    endpointId: string,
    deliveryId: string,
  ): Promise<(DeliveryRow & { payload: Record<string, unknown> }) | null> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager.query(
      `SELECT ${DELIVERY_COLUMNS}, m.payload
         FROM webhook_delivery d
         JOIN webhook_message m ON m.brand_id = d.brand_id AND m.id = d.message_id
        WHERE d.brand_id = $1 AND d.endpoint_id = $2 AND d.id = $3`,
      [brandId, endpointId, deliveryId],
    );
    const row = rows[0];
    return row ? { ...toDeliveryRow(row), payload: row.payload as Record<string, unknown> } : null;
  }

  listAttempts(brandId: string, deliveryId: string): Promise<WebhookAttemptEntity[]> {
    return this.tx.manager.find(WebhookAttemptEntity, {
      where: { brandId, deliveryId },
      order: { id: 'ASC' },
    });
  }

  /** Due now again, whatever it came to; attempts keep counting. */
  async replay(brandId: string, endpointId: string, deliveryId: string): Promise<boolean> {
    const [, count] = await this.tx.manager.query<[unknown, number]>(
      `UPDATE webhook_delivery SET status = 'pending', next_attempt_at = now(), succeeded_at = NULL
        WHERE brand_id = $1 AND endpoint_id = $2 AND id = $3`,
      [brandId, endpointId, deliveryId],
    );
    return count > 0;
  }

  /**
   * Claims up to `limit` due deliveries of the brand's endpoint: each is moved `leaseMs` ahead in the same
   * statement that locks it, so a concurrent claim skips it now and finds it not due after the
   * commit. A claim whose attempt never ends (the process died) is due again after the lease.
   */
  async claim(
    brandId: string,
    endpointId: string,
    limit: number,
    leaseMs: number,
  ): Promise<ClaimedDelivery[]> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager.query(
      `WITH due AS (
         SELECT brand_id, id FROM webhook_delivery
          WHERE brand_id = $1 AND endpoint_id = $4 AND status = 'pending' AND next_attempt_at <= now()
          ORDER BY next_attempt_at LIMIT $2
          FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE webhook_delivery d SET next_attempt_at = now() + make_interval(secs => $3::double precision / 1000)
           FROM due WHERE d.brand_id = due.brand_id AND d.id = due.id
         RETURNING d.brand_id, d.id, d.endpoint_id, d.message_id, d.attempts)
       SELECT c.brand_id, c.id, c.message_id, c.attempts, m.type, m.payload, c.endpoint_id, e.url, e.enabled,
              e.secret_sealed, e.previous_secret_sealed, e.previous_expires_at
         FROM claimed c
         JOIN webhook_message m ON m.brand_id = c.brand_id AND m.id = c.message_id
         JOIN webhook_endpoint e ON e.brand_id = c.brand_id AND e.id = c.endpoint_id
        ORDER BY c.id`,
      [brandId, limit, leaseMs, endpointId],
    );
    return rows.map((row) => ({
      brandId: row.brand_id as string,
      id: row.id as string,
      messageId: row.message_id as string,
      attempts: row.attempts as number,
      type: row.type as string,
      payload: row.payload as Record<string, unknown>,
      endpointId: row.endpoint_id as string,
      url: row.url as string,
      enabled: row.enabled as boolean,
      secretSealed: row.secret_sealed as Buffer,
      previousSecretSealed: row.previous_secret_sealed as Buffer | null,
      previousExpiresAt: row.previous_expires_at as Date | null,
    }));
  }

  /**
   * Records an attempt and its outcome in one statement. A retry does not revive a delivery that
   * failed meanwhile (its endpoint was disabled); a success is recorded whatever happened meanwhile.
   */
  async recordAttempt(brandId: string, deliveryId: string, result: AttemptResult): Promise<void> {
    await this.tx.manager.query(
      `WITH a AS (
         INSERT INTO webhook_attempt (brand_id, id, delivery_id, attempted_at, status_code, error, duration_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7))
       UPDATE webhook_delivery
          SET attempts = attempts + 1, last_attempt_at = $4, last_status_code = $5, last_error = $6,
              status = $8, next_attempt_at = coalesce($9, next_attempt_at),
              succeeded_at = CASE WHEN $8 = 'succeeded' THEN now() END
        WHERE brand_id = $1 AND id = $3 AND (status = 'pending' OR $8 = 'succeeded')`,
      [
        brandId,
        uuidv7(),
        deliveryId,
        result.attemptedAt,
        result.statusCode,
        result.error,
        result.durationMs,
        result.status,
        result.nextAttemptAt,
      ],
    );
  }

  /**
   * Brands with a pending delivery (`dueOnly`: one due now). A skip scan over the pending index:
   * one probe per such brand, however many deliveries wait.
   */
  async brandsPending(dueOnly: boolean): Promise<string[]> {
    const rows: Array<{ brand_id: string }> = await this.tx.manager.query(
      `WITH RECURSIVE b AS (
         (SELECT brand_id FROM webhook_delivery WHERE status = 'pending' ORDER BY brand_id LIMIT 1)
         UNION ALL
         SELECT (SELECT d.brand_id FROM webhook_delivery d
                  WHERE d.status = 'pending' AND d.brand_id > b.brand_id ORDER BY d.brand_id LIMIT 1)
           FROM b WHERE b.brand_id IS NOT NULL)
       SELECT b.brand_id FROM b
        WHERE b.brand_id IS NOT NULL
          AND (NOT $1 OR EXISTS (SELECT 1 FROM webhook_delivery d
                                  WHERE d.brand_id = b.brand_id AND d.status = 'pending'
                                    AND d.next_attempt_at <= now()))`,
      [dueOnly],
    );
    return rows.map((row) => row.brand_id);
  }

  /** When the brand's next pending delivery is due; null when none is pending. */
  /** The brand's endpoints with deliveries due now. */
  async endpointsDue(brandId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.tx.manager.query(
      `SELECT e.id FROM webhook_endpoint e
        WHERE e.brand_id = $1
          AND EXISTS (SELECT 1 FROM webhook_delivery d
                       WHERE d.brand_id = e.brand_id AND d.endpoint_id = e.id
                         AND d.status = 'pending' AND d.next_attempt_at <= now())
        ORDER BY e.id`,
      [brandId],
    );
    return rows.map((row) => row.id);
  }

  async nextDue(brandId: string): Promise<Date | null> {
    const rows: Array<{ at: Date }> = await this.tx.manager.query(
      `SELECT next_attempt_at AS at FROM webhook_delivery
        WHERE brand_id = $1 AND status = 'pending' ORDER BY next_attempt_at LIMIT 1`,
      [brandId],
    );
    return rows[0]?.at ?? null;
  }

  /** Deletes up to `limit` messages created before `before` that no delivery waits for. */
  async purgeMessages(before: Date, limit: number): Promise<number> {
    const [, count] = await this.tx.manager.query<[unknown, number]>(
      `DELETE FROM webhook_message m
        WHERE (m.brand_id, m.id) IN (
          SELECT o.brand_id, o.id FROM webhook_message o
           WHERE o.created_at < $1
             AND NOT EXISTS (SELECT 1 FROM webhook_delivery d
                              WHERE d.brand_id = o.brand_id AND d.message_id = o.id AND d.status = 'pending')
           ORDER BY o.created_at LIMIT $2)`,
      [before, limit],
    );
    return count;
  }
}

function toDeliveryRow(row: Record<string, unknown>): DeliveryRow {
  return {
    id: row.id as string,
    endpointId: row.endpoint_id as string,
    messageId: row.message_id as string,
    type: row.type as string,
    status: row.status as WebhookDeliveryStatus,
    attempts: row.attempts as number,
    nextAttemptAt: row.next_attempt_at as Date,
    lastAttemptAt: row.last_attempt_at as Date | null,
    lastStatusCode: row.last_status_code as number | null,
    lastError: row.last_error as string | null,
    createdAt: row.created_at as Date,
    succeededAt: row.succeeded_at as Date | null,
  };
}
