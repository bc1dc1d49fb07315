import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { EventImportEntity } from './event-import.entity';

/**
 * A valid row of an import, waiting to be booked: the Fanfare event it stands for. Rows are
 * booked in the order the events happened and deleted in the transaction that records their
 * outcome, so the rows left are exactly the ones still to book.
 */
@Entity({ name: 'event_import_row' })
@Index('event_import_row_order_idx', ['brandId', 'importId', 'occurredAt', 'line'])
export class EventImportRowEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'event_import_row_pkey' })
  brandId!: string;

  @PrimaryColumn({ name: 'import_id', type: 'uuid', primaryKeyConstraintName: 'event_import_row_pkey' })
  importId!: string;

  @ManyToOne(() => EventImportEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'brand_id',
      referencedColumnName: 'brandId',
      foreignKeyConstraintName: 'event_import_row_import_fkey',
    },
    { name: 'import_id', referencedColumnName: 'id' },
  ])
  import?: EventImportEntity;

  /** The line of the file the row starts on. */
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'event_import_row_pkey' })
  line!: number;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /**
   * The event as POST …/events takes it. `json`, not `jsonb`: it is written once and read back
   * whole, and storing the text as it is costs half of converting it (measured).
   */
  @Column({ type: 'json' })
  event!: Record<string, unknown>;
}
