import { ApiProperty } from '@nestjs/swagger';

import { CODE_SAMPLE_SIZE, MAX_CODE_LENGTH, MAX_CODES_PER_UPLOAD, MAX_REJECTED_LISTED } from '../code-upload';
import { type CodeUploadOutcome } from '../rewards.service';

/** The JSON form of a code upload; CSV and plain text carry the codes as lines. */
export class UploadCodesDto {
  @ApiProperty({
    type: [String],
    maxItems: MAX_CODES_PER_UPLOAD,
    example: ['KAFFEE-7Q2M', 'KAFFEE-9X4T'],
    description: `Codes of 1 to ${MAX_CODE_LENGTH} characters, trimmed; blank ones are counted and skipped.`,
  })
  codes!: string[];
}

export class CodeSampleDto {
  @ApiProperty({ example: 2 })
  count!: number;

  @ApiProperty({
    type: [String],
    maxItems: CODE_SAMPLE_SIZE,
    description: `Up to ${CODE_SAMPLE_SIZE} of them.`,
  })
  sample!: string[];
}

export class RejectedLineDto {
  @ApiProperty({
    example: 7,
    description: 'The line of the file (from 1), or the position in codes[] for JSON.',
  })
  line!: number;

  @ApiProperty({ example: `is longer than ${MAX_CODE_LENGTH} characters` })
  reason!: string;
}

export class CodeUploadResultDto {
  @ApiProperty({ example: 98, description: 'Codes stored by this upload.' })
  added!: number;

  @ApiProperty({
    type: CodeSampleDto,
    description: 'Repeats of a code earlier in the same upload (stored once).',
  })
  duplicatesInUpload!: CodeSampleDto;

  @ApiProperty({
    type: CodeSampleDto,
    description: "Codes that the reward's pool already held (not stored again).",
  })
  alreadyStored!: CodeSampleDto;

  @ApiProperty({ example: 1, description: 'Blank lines (or empty first columns), skipped.' })
  blankLines!: number;

  @ApiProperty({
    type: [RejectedLineDto],
    maxItems: MAX_REJECTED_LISTED,
    description: `Codes that cannot be stored, by line: the first ${MAX_REJECTED_LISTED}.`,
  })
  rejected!: RejectedLineDto[];

  @ApiProperty({ example: 1, description: 'All rejected lines, listed or not.' })
  rejectedCount!: number;

  @ApiProperty({ example: 120, description: 'Codes in the pool that nobody holds yet, after the upload.' })
  codesAvailable!: number;

  @ApiProperty({ example: 22, description: 'Codes handed out with redemptions.' })
  codesAssigned!: number;
}

export function toCodeUploadResultDto(outcome: CodeUploadOutcome): CodeUploadResultDto {
  return {
    added: outcome.added,
    duplicatesInUpload: outcome.duplicatesInUpload,
    alreadyStored: outcome.alreadyStored,
    blankLines: outcome.blankLines,
    rejected: outcome.rejected.slice(0, MAX_REJECTED_LISTED),
    rejectedCount: outcome.rejected.length,
    codesAvailable: outcome.codes.available,
    codesAssigned: outcome.codes.assigned,
  };
}
