import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { type RuleDefinition } from '@fanfare/shared';

import { CampaignEntity } from './campaign.entity';

/** A rule of a campaign, at its current version; earlier versions stay in reward_rule_version. */
@Entity({ name: 'reward_rule' })
@Index('reward_rule_campaign_idx', ['brandId', 'campaignId'])
export class RewardRuleEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'reward_rule_pkey' })
  brandId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'reward_rule_pkey' })
  id!: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'brand_id',
      referencedColumnName: 'brandId',
      foreignKeyConstraintName: 'reward_rule_campaign_fkey',
    },
    { name: 'campaign_id', referencedColumnName: 'id' },
  ])
  campaign?: CampaignEntity;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'integer' })
  position!: number;

  /** Matching event type, copied from the definition so ingestion finds candidate rules by index. */
  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ type: 'jsonb' })
  definition!: RuleDefinition;

  /** Removed from its campaign; kept so that awards keep pointing at a rule. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
