import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';

import { BrandEntity } from '../../brands/entities/brand.entity';
import { CampaignEntity } from '../../campaigns/entities/campaign.entity';
import { RewardRuleEntity } from '../../campaigns/entities/reward-rule.entity';
import { FanEntity } from '../../fans/entities/fan.entity';

export const LEDGER_KINDS = ['earn', 'redeem', 'refund', 'expire', 'adjust', 'reverse'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * The append-only points ledger. `cause_key` names what booked the entry (an event and rule, a
 * reversal, an adjustment request…) and is unique per brand, so no cause is ever booked twice.
 * Rows are never updated or deleted; a fan's balance is the sum of its entries.
 */
@Entity({ name: 'ledger_entry' })
@Unique('ledger_entry_cause_key', ['brandId', 'causeKey'])
@Index('ledger_entry_fan_idx', ['brandId', 'fanId', 'id'])
@Index('ledger_entry_rule_window_idx', ['brandId', 'fanId', 'ruleId', 'occurredAt'])
@Index('ledger_entry_reverses_idx', ['brandId', 'reversesEntryId'])
@Index('ledger_entry_event_idx', ['brandId', 'eventId'])
// Reports and the ledger export read a brand's entries by date.
@Index('ledger_entry_occurred_idx', ['brandId', 'occurredAt'])
@Check('ledger_entry_kind_check', `"kind" IN ('earn', 'redeem', 'refund', 'expire', 'adjust', 'reverse')`)
@Check('ledger_entry_points_check', `"points" <> 0`)
export class LedgerEntryEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'ledger_entry_pkey' })
  brandId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'ledger_entry_pkey' })
  id!: string;

  @ManyToOne(() => BrandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'ledger_entry_brand_id_fkey' })
  brand?: BrandEntity;

  @Column({ name: 'fan_id', type: 'uuid' })
  fanId!: string;

  @ManyToOne(() => FanEntity, { onDelete: 'NO ACTION' })
  @JoinColumn([
    { name: 'brand_id', referencedColumnName: 'brandId', foreignKeyConstraintName: 'ledger_entry_fan_fkey' },
    { name: 'fan_id', referencedColumnName: 'id' },
  ])
  fan?: FanEntity;

  @Column({ type: 'text' })
  kind!: LedgerKind;

  /** Signed: positive adds to the balance, negative takes from it. */
  @Column({ type: 'bigint' })
  points!: string;

  @Column({ name: 'cause_key', type: 'text' })
  causeKey!: string;

  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId!: string | null;

  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId!: string | null;

  /** A campaign that booked points cannot be deleted (it can be ended). */
  @ManyToOne(() => CampaignEntity, { onDelete: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'brand_id',
      referencedColumnName: 'brandId',
      foreignKeyConstraintName: 'ledger_entry_campaign_fkey',
    },
    { name: 'campaign_id', referencedColumnName: 'id' },
  ])
  campaign?: CampaignEntity | null;

  @Column({ name: 'rule_id', type: 'uuid', nullable: true })
  ruleId!: string | null;

  @ManyToOne(() => RewardRuleEntity, { onDelete: 'NO ACTION' })
  @JoinColumn([
    { name: 'brand_id', referencedColumnName: 'brandId', foreignKeyConstraintName: 'ledger_entry_rule_fkey' },
    { name: 'rule_id', referencedColumnName: 'id' },
  ])
  rule?: RewardRuleEntity | null;

  @Column({ name: 'rule_version', type: 'integer', nullable: true })
  ruleVersion!: number | null;

  /** When the cause happened (the event's occurredAt): cap windows count by it. */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** The entry this one reverses (kind reverse). */
  @Column({ name: 'reverses_entry_id', type: 'uuid', nullable: true })
  reversesEntryId!: string | null;

  /** Why, for people: an adjustment's reason, an award's computation. */
  @Column({ type: 'text', default: '' })
  reason!: string;

  /** What was stored to explain the entry later (award detail, conditions, multiplier). */
  @Column({ type: 'jsonb', nullable: true })
  explanation!: Record<string, unknown> | null;

  @Column({ name: 'actor_label', type: 'text', nullable: true })
  actorLabel!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
