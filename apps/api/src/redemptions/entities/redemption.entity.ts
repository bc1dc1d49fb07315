import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';

import { BrandEntity } from '../../brands/entities/brand.entity';
import { FanEntity } from '../../fans/entities/fan.entity';
import { RewardCodeEntity } from '../../rewards/entities/reward-code.entity';
import { RewardEntity } from '../../rewards/entities/reward.entity';

export const REDEMPTION_STATUSES = ['pending', 'fulfilled', 'cancelled'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

/** Where a physical reward goes. */
export interface ShippingAddress {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
}

/**
 * A fan spending points on a reward. `points` is the cost at redemption time (what a cancellation
 * refunds). A coupon code belongs to at most one redemption (unique code_id); the idempotency key
 * is unique per brand, and `request_hash` tells a retry from another request under the same key.
 */
@Entity({ name: 'redemption' })
@Unique('redemption_idempotency_key', ['brandId', 'idempotencyKey'])
@Unique('redemption_code_key', ['brandId', 'codeId'])
@Index('redemption_status_idx', ['brandId', 'status', 'id'])
@Index('redemption_reward_idx', ['brandId', 'rewardId', 'id'])
@Index('redemption_fan_idx', ['brandId', 'fanId', 'id'])
@Index('redemption_created_at_idx', ['brandId', 'createdAt'])
@Check('redemption_points_check', '"points" > 0')
@Check('redemption_status_check', `"status" IN ('pending', 'fulfilled', 'cancelled')`)
@Check('redemption_idempotency_check', '("idempotency_key" IS NULL) = ("request_hash" IS NULL)')
@Check('redemption_fulfilled_check', `"status" <> 'fulfilled' OR "fulfilled_at" IS NOT NULL`)
@Check('redemption_cancelled_check', `("status" = 'cancelled') = ("cancelled_at" IS NOT NULL)`)
export class RedemptionEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'redemption_pkey' })
  brandId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'redemption_pkey' })
  id!: string;

  @ManyToOne(() => BrandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'redemption_brand_id_fkey' })
  brand?: BrandEntity;

  @Column({ name: 'fan_id', type: 'uuid' })
  fanId!: string;

  @ManyToOne(() => FanEntity, { onDelete: 'NO ACTION' })
  @JoinColumn([
    { name: 'brand_id', referencedColumnName: 'brandId', foreignKeyConstraintName: 'redemption_fan_fkey' },
    { name: 'fan_id', referencedColumnName: 'id' },
  ])
  fan?: FanEntity;

  @Column({ name: 'reward_id', type: 'uuid' })
  rewardId!: string;

  /** A reward that was redeemed stays (it can be made inactive). */
  @ManyToOne(() => RewardEntity, { onDelete: 'NO ACTION' })
  @JoinColumn([
    { name: 'brand_id', referencedColumnName: 'brandId', foreignKeyConstraintName: 'redemption_reward_fkey' },
    { name: 'reward_id', referencedColumnName: 'id' },
  ])
  reward?: RewardEntity;

  @Column({ type: 'bigint' })
  points!: string;

  @Column({ type: 'text' })
  status!: RedemptionStatus;

  /** The coupon code handed out; cleared when a cancellation puts the code back in the pool. */
  @Column({ name: 'code_id', type: 'uuid', nullable: true })
  codeId!: string | null;

  @ManyToOne(() => RewardCodeEntity, { onDelete: 'NO ACTION' })
  @JoinColumn([
    { name: 'brand_id', referencedColumnName: 'brandId', foreignKeyConstraintName: 'redemption_code_fkey' },
    { name: 'code_id', referencedColumnName: 'id' },
  ])
  code?: RewardCodeEntity | null;

  @Column({ name: 'shipping_address', type: 'jsonb', nullable: true })
  shippingAddress!: ShippingAddress | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  /** SHA-256 of the request the key was first used with. */
  @Column({ name: 'request_hash', type: 'text', nullable: true })
  requestHash!: string | null;

  /** Who redeemed: a staff member's email, an API key's name, or the widget. */
  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'fulfilled_at', type: 'timestamptz', nullable: true })
  fulfilledAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason!: string | null;
}
