import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';

import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookMessageEntity } from './webhook-message.entity';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * One message to one endpoint, until it succeeds or is given up. `next_attempt_at` is when it is
 * due; a dispatcher that claims it moves it a lease ahead, so no other dispatcher sends it
 * meanwhile, and a dispatcher that dies mid-attempt leaves it due again when the lease ends.
 */
@Entity({ name: 'webhook_delivery' })
@Check('webhook_delivery_status_check', `"status" IN ('pending', 'succeeded', 'failed')`)
@Unique('webhook_delivery_message_key', ['brandId', 'messageId', 'endpointId'])
@Index('webhook_delivery_due_idx', ['brandId', 'nextAttemptAt'], { where: `"status" = 'pending'` })
@Index('webhook_delivery_endpoint_idx', ['brandId', 'endpointId', 'id'])
@Index('webhook_delivery_endpoint_due_idx', ['brandId', 'endpointId', 'nextAttemptAt'], {
  where: `"status" = 'pending'`,
})
export class WebhookDeliveryEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'webhook_delivery_pkey' })
  brandId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'webhook_delivery_pkey' })
  id!: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId!: string;

  @ManyToOne(() => WebhookEndpointEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'brand_id',
      referencedColumnName: 'brandId',
      foreignKeyConstraintName: 'webhook_delivery_endpoint_fkey',
    },
    { name: 'endpoint_id', referencedColumnName: 'id' },
  ])
  endpoint?: WebhookEndpointEntity;

  @Column({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  @ManyToOne(() => WebhookMessageEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'brand_id',
      referencedColumnName: 'brandId',
      foreignKeyConstraintName: 'webhook_delivery_message_fkey',
    },
    { name: 'message_id', referencedColumnName: 'id' },
  ])
  message?: WebhookMessageEntity;

  @Column({ type: 'text', default: 'pending' })
  status!: WebhookDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode!: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'succeeded_at', type: 'timestamptz', nullable: true })
  succeededAt!: Date | null;
}
