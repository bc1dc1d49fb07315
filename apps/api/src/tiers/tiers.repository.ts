import { Injectable } from '@nestjs/common';

import { type TierBasis } from '@fanfare/shared';

import { BrandEntity } from '../brands/entities/brand.entity';
import { Transactions } from '../database/transactions';
import { TierEntity } from './entities/tier.entity';

@Injectable()
export class TiersRepository {
  constructor(private readonly tx: Transactions) {}

  /** The brand's tier basis; null when the brand does not exist. */
  async basisOf(brandId: string): Promise<TierBasis | null> {
    const brand = await this.tx.manager.findOne(BrandEntity, {
      select: { id: true, tierBasis: true },
      where: { id: brandId },
    });
    return brand?.tierBasis ?? null;
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
