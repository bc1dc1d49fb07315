import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';

import { FanEntity } from './fan.entity';

/** A fan's account on one channel: (brand, channel, external id) names exactly one identity. */
@Entity({ name: 'fan_identity' })
@Unique('fan_identity_channel_external_id_key', ['brandId', 'channel', 'externalId'])
// Channel, external id and handle too: the fans export reads identities from the index alone.
@Index('fan_identity_fan_idx', ['brandId', 'fanId', 'channel', 'externalId', 'handle'])
export class FanIdentityEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'fan_identity_pkey' })
  brandId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'fan_identity_pkey' })
  id!: string;

  @Column({ name: 'fan_id', type: 'uuid' })
  fanId!: string;

  @ManyToOne(() => FanEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'brand_id', referencedColumnName: 'brandId', foreignKeyConstraintName: 'fan_identity_fan_fkey' },
    { name: 'fan_id', referencedColumnName: 'id' },
  ])
  fan?: FanEntity;

  @Column({ type: 'text' })
  channel!: string;

  @Column({ name: 'external_id', type: 'text' })
  externalId!: string;

  @Column({ type: 'text', nullable: true })
  handle!: string | null;

  @Column({ name: 'display_name', type: 'text', nullable: true })
  displayName!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** How the identity was tied to the fan: first sight, a merge, a verified link. */
  @Column({ type: 'text', default: 'first_sight' })
  source!: string;

  /**
   * How a verified link was proven: the code and the signed delivery that carried it, or the
   * manager who linked by hand. Null for identities seen first in an event.
   */
  @Column({ type: 'jsonb', nullable: true })
  proof!: Record<string, unknown> | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
