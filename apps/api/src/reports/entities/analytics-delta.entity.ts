import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { BrandEntity } from '../../brands/entities/brand.entity';

/**
 * The report rollups, as changes per day: a metric's value on day D is the sum of its deltas on
 * days ≤ D (`active`, `total`, balances), or the sum within a period (`new`, `events`, points).
 * Writers only append, so concurrent transactions never wait on one row; a job folds each
 * brand's rows into one per (dim, metric, day).
 */
@Entity({ name: 'analytics_delta' })
export class AnalyticsDeltaEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'analytics_delta_pkey' })
  brandId!: string;

  @ManyToOne(() => BrandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'analytics_delta_brand_id_fkey' })
  brand?: BrandEntity;

  /** `''`, `ch:<channel>`, `cp:<campaign id>` or `co:<cohort month's first day>`. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'analytics_delta_pkey' })
  dim!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'analytics_delta_pkey' })
  metric!: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'analytics_delta_pkey' })
  day!: string;

  @PrimaryColumn({
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    generated: 'identity',
    primaryKeyConstraintName: 'analytics_delta_pkey',
  })
  seq!: string;

  @Column({ type: 'bigint' })
  delta!: string;
}
