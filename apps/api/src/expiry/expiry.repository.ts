import { Injectable } from '@nestjs/common';

import { Transactions } from '../database/transactions';

export interface BrandUpkeep {
  id: string;
  timeZone: string;
  pointsExpiryDays: number | null;
  tierBasis: 'lifetime' | 'rolling_12_months';
}

/**
 * What FIFO expiry needs of one fan's ledger: its own entries and those of the fans merged into it,
 * as one history.
 */
export interface ExpiryFigures {
  /** Points of lots earned before the cutoff, less what was reversed of them. */
  expiredLots: bigint;
  /** Everything spent, taken away or already expired (reversals excepted: they cancel their own lot). */
  debits: bigint;
}

@Injectable()
export class ExpiryRepository {
  constructor(private readonly tx: Transactions) {}

  /** Brands whose points need daily upkeep: those with expiry, and those with a rolling tier basis. */
  async brandsNeedingUpkeep(): Promise<BrandUpkeep[]> {
    const rows: Array<{
      id: string;
      time_zone: string;
      points_expiry_days: number | null;
      tier_basis: 'lifetime' | 'rolling_12_months';
    }> = await this.tx.manager.query(
      `SELECT id, time_zone, points_expiry_days, tier_basis FROM brand
        WHERE points_expiry_days IS NOT NULL OR tier_basis = 'rolling_12_months'
        ORDER BY id`,
    );
    return rows.map((row) => ({
      id: row.id,
      timeZone: row.time_zone,
      pointsExpiryDays: row.points_expiry_days,
      tierBasis: row.tier_basis,
    }));
  }

  async brand(brandId: string): Promise<BrandUpkeep | null> {
    const rows: Array<{
      id: string;
      time_zone: string;
      points_expiry_days: number | null;
      tier_basis: 'lifetime' | 'rolling_12_months';
    }> = await this.tx.manager.query(
      'SELECT id, time_zone, points_expiry_days, tier_basis FROM brand WHERE id = $1',
      [brandId],
    );
    const [row] = rows;
    return row
      ? {
          id: row.id,
          timeZone: row.time_zone,
          pointsExpiryDays: row.points_expiry_days,
          tierBasis: row.tier_basis,
        }
      : null;
  }

  /** The next fans (by id) that could have points to expire or a tier to lose; merged fans excepted. */
  async nextFans(brandId: string, afterId: string | null, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.tx.manager.query(
      `SELECT id FROM fan
        WHERE brand_id = $1 AND merged_into_id IS NULL AND (balance > 0 OR tier_name IS NOT NULL)
          AND ($2::uuid IS NULL OR id > $2::uuid)
        ORDER BY id LIMIT $3`,
      [brandId, afterId, limit],
    );
    return rows.map((row) => row.id);
  }

  async figures(brandId: string, fanIds: string[], cutoff: Date): Promise<Map<string, ExpiryFigures>> {
    if (fanIds.length === 0) return new Map();
    const rows: Array<{ fan_id: string; expired_lots: string; debits: string }> = await this.tx.manager.query(
      `SELECT coalesce(f.merged_into_id, f.id) AS fan_id,
              coalesce(sum(l.points) FILTER (WHERE l.occurred_at < $3 AND (l.points > 0 OR l.kind = 'reverse')), 0)
                AS expired_lots,
              coalesce(-sum(l.points) FILTER (WHERE l.points < 0 AND l.kind <> 'reverse'), 0) AS debits
         FROM fan f
         JOIN ledger_entry l ON l.brand_id = f.brand_id AND l.fan_id = f.id
        WHERE f.brand_id = $1 AND (f.id = ANY($2::uuid[]) OR f.merged_into_id = ANY($2::uuid[]))
          -- A merge moves the balance by a pair of entries; counted together, the merged fan's
          -- lots keep their age instead of starting anew on the merge day.
          AND l.cause_key NOT LIKE 'merge:%'
        GROUP BY 1`,
      [brandId, fanIds, cutoff],
    );
    return new Map(
      rows.map((row) => [row.fan_id, { expiredLots: BigInt(row.expired_lots), debits: BigInt(row.debits) }]),
    );
  }
}
