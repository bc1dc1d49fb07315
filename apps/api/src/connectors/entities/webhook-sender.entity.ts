import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { BrandEntity } from '../../brands/entities/brand.entity';

/**
 * A system that sends a brand events as Standard Webhooks (`POST /hooks/generic/{brandId}`), with
 * its `whsec_…` secret (sealed). A rotation keeps the previous secret valid until
 * `previous_expires_at`, so the sender can switch without losing a delivery.
 */
@Entity({ name: 'webhook_sender' })
export class WebhookSenderEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'webhook_sender_pkey' })
  brandId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'webhook_sender_pkey' })
  id!: string;

  @ManyToOne(() => BrandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'webhook_sender_brand_id_fkey' })
  brand?: BrandEntity;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'secret_sealed', type: 'bytea' })
  secretSealed!: Buffer;

  @Column({ name: 'previous_secret_sealed', type: 'bytea', nullable: true })
  previousSecretSealed!: Buffer | null;

  @Column({ name: 'previous_expires_at', type: 'timestamptz', nullable: true })
  previousExpiresAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;
}
