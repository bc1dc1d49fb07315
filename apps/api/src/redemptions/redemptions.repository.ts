import { Injectable } from '@nestjs/common';

import { Transactions } from '../database/transactions';
import { type RedemptionStatus, type ShippingAddress } from './entities/redemption.entity';

/** A redemption with the names staff see next to it. */
export interface RedemptionRow {
  id: string;
  fanId: string;
  fanDisplayName: string | null;
  rewardId: string;
  rewardNameDe: string;
  rewardNameEn: string;
  rewardKind: string;
  /** The link a download reward reveals once redeemed. */
  rewardDownloadUrl: string | null;
  points: string;
  status: RedemptionStatus;
  codeId: string | null;
  code: string | null;
  shippingAddress: ShippingAddress | null;
  idempotencyKey: string | null;
  requestHash: string | null;
  createdBy: string;
  createdAt: Date;
  fulfilledAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
}

export interface NewRedemption {
  id: string;
  fanId: string;
  rewardId: string;
  points: bigint;
  status: RedemptionStatus;
  codeId: string | null;
  shippingAddress: ShippingAddress | null;
  idempotencyKey: string | null;
  requestHash: string | null;
  createdBy: string;
}

export interface RedemptionFilter {
  status?: RedemptionStatus;
  rewardId?: string;
  /** The fan and the fans merged into it. */
  fanId?: string;
  from?: Date;
  to?: Date;
}

const ROW_COLUMNS = `r.id, r.fan_id, f.display_name AS fan_display_name, r.reward_id, w.name_de AS reward_name_de,
  w.name_en AS reward_name_en, w.kind AS reward_kind, w.download_url AS reward_download_url, r.points, r.status, r.code_id, c.code, r.shipping_address,
  r.idempotency_key, r.request_hash, r.created_by, r.created_at, r.fulfilled_at, r.cancelled_at, r.cancel_reason`;

const ROW_JOINS = `JOIN fan f ON f.brand_id = r.brand_id AND f.id = r.fan_id
  JOIN reward w ON w.brand_id = r.brand_id AND w.id = r.reward_id
  LEFT JOIN reward_code c ON c.brand_id = r.brand_id AND c.id = r.code_id`;

@Injectable()
export class RedemptionsRepository {
  constructor(private readonly tx: Transactions) {}

  async brandSlug(brandId: string): Promise<string | null> {
    const rows: Array<{ slug: string }> = await this.tx.manager.query(
      'SELECT slug FROM brand WHERE id = $1',
      [brandId],
    );
    return rows[0]?.slug ?? null;
  }

  async find(brandId: string, id: string): Promise<RedemptionRow | null> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager.query(
      `SELECT ${ROW_COLUMNS} FROM redemption r ${ROW_JOINS} WHERE r.brand_id = $1 AND r.id = $2`,
      [brandId, id],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async findByIdempotencyKey(brandId: string, key: string): Promise<RedemptionRow | null> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager.query(
      `SELECT ${ROW_COLUMNS} FROM redemption r ${ROW_JOINS} WHERE r.brand_id = $1 AND r.idempotency_key = $2`,
      [brandId, key],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** Locks the redemption row: fulfilments and cancellations of one redemption take turns. */
  async lock(
    brandId: string,
    id: string,
  ): Promise<{
    status: RedemptionStatus;
    fanId: string;
    rewardId: string;
    points: string;
    codeId: string | null;
  } | null> {
    const rows: Array<{
      status: RedemptionStatus;
      fan_id: string;
      reward_id: string;
      points: string;
      code_id: string | null;
    }> = await this.tx.manager.query(
      'SELECT status, fan_id, reward_id, points, code_id FROM redemption WHERE brand_id = $1 AND id = $2 FOR UPDATE',
      [brandId, id],
    );
    const row = rows[0];
    return row
      ? {
          status: row.status,
          fanId: row.fan_id,
          rewardId: row.reward_id,
          points: row.points,
          codeId: row.code_id,
        }
      : null;
  }

  /**
   * The fan's redemptions of the reward that are not cancelled (the fan's merged fans included),
   * all of them or those since the start of this calendar month in the brand's time zone.
   */
  async countForLimit(
    brandId: string,
    fanIds: string[],
    rewardId: string,
    period: 'lifetime' | 'month',
  ): Promise<number> {
    return (await this.countsForLimits(brandId, fanIds, [{ rewardId, period }])).get(rewardId) ?? 0;
  }

  /**
   * How often the fans redeemed each reward in its limit's period (not cancelled): all time, or the
   * current calendar month in the brand's time zone. One query for any number of rewards.
   */
  async countsForLimits(
    brandId: string,
    fanIds: string[],
    limits: ReadonlyArray<{ rewardId: string; period: 'lifetime' | 'month' }>,
  ): Promise<Map<string, number>> {
    if (limits.length === 0) return new Map();
    const rows: Array<{ reward_id: string; n: string }> = await this.tx.manager.query(
      `SELECT l.reward_id, count(r.id) AS n
         FROM unnest($3::uuid[], $4::text[]) AS l(reward_id, period)
         LEFT JOIN redemption r
           ON r.brand_id = $1 AND r.fan_id = ANY($2::uuid[]) AND r.reward_id = l.reward_id
          AND r.status <> 'cancelled'
          AND (l.period = 'lifetime'
               OR r.created_at >= (SELECT date_trunc('month', now() AT TIME ZONE b.time_zone) AT TIME ZONE b.time_zone
                                     FROM brand b WHERE b.id = $1))
        GROUP BY l.reward_id`,
      [brandId, fanIds, limits.map((limit) => limit.rewardId), limits.map((limit) => limit.period)],
    );
    return new Map(rows.map((row) => [row.reward_id, Number(row.n)]));
  }

  /** Takes one from a stocked reward in one statement; false when none is left. */
  async takeStock(brandId: string, rewardId: string): Promise<boolean> {
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, count] instead of the rows.
    const rows: Array<{ stock: number }> = await this.tx.manager.query(
      `WITH taken AS (
         UPDATE reward SET stock = stock - 1 WHERE brand_id = $1 AND id = $2 AND stock > 0 RETURNING stock)
       SELECT stock FROM taken`,
      [brandId, rewardId],
    );
    return rows.length > 0;
  }

  /** Puts one back into a reward that still counts its stock. */
  async returnStock(brandId: string, rewardId: string): Promise<void> {
    await this.tx.manager.query(
      'UPDATE reward SET stock = stock + 1 WHERE brand_id = $1 AND id = $2 AND stock IS NOT NULL',
      [brandId, rewardId],
    );
  }

  /**
   * Locks the next unassigned code of the pool. Codes another transaction is taking are skipped,
   * so concurrent redemptions of one coupon take different codes instead of queueing on one.
   */
  async takeCode(brandId: string, rewardId: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.tx.manager.query(
      `SELECT id FROM reward_code
        WHERE brand_id = $1 AND reward_id = $2 AND assigned_at IS NULL
        ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [brandId, rewardId],
    );
    return rows[0]?.id ?? null;
  }

  async assignCode(brandId: string, codeId: string, redemptionId: string): Promise<void> {
    await this.tx.manager.query(
      'UPDATE reward_code SET assigned_at = now(), redemption_id = $3 WHERE brand_id = $1 AND id = $2',
      [brandId, codeId, redemptionId],
    );
  }

  /** Puts a code back into its pool, and takes it from the redemption that held it. */
  async releaseCode(brandId: string, codeId: string, redemptionId: string): Promise<void> {
    await this.tx.manager.query(
      'UPDATE reward_code SET assigned_at = NULL, redemption_id = NULL WHERE brand_id = $1 AND id = $2',
      [brandId, codeId],
    );
    await this.tx.manager.query('UPDATE redemption SET code_id = NULL WHERE brand_id = $1 AND id = $2', [
      brandId,
      redemptionId,
    ]);
  }

  async insert(brandId: string, redemption: NewRedemption): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO redemption (brand_id, id, fan_id, reward_id, points, status, code_id, shipping_address,
                               idempotency_key, request_hash, created_by, fulfilled_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CASE WHEN $6 = 'fulfilled' THEN now() END)`,
      [
        brandId,
        redemption.id,
        redemption.fanId,
        redemption.rewardId,
        redemption.points.toString(),
        redemption.status,
        redemption.codeId,
        redemption.shippingAddress === null ? null : JSON.stringify(redemption.shippingAddress),
        redemption.idempotencyKey,
        redemption.requestHash,
        redemption.createdBy,
      ],
    );
  }

  async markFulfilled(brandId: string, id: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE redemption SET status = 'fulfilled', fulfilled_at = now() WHERE brand_id = $1 AND id = $2`,
      [brandId, id],
    );
  }

  async markCancelled(brandId: string, id: string, reason: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE redemption SET status = 'cancelled', cancelled_at = now(), cancel_reason = $3
        WHERE brand_id = $1 AND id = $2`,
      [brandId, id, reason],
    );
  }

  /** Newest first (ids are time-ordered), after the id of the last row of the previous page. */
  async list(
    brandId: string,
    filter: RedemptionFilter,
    limit: number,
    afterId?: string,
  ): Promise<RedemptionRow[]> {
    const params: unknown[] = [brandId, limit + 1];
    const where = ['r.brand_id = $1'];
    const add = (value: unknown, clause: (p: string) => string): void => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filter.status !== undefined) add(filter.status, (p) => `r.status = ${p}`);
    if (filter.rewardId !== undefined) add(filter.rewardId, (p) => `r.reward_id = ${p}::uuid`);
    if (filter.fanId !== undefined) {
      add(
        filter.fanId,
        (p) =>
          `r.fan_id IN (SELECT id FROM fan WHERE brand_id = $1 AND (id = ${p}::uuid OR merged_into_id = ${p}::uuid))`,
      );
    }
    if (filter.from !== undefined) add(filter.from, (p) => `r.created_at >= ${p}`);
    if (filter.to !== undefined) add(filter.to, (p) => `r.created_at < ${p}`);
    if (afterId !== undefined) add(afterId, (p) => `r.id < ${p}::uuid`);
    const rows: Array<Record<string, unknown>> = await this.tx.manager.query(
      `SELECT ${ROW_COLUMNS} FROM redemption r ${ROW_JOINS}
        WHERE ${where.join(' AND ')} ORDER BY r.id DESC LIMIT $2`,
      params,
    );
    return rows.map(toRow);
  }
}

function toRow(row: Record<string, unknown>): RedemptionRow {
  return {
    id: row.id as string,
    fanId: row.fan_id as string,
    fanDisplayName: row.fan_display_name as string | null,
    rewardId: row.reward_id as string,
    rewardNameDe: row.reward_name_de as string,
    rewardNameEn: row.reward_name_en as string,
    rewardKind: row.reward_kind as string,
    rewardDownloadUrl: row.reward_download_url as string | null,
    points: row.points as string,
    status: row.status as RedemptionStatus,
    codeId: row.code_id as string | null,
    code: row.code as string | null,
    shippingAddress: row.shipping_address as ShippingAddress | null,
    idempotencyKey: row.idempotency_key as string | null,
    requestHash: row.request_hash as string | null,
    createdBy: row.created_by as string,
    createdAt: row.created_at as Date,
    fulfilledAt: row.fulfilled_at as Date | null,
    cancelledAt: row.cancelled_at as Date | null,
    cancelReason: row.cancel_reason as string | null,
  };
}
