import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { BrandEntity } from '../../brands/entities/brand.entity';

/**
 * The outbox: one row per event to announce, written by triggers in the transaction of the change
 * (so it exists exactly when the change does). `payload` is the body as sent:
 * `{ type, timestamp, data }`. Its id is the Standard Webhooks `webhook-id` (`msg_<id>`).
 */
@Entity({ name: 'webhook_message' })
@Index('webhook_message_created_idx', ['createdAt'])
export class WebhookMessageEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'webhook_message_pkey' })
  brandId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'webhook_message_pkey' })
  id!: string;

  @ManyToOne(() => BrandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'webhook_message_brand_id_fkey' })
  brand?: BrandEntity;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
