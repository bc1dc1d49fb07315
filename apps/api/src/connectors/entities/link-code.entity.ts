import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { FanEntity } from '../../fans/entities/fan.entity';

export const LINKABLE_CHANNELS = ['facebook', 'instagram', 'whatsapp', 'x'] as const;
export type LinkableChannel = (typeof LINKABLE_CHANNELS)[number];

/**
 * A one-time code a fan asked for in the widget to link an account on `channel`: the signed
 * delivery that carries it from an account of that channel links the account to her.
 */
@Entity({ name: 'link_code' })
@Check('link_code_channel_check', `"channel" IN ('facebook', 'instagram', 'whatsapp', 'x')`)
@Index('link_code_fan_idx', ['brandId', 'fanId'])
export class LinkCodeEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'link_code_pkey' })
  brandId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'link_code_pkey' })
  code!: string;

  @Column({ name: 'fan_id', type: 'uuid' })
  fanId!: string;

  @ManyToOne(() => FanEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'brand_id', referencedColumnName: 'brandId', foreignKeyConstraintName: 'link_code_fan_fkey' },
    { name: 'fan_id', referencedColumnName: 'id' },
  ])
  fan?: FanEntity;

  @Column({ type: 'text' })
  channel!: LinkableChannel;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  /** The identity the code linked. */
  @Column({ name: 'identity_id', type: 'uuid', nullable: true })
  identityId!: string | null;
}
