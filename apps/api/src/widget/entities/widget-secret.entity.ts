import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { BrandEntity } from '../../brands/entities/brand.entity';

/**
 * A brand's widget signing secret. The brand's backend signs fan tokens (HS256) with it and names it
 * in the token's `kid`. Stored encrypted (a HMAC key must be readable to verify). Rotation gives the
 * old secrets an `expires_at`, so that tokens signed with them keep working during the overlap.
 */
@Entity({ name: 'widget_secret' })
@Check('widget_secret_kid_check', `"kid" ~ '^wk_[A-Za-z0-9]{8,64}$'`)
export class WidgetSecretEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'widget_secret_pkey' })
  brandId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'widget_secret_pkey' })
  kid!: string;

  @ManyToOne(() => BrandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'widget_secret_brand_id_fkey' })
  brand?: BrandEntity;

  @Column({ name: 'secret_sealed', type: 'bytea' })
  secretSealed!: Buffer;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** Null: valid until rotated. Set by a rotation (end of the overlap) or a revocation (now). */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;
}
