import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsUUID } from 'class-validator';

import { EngagementEventDto } from '../../events/dto/event.dto';

export class SimulateDto {
  @ApiProperty({ type: EngagementEventDto, description: 'The event to try (`id` may be left out).' })
  @IsDefined()
  event!: Record<string, unknown>;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Evaluate for this fan (caps, tier); else the event’s identity decides.',
  })
  @IsOptional()
  @IsUUID()
  fanId?: string;
}

export class SimulatedConditionDto {
  @ApiProperty({ example: 'hashtags contains "SoMeParade"' })
  condition!: string;

  @ApiProperty()
  passed!: boolean;

  @ApiProperty({ description: 'The value the event has there.', nullable: true })
  actual!: unknown;
}

export class SimulatedLimitDto {
  @ApiProperty({ enum: ['day', 'week', 'month', 'campaign', 'lifetime'] })
  window!: string;

  @ApiProperty()
  max!: number;

  @ApiProperty({ description: 'Awards the fan already has in the window.' })
  used!: number;

  @ApiProperty()
  reached!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resetsAt!: string | null;
}

export class SimulatedRuleDto {
  @ApiProperty({ format: 'uuid' })
  ruleId!: string;

  @ApiProperty()
  ruleName!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty({ format: 'uuid' })
  campaignId!: string;

  @ApiProperty({ description: 'Type, channel and every condition hold.' })
  matched!: boolean;

  @ApiProperty({ description: 'It would book points now.' })
  wouldAward!: boolean;

  @ApiProperty()
  points!: number;

  @ApiProperty({ description: 'Why, in words.' })
  explanation!: string;

  @ApiProperty({ type: [SimulatedConditionDto] })
  conditions!: SimulatedConditionDto[];

  @ApiProperty({ type: [SimulatedLimitDto] })
  limits!: SimulatedLimitDto[];

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Points left in the campaign budget (null: no budget).',
  })
  budgetLeft!: number | null;
}

export class SimulationDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The fan evaluated for (null: a new fan).',
  })
  fanId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  tier!: string | null;

  @ApiProperty()
  multiplier!: number;

  @ApiProperty({ description: 'Points the event would earn in all.' })
  points!: number;

  @ApiProperty({
    type: [SimulatedRuleDto],
    description: 'Every active rule for the event’s type, matched or not.',
  })
  rules!: SimulatedRuleDto[];
}
