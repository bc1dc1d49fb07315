import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsInt, IsISO8601, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

import { IfPresent, IfValue, NotBlank } from '../../common/http/validators';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../entities/campaign.entity';
import { MAX_RULES_PER_CAMPAIGN } from '../rule-input';
import { MAX_BUDGET_POINTS } from './create-campaign.dto';
import { RuleInputDto } from './rule-definition.dto';

export class UpdateCampaignDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IfPresent()
  @IsString()
  @NotBlank()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IfPresent()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IfPresent()
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO 8601 date and time' })
  startsAt?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'null: open end.' })
  @IfValue()
  @IsISO8601({ strict: true }, { message: 'endsAt must be an ISO 8601 date and time' })
  endsAt?: string | null;

  @ApiPropertyOptional({
    enum: CAMPAIGN_STATUSES,
    description:
      'draft → active or paused; active → paused or ended; paused → active or ended; ended is final ' +
      '(409 invalid_transition). A campaign with a blocking policy finding cannot be active (409 policy_blocked).',
  })
  @IfPresent()
  @IsIn(CAMPAIGN_STATUSES, { message: `status must be one of ${CAMPAIGN_STATUSES.join(', ')}` })
  status?: CampaignStatus;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: MAX_BUDGET_POINTS,
    description: 'null: no budget. Not below the points already issued.',
  })
  @IfValue()
  @IsInt({ message: 'budgetPoints must be a whole number of points' })
  @Min(1)
  @Max(MAX_BUDGET_POINTS)
  budgetPoints?: number | null;

  @ApiPropertyOptional({
    type: [RuleInputDto],
    maxItems: MAX_RULES_PER_CAMPAIGN,
    description:
      'The complete new list of rules, in order. An item with the id of a rule changes that rule ' +
      '(a changed definition becomes its next version; points already booked stay as they are); ' +
      "items without an id are new rules; rules left out are removed (kept for the ledger's history). " +
      'Leave rules out to keep them as they are.',
  })
  @IfPresent()
  @IsArray()
  rules?: unknown[];
}
