import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';

import { BrandEntity } from '../../brands/entities/brand.entity';

export type HookSource = 'meta' | 'generic';
export type HookDeliveryStatus = 'pending' | 'processed' | 'failed';

/**
 * The inbox: every signed delivery, stored as received (the raw bytes) before it is answered, and
 * processed on the job queue. `delivery_key` deduplicates retries: the webhook-id of a generic
 * sender, the SHA-256 of the body for Meta (which retries the same body). Raw bodies are deleted
 * when the retention ends or a fan named in them is erased; the row stays as the delivery log.
 */
@Entity({ name: 'hook_delivery' })
@Check('hook_delivery_source_check', `"source" IN ('meta', 'generic')`)
@Check('hook_delivery_status_check', `"status" IN ('pending', 'processed', 'failed')`)
@Unique('hook_delivery_key_key', ['brandId', 'source', 'deliveryKey'])
@Index('hook_delivery_received_idx', ['brandId', 'receivedAt'])
@Index('hook_delivery_pending_idx', ['receivedAt'], { where: `"status" = 'pending'` })
@Index('hook_delivery_body_idx', ['receivedAt'], { where: '"body" IS NOT NULL' })
export class HookDeliveryEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'hook_delivery_pkey' })
  brandId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'hook_delivery_pkey' })
  id!: string;

  @ManyToOne(() => BrandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'hook_delivery_brand_id_fkey' })
  brand?: BrandEntity;

  @Column({ type: 'text' })
  source!: HookSource;

  @Column({ name: 'sender_id', type: 'uuid', nullable: true })
  senderId!: string | null;

  @Column({ name: 'delivery_key', type: 'text' })
  deliveryKey!: string;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  @Column({ name: 'content_type', type: 'text', nullable: true })
  contentType!: string | null;

  @Column({ type: 'bytea', nullable: true })
  body!: Buffer | null;

  @Column({ name: 'body_bytes', type: 'integer' })
  bodyBytes!: number;

  /** A test delivery from the admin: mapped and logged, never booked. */
  @Column({ type: 'boolean', default: false })
  test!: boolean;

  @Column({ type: 'text', default: 'pending' })
  status!: HookDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** While a worker processes the delivery: others leave it alone until then. */
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil!: Date | null;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  summary!: Record<string, unknown> | null;

  /** The fans the delivery's events went to: an erasure deletes the raw bodies that name them. */
  @Column({ name: 'fan_ids', type: 'uuid', array: true, default: () => "'{}'" })
  fanIds!: string[];
}
