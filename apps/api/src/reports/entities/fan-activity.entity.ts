import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { BrandEntity } from '../../brands/entities/brand.entity';

/**
 * What the report rollups know of one fan in one dimension: `''` (all channels), `ch:<channel>` or
 * `cp:<campaign id>`. Days are day numbers (days since 1970-01-01) of calendar days in the brand's
 * time zone. Kept by ingestion, merges and erasures under the fan's lock; rebuilt from the events
 * and the ledger when the brand's analytics settings or time zone change.
 */
@Entity({ name: 'fan_activity' })
export class FanActivityEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'fan_activity_pkey' })
  brandId!: string;

  // No foreign key to the fan on purpose: a rebuild writes these rows while holding the brand's
  // analytics lock, and the key check would wait for fans that ingestion holds locked while it
  // waits for that lock. Fans are never deleted; merges move their rows.
  @ManyToOne(() => BrandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'fan_activity_brand_id_fkey' })
  brand?: BrandEntity;

  @PrimaryColumn({ name: 'fan_id', type: 'uuid', primaryKeyConstraintName: 'fan_activity_pkey' })
  fanId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'fan_activity_pkey' })
  dim!: string;

  /** The day the fan was first seen: overall, on the channel, or earning in the campaign. */
  @Column({ name: 'first_day', type: 'integer' })
  firstDay!: number;

  /** The distinct days with counted activity, ascending. */
  @Column({ type: 'integer', array: true, default: () => "'{}'" })
  days!: number[];
}
