import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { type FieldError } from '../../common/errors/domain-error';
import { EventImportEntity } from './event-import.entity';

/** A row of an import that was refused, with the reasons by column: the import's report. */
@Entity({ name: 'event_import_error' })
export class EventImportErrorEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'event_import_error_pkey' })
  brandId!: string;

  @PrimaryColumn({ name: 'import_id', type: 'uuid', primaryKeyConstraintName: 'event_import_error_pkey' })
  importId!: string;

  @ManyToOne(() => EventImportEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'brand_id',
      referencedColumnName: 'brandId',
      foreignKeyConstraintName: 'event_import_error_import_fkey',
    },
    { name: 'import_id', referencedColumnName: 'id' },
  ])
  import?: EventImportEntity;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'event_import_error_pkey' })
  line!: number;

  /** The row's event id when it was readable. */
  @Column({ name: 'event_id', type: 'text', nullable: true })
  eventId!: string | null;

  @Column({ type: 'jsonb' })
  errors!: FieldError[];
}
