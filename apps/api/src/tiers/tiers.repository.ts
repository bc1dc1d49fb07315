import { Injectable } from '@nestjs/common';

import { type TierBasis } from '@fanfare/shared';

import { BrandEntity } from '../brands/entities/brand.entity';
import { Transactions } from '../database/transactions';
import { TierEntity } from './entities/tier.entity';

@Injectable()
export class TiersRepository {
  constructor(private readonly tx: Transactions) {}

  /** The brand's basis and ladder (lowest threshold first) in one query; null when the brand does not exist. */
  async ladder(brandId: string): Promise<{
    basis: TierBasis;
    tiers: Array<Pick<TierEntity, 'name' | 'threshold' | 'multiplier' | 'perks'>>;
  } | null> {
    const rows: Array<{
      tier_basis: TierBasis;
      name: string | null;
      threshold: string | null;
      multiplier: string | null;
      perks: string | null;
    }> = await this.tx.prepared(
      `SELECT b.tier_basis, t.name, t.threshold, t.multiplier, t.perks
         FROM brand b LEFT JOIN tier t ON t.brand_id = b.id
        WHERE b.id = $1
        ORDER BY t.threshold`,
      [brandId],
    );
    const [first] = rows;
    if (!first) return null;
    return {
      basis: first.tier_basis,
      tiers: rows.flatMap((row) =>
        row.name === null
          ? []
          : [
              {
                name: row.name,
                threshold: row.threshold!,
                multiplier: row.multiplier!,
                perks: row.perks ?? '',
              },
            ],
      ),
    };
  }

  /** Locks the brand row, so that ladder replacements of one brand run one after the other. */
  async lockBasis(brandId: string): Promise<TierBasis | null> {
    const brand = await this.tx.manager
      .createQueryBuilder(BrandEntity, 'b')
      .select(['b.id', 'b.tierBasis'])
      .setLock('pessimistic_write')
      .where('b.id = :brandId', { brandId })
      .getOne();
    return brand?.tierBasis ?? null;
  }

  /** The ladder from the lowest threshold up. */
  list(brandId: string): Promise<TierEntity[]> {
    return this.tx.manager.find(TierEntity, { where: { brandId }, order: { threshold: 'ASC' } });
  }

  /** Replaces the whole ladder and the basis it counts on. */
  async replace(
    brandId: string,
    basis: TierBasis,
    tiers: ReadonlyArray<Pick<TierEntity, 'id' | 'name' | 'threshold' | 'multiplier' | 'perks'>>,
  ): Promise<void> {
    await this.tx.manager.delete(TierEntity, { brandId });
    if (tiers.length > 0) {
      await this.tx.manager.insert(
        TierEntity,
        tiers.map((tier) => ({ ...tier, brandId })),
      );
    }
    await this.tx.manager.update(
      BrandEntity,
      { id: brandId },
      { tierBasis: basis, updatedAt: () => 'now()' },
    );
  }
}
