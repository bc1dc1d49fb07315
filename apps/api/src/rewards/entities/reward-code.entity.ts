import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';

import { RedemptionEntity } from '../../redemptions/entities/redemption.entity';
import { RewardEntity } from './reward.entity';

/**
 * A coupon code of a reward's pool. It is unassigned until a redemption takes it; the partial
 * index finds the next unassigned code of a reward without reading the assigned ones.
 */
@Entity({ name: 'reward_code' })
@Unique('reward_code_code_key', ['brandId', 'rewardId', 'code'])
@Index('reward_code_unassigned_idx', ['brandId', 'rewardId', 'id'], { where: '"assigned_at" IS NULL' })
@Check('reward_code_code_check', 'char_length("code") BETWEEN 1 AND 200')
@Check('reward_code_assigned_check', '"redemption_id" IS NULL OR "assigned_at" IS NOT NULL')
export class RewardCodeEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'reward_code_pkey' })
  brandId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'reward_code_pkey' })
  id!: string;

  @Column({ name: 'reward_id', type: 'uuid' })
  rewardId!: string;

  @ManyToOne(() => RewardEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'brand_id',
      referencedColumnName: 'brandId',
      foreignKeyConstraintName: 'reward_code_reward_fkey',
    },
    { name: 'reward_id', referencedColumnName: 'id' },
  ])
  reward?: RewardEntity;

  @Column({ type: 'text' })
  code!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** Set when a redemption takes the code; null while it is in the pool. */
  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt!: Date | null;

  /** The redemption that holds the code. */
  @Column({ name: 'redemption_id', type: 'uuid', nullable: true })
  redemptionId!: string | null;

  @ManyToOne(() => RedemptionEntity, { onDelete: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'brand_id',
      referencedColumnName: 'brandId',
      foreignKeyConstraintName: 'reward_code_redemption_fkey',
    },
    { name: 'redemption_id', referencedColumnName: 'id' },
  ])
  redemption?: RedemptionEntity | null;
}
