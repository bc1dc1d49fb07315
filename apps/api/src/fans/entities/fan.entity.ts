import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { BrandEntity } from '../../brands/entities/brand.entity';

/**
 * A fan of a brand, created on first sight of one of its identities. Balance and lifetime points
 * live next to the ledger and change in the same transaction as it (balance = SUM(ledger)).
 * A merged fan keeps its row, pointing at the survivor, so its id keeps resolving.
 */
@Entity({ name: 'fan' })
@Check('fan_balance_check', '"balance" >= 0')
@Check('fan_lifetime_points_check', '"lifetime_points" >= 0')
@Index('fan_last_active_idx', ['brandId', 'lastActiveAt'])
@Index('fan_balance_idx', ['brandId', 'balance'])
@Index('fan_merged_into_idx', ['brandId', 'mergedIntoId'], { where: '"merged_into_id" IS NOT NULL' })
export class FanEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'fan_pkey' })
  brandId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'fan_pkey' })
  id!: string;

  @ManyToOne(() => BrandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'fan_brand_id_fkey' })
  brand?: BrandEntity;

  @Column({ name: 'display_name', type: 'text', nullable: true })
  displayName!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'bigint', default: 0 })
  balance!: string;

  @Column({ name: 'lifetime_points', type: 'bigint', default: 0 })
  lifetimePoints!: string;

  @Column({ name: 'tier_name', type: 'text', nullable: true })
  tierName!: string | null;

  @Column({ name: 'tier_changed_at', type: 'timestamptz', nullable: true })
  tierChangedAt!: Date | null;

  /** The earliest `occurredAt` of the fan's events (history sent later counts from when it happened). */
  @Column({ name: 'first_seen_at', type: 'timestamptz' })
  firstSeenAt!: Date;

  @Column({ name: 'last_active_at', type: 'timestamptz' })
  lastActiveAt!: Date;

  @Column({ name: 'consent_marketing', type: 'boolean', nullable: true })
  consentMarketing!: boolean | null;

  @Column({ name: 'consent_marketing_at', type: 'timestamptz', nullable: true })
  consentMarketingAt!: Date | null;

  @Column({ name: 'consent_marketing_version', type: 'text', nullable: true })
  consentMarketingVersion!: string | null;

  @Column({ name: 'consent_profiling', type: 'boolean', nullable: true })
  consentProfiling!: boolean | null;

  @Column({ name: 'consent_profiling_at', type: 'timestamptz', nullable: true })
  consentProfilingAt!: Date | null;

  @Column({ name: 'consent_profiling_version', type: 'text', nullable: true })
  consentProfilingVersion!: string | null;

  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId!: string | null;

  @ManyToOne(() => FanEntity, { onDelete: 'NO ACTION' })
  @JoinColumn([
    { name: 'brand_id', referencedColumnName: 'brandId', foreignKeyConstraintName: 'fan_merged_into_fkey' },
    { name: 'merged_into_id', referencedColumnName: 'id' },
  ])
  mergedInto?: FanEntity | null;

  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
