import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { NotBlank } from '../../common/http/validators';
import { MAX_RULES_PER_CAMPAIGN } from '../rule-input';
import { RuleDefinitionDto } from './rule-definition.dto';

export const MAX_BUDGET_POINTS = 1_000_000_000_000;
export const CREATABLE_STATUSES = ['draft', 'active', 'paused'] as const;

export class CreateCampaignDto {
  @ApiProperty({ example: 'Summer of reviews', minLength: 1, maxLength: 100 })
  @IsString()
  @NotBlank()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Empty when left out.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ format: 'date-time', example: '2026-06-01T00:00:00+02:00' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO 8601 date and time' })
  startsAt!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'After startsAt; left out or null for an open end.',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'endsAt must be an ISO 8601 date and time' })
  endsAt?: string | null;

  @ApiPropertyOptional({
    enum: CREATABLE_STATUSES,
    description:
      'draft when left out. A campaign is created as a draft, active or paused; it ends through PATCH ' +
      'or when endsAt passes.',
  })
  @IsOptional()
  @IsIn(CREATABLE_STATUSES, { message: `status must be one of ${CREATABLE_STATUSES.join(', ')}` })
  status?: (typeof CREATABLE_STATUSES)[number];

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: MAX_BUDGET_POINTS,
    description: 'The most points the campaign may award in total; null or left out for no budget.',
  })
  @IsOptional()
  @IsInt({ message: 'budgetPoints must be a whole number of points' })
  @Min(1)
  @Max(MAX_BUDGET_POINTS)
  budgetPoints?: number | null;

  @ApiPropertyOptional({
    type: [RuleDefinitionDto],
    maxItems: MAX_RULES_PER_CAMPAIGN,
    description: 'The reward rules, in the order they are shown; none when left out.',
  })
  @IsOptional()
  @IsArray()
  rules?: unknown[];
}
