import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import {
  AWARD_KINDS,
  type AwardKind,
  type Channel,
  CHANNELS,
  CONDITION_OPERATORS,
  type ConditionOperator,
  EVENT_TYPES,
  LIMIT_WINDOWS,
  type LimitWindow,
  MAX_AWARD_POINTS,
  MAX_CONDITIONS,
  MAX_COOLDOWN_SECONDS,
  MAX_LIMITS,
  MAX_RULE_NAME_LENGTH,
  ROUNDING_MODES,
  type RoundingMode,
} from '@fanfare/shared';

/*
 * These classes document the shared RuleDefinition type in the OpenAPI document. Requests are not
 * validated through them: a rule is nested and its parts depend on each other (an award's fields
 * on its kind, a condition's value on its operator), so the shared `validateRule` checks it and
 * names each field (`rules.0.award.points`).
 */

export class RuleTriggerDto {
  @ApiProperty({
    example: 'comment',
    description: `The event type that triggers the rule: ${EVENT_TYPES.join(', ')}, or custom:<name>.`,
  })
  eventType!: string;

  @ApiPropertyOptional({
    enum: CHANNELS,
    isArray: true,
    minItems: 1,
    description: 'Only events from these channels; left out for every channel.',
  })
  channels?: Channel[];
}

export class RuleConditionDto {
  @ApiProperty({
    example: 'hashtags',
    description: "A property of the event's properties, or a dotted path.",
  })
  property!: string;

  @ApiProperty({ enum: CONDITION_OPERATORS })
  op!: ConditionOperator;

  @ApiPropertyOptional({
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] } },
    ],
    example: '#SoMeParade',
    description:
      'What the property is compared with: a number for gt/gte/lt/lte, a list for in, a text for ' +
      'contains, a bounded regular expression (checked for safety) for matches, nothing for exists.',
  })
  value?: unknown;
}

export class RuleAwardDto {
  @ApiProperty({
    enum: AWARD_KINDS,
    description: 'fixed: `points` per matching event; per_unit: points per unit of a numeric property.',
  })
  kind!: AwardKind;

  @ApiPropertyOptional({ example: 10, minimum: 1, maximum: MAX_AWARD_POINTS, description: 'fixed only.' })
  points?: number;

  @ApiPropertyOptional({ example: 'amount', description: 'per_unit only: the numeric property counted.' })
  property?: string;

  @ApiPropertyOptional({ example: 1, minimum: 0, exclusiveMinimum: true, description: 'per_unit only.' })
  pointsPerUnit?: number;

  @ApiPropertyOptional({
    example: 1,
    minimum: 0,
    exclusiveMinimum: true,
    description: 'per_unit only: size of a unit; 1 when left out.',
  })
  unit?: number;

  @ApiPropertyOptional({ enum: ROUNDING_MODES, description: 'per_unit only.' })
  rounding?: RoundingMode;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_AWARD_POINTS,
    description: 'per_unit only: at most this many points.',
  })
  maxPoints?: number;
}

export class RuleLimitDto {
  @ApiProperty({
    enum: LIMIT_WINDOWS,
    description: "Days, weeks and months in the brand's time zone; campaign: while the campaign runs.",
  })
  window!: LimitWindow;

  @ApiProperty({
    example: 3,
    minimum: 1,
    maximum: MAX_AWARD_POINTS,
    description: 'Awards per fan in the window.',
  })
  max!: number;
}

export class RuleDefinitionDto {
  @ApiProperty({ example: 'Instagram comment with #SoMeParade', maxLength: MAX_RULE_NAME_LENGTH })
  name!: string;

  @ApiProperty({ type: RuleTriggerDto })
  trigger!: RuleTriggerDto;

  @ApiProperty({
    type: [RuleConditionDto],
    maxItems: MAX_CONDITIONS,
    description: 'All must hold; empty for none.',
  })
  conditions!: RuleConditionDto[];

  @ApiProperty({ type: RuleAwardDto, description: 'Before the tier multiplier.' })
  award!: RuleAwardDto;

  @ApiProperty({
    type: [RuleLimitDto],
    maxItems: MAX_LIMITS,
    description: 'Per fan; one per window; empty for none.',
  })
  limits!: RuleLimitDto[];

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_COOLDOWN_SECONDS,
    description: 'Minimum seconds between two awards of this rule to one fan.',
  })
  cooldownSeconds?: number;
}

export class RuleInputDto extends RuleDefinitionDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "PATCH only: the id of one of the campaign's rules, to change that rule (a changed definition " +
      'becomes its next version). Rules without an id are new.',
  })
  id?: string;
}
