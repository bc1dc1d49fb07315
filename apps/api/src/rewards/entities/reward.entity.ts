import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { BrandEntity } from '../../brands/entities/brand.entity';

export const REWARD_KINDS = ['coupon', 'download', 'physical', 'custom'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];

export const PER_FAN_PERIODS = ['lifetime', 'month'] as const;
export type PerFanPeriod = (typeof PER_FAN_PERIODS)[number];

/**
 * A goodie of the brand's catalogue. Stock counts what is left (null: unlimited); a coupon's
 * stock is its pool of unassigned codes, so its own stock stays null. The checks repeat the
 * service's rules as the last line of defence.
 */
@Entity({ name: 'reward' })
@Index('reward_position_idx', ['brandId', 'position', 'id'])
@Check('reward_kind_check', `"kind" IN ('coupon', 'download', 'physical', 'custom')`)
@Check('reward_cost_points_check', '"cost_points" >= 1')
@Check('reward_stock_check', '"stock" IS NULL OR "stock" >= 0')
@Check('reward_coupon_stock_check', `"kind" <> 'coupon' OR "stock" IS NULL`)
@Check('reward_download_url_check', `("kind" = 'download') = ("download_url" IS NOT NULL)`)
@Check('reward_per_fan_limit_check', '"per_fan_limit" IS NULL OR "per_fan_limit" >= 1')
@Check(
  'reward_per_fan_period_check',
  `("per_fan_limit" IS NULL) = ("per_fan_period" IS NULL) AND ("per_fan_period" IS NULL OR "per_fan_period" IN ('lifetime', 'month'))`,
)
@Check(
  'reward_availability_check',
  '"available_from" IS NULL OR "available_until" IS NULL OR "available_until" > "available_from"',
)
@Check('reward_low_stock_threshold_check', '"low_stock_threshold" IS NULL OR "low_stock_threshold" >= 0')
export class RewardEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'reward_pkey' })
  brandId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'reward_pkey' })
  id!: string;

  @ManyToOne(() => BrandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'reward_brand_id_fkey' })
  brand?: BrandEntity;

  @Column({ name: 'name_de', type: 'text' })
  nameDe!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  @Column({ name: 'description_de', type: 'text', default: '' })
  descriptionDe!: string;

  @Column({ name: 'description_en', type: 'text', default: '' })
  descriptionEn!: string;

  @Column({ name: 'image_url', type: 'text', nullable: true })
  imageUrl!: string | null;

  @Column({ name: 'cost_points', type: 'bigint' })
  costPoints!: string;

  @Column({ type: 'text' })
  kind!: RewardKind;

  /** Revealed to a fan only after redeeming; to staff only to owners and managers. */
  @Column({ name: 'download_url', type: 'text', nullable: true })
  downloadUrl!: string | null;

  @Column({ type: 'integer', nullable: true })
  stock!: number | null;

  @Column({ name: 'per_fan_limit', type: 'integer', nullable: true })
  perFanLimit!: number | null;

  @Column({ name: 'per_fan_period', type: 'text', nullable: true })
  perFanPeriod!: PerFanPeriod | null;

  /** The name of the lowest tier that may redeem; checked against the ladder when it is set. */
  @Column({ name: 'min_tier', type: 'text', nullable: true })
  minTier!: string | null;

  @Column({ name: 'available_from', type: 'timestamptz', nullable: true })
  availableFrom!: Date | null;

  @Column({ name: 'available_until', type: 'timestamptz', nullable: true })
  availableUntil!: Date | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'low_stock_threshold', type: 'integer', nullable: true })
  lowStockThreshold!: number | null;

  /** Place in the catalogue, lowest first; ties go by id (creation order). */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
