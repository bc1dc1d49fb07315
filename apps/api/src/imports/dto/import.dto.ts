import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

import { FieldErrorDto } from '../../common/errors/problem.dto';
import { IfPresent } from '../../common/http/validators';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IMPORT_STATUSES, type ImportStatus } from '../entities/event-import.entity';
import { type ImportRecord, type RefusedRow } from '../imports.repository';

export class CreateImportQueryDto {
  @ApiPropertyOptional({
    maxLength: 255,
    example: 'shop-events-2025.csv',
    description: 'The name of the file, shown in the list of imports.',
  })
  @IfPresent()
  @IsString()
  @MaxLength(255)
  filename?: string;
}

export class ImportPageQueryDto extends PageQueryDto {}

export class ImportOutcomesDto {
  @ApiProperty({ description: 'Events that earned points.' })
  awarded!: number;

  @ApiProperty({ description: 'Events stored that matched no rule (or were unattributed).' })
  no_match!: number;

  @ApiProperty({ description: 'Events that matched a rule whose cap, cooldown or budget was reached.' })
  capped!: number;

  @ApiProperty({ description: 'Retractions that took back an earlier event.' })
  retracted!: number;

  @ApiProperty({ description: 'Events whose id was booked before (by an earlier import or the API).' })
  duplicate!: number;

  @ApiProperty({ description: 'Rows the engine refused while booking (their reasons are in errors.csv).' })
  rejected!: number;
}

export class ImportErrorDto {
  @ApiProperty({ example: 7, description: 'The line of the file the row starts on (the header is line 1).' })
  line!: number;

  @ApiProperty({ nullable: true, type: String, description: "The row's event id, when it was readable." })
  id!: string | null;

  @ApiProperty({ type: [FieldErrorDto], description: 'Each reason with the column it is about.' })
  errors!: FieldErrorDto[];
}

export class ImportDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({
    enum: IMPORT_STATUSES,
    description:
      'receiving: the file is arriving; queued: waiting to be booked; running: being booked; done; failed (see error).',
  })
  status!: ImportStatus;

  @ApiProperty({ nullable: true, type: String })
  filename!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: "Hex SHA-256 of the file's bytes; null while it is being received.",
  })
  sha256!: string | null;

  @ApiProperty({ description: 'Bytes received.' })
  bytes!: number;

  @ApiProperty({ description: 'Data rows read (the header and blank rows not counted).' })
  rowsTotal!: number;

  @ApiProperty({ description: 'Rows that passed validation: what is booked.' })
  rowsValid!: number;

  @ApiProperty({ description: 'Rows refused before booking (see errors.csv).' })
  rowsRejected!: number;

  @ApiProperty({ description: 'Valid rows booked so far: the progress is rowsBooked / rowsValid.' })
  rowsBooked!: number;

  @ApiProperty({ type: ImportOutcomesDto, description: 'What the booked rows came to.' })
  outcomes!: ImportOutcomesDto;

  @ApiProperty({
    description:
      'Net points the booked rows came to: what they awarded, less what their retractions took back.',
  })
  points!: number;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why booking failed (or the last failed attempt).',
  })
  error!: string | null;

  @ApiProperty({ description: "Who uploaded the file: a user's email or an API key's name." })
  createdBy!: string;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String })
  finishedAt!: string | null;
}

export class ImportDetailDto extends ImportDto {
  @ApiProperty({
    type: [ImportErrorDto],
    description: 'The first refused rows (up to 20) in line order; errors.csv has all that are kept.',
  })
  errorSample!: ImportErrorDto[];
}

export class ImportPageDto {
  @ApiProperty({ type: [ImportDto] })
  items!: ImportDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}

export function toImportDto(record: ImportRecord): ImportDto {
  return {
    id: record.id,
    status: record.status,
    filename: record.filename,
    sha256: record.sha256,
    bytes: record.bytes,
    rowsTotal: record.rowsTotal,
    rowsValid: record.rowsValid,
    rowsRejected: record.rowsRejected,
    rowsBooked: record.rowsBooked,
    outcomes: {
      awarded: record.outcomes.awarded,
      no_match: record.outcomes.noMatch,
      capped: record.outcomes.capped,
      retracted: record.outcomes.retracted,
      duplicate: record.outcomes.duplicate,
      rejected: record.outcomes.rejected,
    },
    points: record.outcomes.points,
    error: record.error,
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
    finishedAt: record.finishedAt?.toISOString() ?? null,
  };
}

export function toImportDetailDto(record: ImportRecord, sample: readonly RefusedRow[]): ImportDetailDto {
  return {
    ...toImportDto(record),
    errorSample: sample.map((row) => ({ line: row.line, id: row.eventId, errors: row.errors })),
  };
}
