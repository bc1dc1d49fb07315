import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { BrandEntity } from '../../brands/entities/brand.entity';

export const CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** A reward campaign: a schedule, a status, an optional points budget and its rules. */
@Entity({ name: 'campaign' })
@Check('campaign_status_check', `"status" IN ('draft', 'active', 'paused', 'ended')`)
@Check('campaign_budget_check', '"budget_points" IS NULL OR "points_issued" <= "budget_points"')
@Check('campaign_schedule_check', '"ends_at" IS NULL OR "ends_at" > "starts_at"')
export class CampaignEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'campaign_pkey' })
  brandId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'campaign_pkey' })
  id!: string;

  @ManyToOne(() => BrandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'campaign_brand_id_fkey' })
  brand?: BrandEntity;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text' })
  status!: CampaignStatus;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt!: Date | null;

  @Column({ name: 'budget_points', type: 'bigint', nullable: true })
  budgetPoints!: string | null;

  /** Net points booked by the campaign's rules (awards minus reversals): what the budget limits. */
  @Column({ name: 'points_issued', type: 'bigint', default: 0 })
  pointsIssued!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
