import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'name', description: 'Dotted path of the field; empty for the body itself.' })
  field!: string;

  @ApiProperty({ example: 'name must be shorter than or equal to 100 characters' })
  reason!: string;
}

/** RFC 9457 problem details, as every error of this API is answered. */
export class ProblemDto {
  @ApiProperty({ example: 'https://fanfare.dev/problems/validation-failed' })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'The request is not valid.' })
  detail!: string;

  @ApiProperty({ example: 'validation_failed', description: 'Stable machine-readable code.' })
  code!: string;

  @ApiPropertyOptional({ example: '/api/v1/brands' })
  instance?: string;

  @ApiPropertyOptional({ description: 'Quote this when reporting a problem.' })
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}
