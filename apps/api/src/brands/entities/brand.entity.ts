import { Check, Column, Entity, PrimaryColumn, Unique } from 'typeorm';

import { type Locale } from '@fanfare/shared';

/** The tenant. Every tenant table carries `brand_id` in its primary key and foreign keys. */
@Entity({ name: 'brand' })
@Unique('brand_slug_key', ['slug'])
@Check('brand_locale_check', `"locale" IN ('de', 'en')`)
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

  /** The bakery brand created for local runs; `npm run seed:demo` recreates it. */
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
