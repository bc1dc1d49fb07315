import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';

import { BrandEntity } from '../../brands/entities/brand.entity';
import { FanEntity } from '../../fans/entities/fan.entity';

export const EVENT_STATUSES = ['awarded', 'no_match', 'capped', 'rejected', 'retracted'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/**
 * An engagement event as received, with its outcome. `external_id` is the sender's id: unique per
 * brand, it makes delivery idempotent (a repeat answers the stored outcome and books nothing).
 */
@Entity({ name: 'engagement_event' })
@Unique('engagement_event_external_id_key', ['brandId', 'externalId'])
@Index('engagement_event_fan_idx', ['brandId', 'fanId', 'occurredAt'])
// With the fan and the type, reports count a window's events per fan from the index alone.
@Index('engagement_event_occurred_idx', ['brandId', 'occurredAt', 'fanId', 'type'])
// Ingestion asks whether a retraction already names an arriving event.
@Index('engagement_event_retracts_idx', ['brandId', 'retractsExternalId'])
@Check(
  'engagement_event_status_check',
  `"status" IN ('awarded', 'no_match', 'capped', 'rejected', 'retracted')`,
)
export class EngagementEventEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'engagement_event_pkey' })
  brandId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'engagement_event_pkey' })
  id!: string;

  @ManyToOne(() => BrandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'engagement_event_brand_id_fkey' })
  brand?: BrandEntity;

  @Column({ name: 'external_id', type: 'text' })
  externalId!: string;

  /** Null for events that name no fan (unattributed) and for retractions. */
  @Column({ name: 'fan_id', type: 'uuid', nullable: true })
  fanId!: string | null;

  @ManyToOne(() => FanEntity, { onDelete: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'brand_id',
      referencedColumnName: 'brandId',
      foreignKeyConstraintName: 'engagement_event_fan_fkey',
    },
    { name: 'fan_id', referencedColumnName: 'id' },
  ])
  fan?: FanEntity | null;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text', nullable: true })
  channel!: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  @Column({ type: 'jsonb', nullable: true })
  properties!: Record<string, unknown> | null;

  /** For a retraction: the sender's id of the event it retracts. */
  @Column({ name: 'retracts_external_id', type: 'text', nullable: true })
  retractsExternalId!: string | null;

  @Column({ type: 'text' })
  status!: EventStatus;

  @Column({ type: 'bigint', default: 0 })
  points!: string;

  /** The answer given for the event (awards, reasons), replayed for duplicates. */
  @Column({ type: 'jsonb' })
  outcome!: Record<string, unknown>;

  @Column({ name: 'retracted_at', type: 'timestamptz', nullable: true })
  retractedAt!: Date | null;
}
