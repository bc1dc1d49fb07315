import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';

import { BrandEntity } from '../../brands/entities/brand.entity';

/** One rung of a brand's tier ladder. */
@Entity({ name: 'tier' })
@Unique('tier_name_key', ['brandId', 'name'])
@Unique('tier_threshold_key', ['brandId', 'threshold'])
@Check('tier_multiplier_check', '"multiplier" >= 1 AND "multiplier" <= 10')
export class TierEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'tier_pkey' })
  brandId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'tier_pkey' })
  id!: string;

  @ManyToOne(() => BrandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'tier_brand_id_fkey' })
  brand?: BrandEntity;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'bigint' })
  threshold!: string;

  @Column({ type: 'numeric', precision: 4, scale: 2 })
  multiplier!: string;

  @Column({ type: 'text', default: '' })
  perks!: string;
}
