import { Check, Column, Entity, PrimaryColumn, Unique } from 'typeorm';

import { type Locale } from '@fanfare/shared';

// Type aliases rather than interfaces: they are JSON values (audit changes) as they stand.
export type WidgetTheme = {
  primaryColor?: string;
  textColor?: string;
  backgroundColor?: string;
};

export type WidgetTextSet = {
  title?: string;
  welcome?: string;
};

export type WidgetTexts = Partial<Record<Locale, WidgetTextSet>>;

/** The tenant. Every tenant table carries `brand_id` in its primary key and foreign keys. */
@Entity({ name: 'brand' })
@Unique('brand_slug_key', ['slug'])
@Check('brand_locale_check', `"locale" IN ('de', 'en')`)
@Check('brand_tier_basis_check', `"tier_basis" IN ('lifetime', 'rolling_12_months')`)
@Check('brand_points_expiry_days_check', '"points_expiry_days" IS NULL OR "points_expiry_days" > 0')
@Unique('brand_widget_key_key', ['widgetKey'])
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

  /** The publishable widget key `pk_…`: names the brand in the widget's requests; not a secret. */
  @Column({ name: 'widget_key', type: 'text' })
  widgetKey!: string;

  /** Origins (`https://shop.example`) whose pages may call the widget API (CORS). */
  @Column({ name: 'widget_origins', type: 'text', array: true, default: () => "'{}'" })
  widgetOrigins!: string[];

  /** The widget's colours: `{ primaryColor?, textColor?, backgroundColor? }` as #rrggbb. */
  @Column({ name: 'widget_theme', type: 'jsonb', default: () => "'{}'" })
  widgetTheme!: WidgetTheme;

  /** The widget's own texts per language: `{ de?: { title?, welcome? }, en?: … }`. */
  @Column({ name: 'widget_texts', type: 'jsonb', default: () => "'{}'" })
  widgetTexts!: WidgetTexts;

  /** The bakery brand created for local runs; `npm run seed:demo` recreates it. */
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
