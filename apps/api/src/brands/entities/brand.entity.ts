import { Check, Column, Entity, PrimaryColumn, Unique } from 'typeorm';

import { type Locale } from '@fanfare/shared';

/** The tenant. Every tenant table carries `brand_id` in its primary key and foreign keys. */
@Entity({ name: 'brand' })
@Unique('brand_slug_key', ['slug'])
@Check('brand_locale_check', `"locale" IN ('de', 'en')`)
@Check('brand_tier_basis_check', `"tier_basis" IN ('lifetime', 'rolling_12_months')`)
@Check('brand_points_expiry_days_check', '"points_expiry_days" IS NULL OR "points_expiry_days" > 0')
export class BrandEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'brand_pkey' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ type: 'text' })
  locale!: Locale;

  /** What tier thresholds count: all points ever earned, or those of the last 12 months. */
  @Column({ name: 'tier_basis', type: 'text', default: 'lifetime' })
  tierBasis!: 'lifetime' | 'rolling_12_months';

  /** Points expire this many days after they were earned (first in, first out); null: never. */
  @Column({ name: 'points_expiry_days', type: 'integer', nullable: true })
  pointsExpiryDays!: number | null;

  /** The bakery brand created for local runs; `npm run seed:demo` recreates it. */
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
