import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';

import { type ApiKeyScope } from '@fanfare/shared';

import { BrandEntity } from '../../brands/entities/brand.entity';
import { UserEntity } from '../../users/entities/user.entity';

/** A brand's secret key for server-to-server calls. Only a SHA-256 of the secret is stored. */
@Entity({ name: 'api_key' })
@Unique('api_key_secret_hash_key', ['brandId', 'secretHash'])
// Bearer keys arrive without their brand: looked up by hash, then checked against the route's brand.
@Index('api_key_secret_hash_idx', ['secretHash'])
export class ApiKeyEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'api_key_pkey' })
  brandId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'api_key_pkey' })
  id!: string;

  @ManyToOne(() => BrandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'api_key_brand_id_fkey' })
  brand?: BrandEntity;

  @Column({ type: 'text' })
  name!: string;

  /** The first characters of the secret, enough to recognise a key in a list. */
  @Column({ type: 'text' })
  prefix!: string;

  @Column({ name: 'secret_hash', type: 'bytea' })
  secretHash!: Buffer;

  @Column({ type: 'text', array: true })
  scopes!: ApiKeyScope[];

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_user_id', foreignKeyConstraintName: 'api_key_created_by_user_id_fkey' })
  createdBy?: UserEntity | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
