import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';

import { BrandEntity } from '../../brands/entities/brand.entity';

/**
 * A brand's Meta app: the app secret that signs deliveries (sealed: an HMAC key must be readable),
 * the verify token of the subscription handshake (only its SHA-256: it is compared, never shown
 * again), and the Pages, Instagram accounts and WhatsApp Business accounts whose deliveries count.
 */
@Entity({ name: 'meta_connection' })
export class MetaConnectionEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'meta_connection_pkey' })
  brandId!: string;

  @OneToOne(() => BrandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'meta_connection_brand_id_fkey' })
  brand?: BrandEntity;

  @Column({ name: 'app_id', type: 'text', nullable: true })
  appId!: string | null;

  @Column({ name: 'app_secret_sealed', type: 'bytea' })
  appSecretSealed!: Buffer;

  /** The secret's last four characters, so that managers can tell which one is configured. */
  @Column({ name: 'app_secret_hint', type: 'text' })
  appSecretHint!: string;

  @Column({ name: 'verify_token_hash', type: 'bytea' })
  verifyTokenHash!: Buffer;

  @Column({ name: 'page_ids', type: 'text', array: true, default: () => "'{}'" })
  pageIds!: string[];

  @Column({ name: 'instagram_ids', type: 'text', array: true, default: () => "'{}'" })
  instagramIds!: string[];

  @Column({ name: 'whatsapp_ids', type: 'text', array: true, default: () => "'{}'" })
  whatsappIds!: string[];

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;
}
