import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { FanEntity } from '../../fans/entities/fan.entity';

/** Each time a fan's tier changed, and why. */
@Entity({ name: 'fan_tier_change' })
@Index('fan_tier_change_fan_idx', ['brandId', 'fanId', 'changedAt'])
export class FanTierChangeEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'fan_tier_change_pkey' })
  brandId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'fan_tier_change_pkey' })
  id!: string;

  @Column({ name: 'fan_id', type: 'uuid' })
  fanId!: string;

  @ManyToOne(() => FanEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'brand_id',
      referencedColumnName: 'brandId',
      foreignKeyConstraintName: 'fan_tier_change_fan_fkey',
    },
    { name: 'fan_id', referencedColumnName: 'id' },
  ])
  fan?: FanEntity;

  @Column({ name: 'from_tier', type: 'text', nullable: true })
  fromTier!: string | null;

  @Column({ name: 'to_tier', type: 'text', nullable: true })
  toTier!: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt!: Date;

  @Column({ type: 'text' })
  cause!: string;
}
