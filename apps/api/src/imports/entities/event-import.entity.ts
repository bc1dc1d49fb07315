import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';

import { BrandEntity } from '../../brands/entities/brand.entity';

export const IMPORT_STATUSES = ['receiving', 'queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * One uploaded CSV file of historical events. While the upload streams in, the import is
 * `receiving`; with its last byte it knows its SHA-256 (unique per brand: the same file is
 * imported once) and is `queued` for booking; the booking job makes it `running`, then `done` or
 * `failed`. The counters are its report and its progress.
 */
@Entity({ name: 'event_import' })
@Check('event_import_status_check', `"status" IN ('receiving', 'queued', 'running', 'done', 'failed')`)
@Unique('event_import_sha256_key', ['brandId', 'sha256'])
@Index('event_import_open_idx', ['updatedAt'], { where: `"status" IN ('receiving', 'queued', 'running')` })
export class EventImportEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'event_import_pkey' })
  brandId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'event_import_pkey' })
  id!: string;

  @ManyToOne(() => BrandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'event_import_brand_id_fkey' })
  brand?: BrandEntity;

  @Column({ type: 'text', nullable: true })
  filename!: string | null;

  /** Hex SHA-256 of the file's bytes; null while it is being received. */
  @Column({ type: 'text', nullable: true })
  sha256!: string | null;

  @Column({ type: 'bigint', default: 0 })
  bytes!: string;

  @Column({ type: 'text', default: 'receiving' })
  status!: ImportStatus;

  /** Data rows read (the header and blank lines not counted). */
  @Column({ name: 'rows_total', type: 'integer', default: 0 })
  rowsTotal!: number;

  /** Rows that passed validation and were staged for booking. */
  @Column({ name: 'rows_valid', type: 'integer', default: 0 })
  rowsValid!: number;

  @Column({ name: 'rows_rejected', type: 'integer', default: 0 })
  rowsRejected!: number;

  /** Staged rows the booking job has put through the earning engine: the progress. */
  @Column({ name: 'rows_booked', type: 'integer', default: 0 })
  rowsBooked!: number;

  @Column({ type: 'integer', default: 0 })
  awarded!: number;

  @Column({ name: 'no_match', type: 'integer', default: 0 })
  noMatch!: number;

  @Column({ type: 'integer', default: 0 })
  capped!: number;

  @Column({ type: 'integer', default: 0 })
  retracted!: number;

  @Column({ type: 'integer', default: 0 })
  duplicate!: number;

  @Column({ type: 'integer', default: 0 })
  rejected!: number;

  @Column({ type: 'bigint', default: 0 })
  points!: string;

  /** Booking attempts that failed since the last batch that went through. */
  @Column({ type: 'integer', default: 0 })
  failures!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** While a booking job works on the import: until when no other job may take it. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  /** Who uploaded it: a user's email or an API key's name. */
  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
