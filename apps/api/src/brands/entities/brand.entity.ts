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
@Check('brand_active_window_days_check', '"active_window_days" BETWEEN 1 AND 365')
@Check('brand_analytics_state_check', `"analytics_state" IN ('current', 'recalculating')`)
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

  /** A fan is active on a day when she has a counted event in this many days ending with it. */
  @Column({ name: 'active_window_days', type: 'integer', default: 30 })
  activeWindowDays!: number;

  /** The event types that count as engagement; `custom` stands for every `custom:<name>` type. */
  @Column({
    name: 'engagement_types',
    type: 'text',
    array: true,
    default: () =>
      "'{follow,like,comment,share,mention,post,review,check_in,purchase,referral,survey_response,chat,custom}'",
  })
  engagementTypes!: string[];

  /**
   * Bumped whenever what the report rollups depend on changes (the window, the engagement types,
   * the time zone): a writer that computed its rollup rows with an older version starts again.
   */
  @Column({ name: 'analytics_version', type: 'integer', default: 1 })
  analyticsVersion!: number;

  /** `recalculating` from such a change until the rollups are rebuilt. */
  @Column({ name: 'analytics_state', type: 'text', default: 'current' })
  analyticsState!: 'current' | 'recalculating';

  @Column({ name: 'analytics_rebuilt_at', type: 'timestamptz', nullable: true })
  analyticsRebuiltAt!: Date | null;

  /** The bakery brand created for local runs; `npm run seed:demo` recreates it. */
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
