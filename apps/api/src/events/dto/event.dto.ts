import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { CHANNELS } from '@fanfare/shared';

import { FieldErrorDto } from '../../common/errors/problem.dto';

export class FanRefDto {
  @ApiProperty({
    example: '17841400000000001',
    description: "The fan's id on the event's channel (or your customer id for web).",
  })
  externalId!: string;

  @ApiPropertyOptional({ example: 'anna.backt' })
  handle?: string;

  @ApiPropertyOptional({ example: 'Anna' })
  displayName?: string;

  @ApiPropertyOptional({ example: 'anna@example.com' })
  email?: string;
}

export class EngagementEventDto {
  @ApiProperty({
    maxLength: 200,
    example: 'ig-comment-18000000000000001',
    description: 'Your id of the event: unique per brand, it makes delivery idempotent.',
  })
  id!: string;

  @ApiProperty({
    example: 'comment',
    description:
      'follow, like, comment, share, mention, post, review, check_in, purchase, referral, survey_response, chat, video_view, signup, custom:<name> — or `retract` with `retracts`.',
  })
  type!: string;

  @ApiPropertyOptional({ enum: CHANNELS, description: 'Required except for `retract`.' })
  channel?: string;

  @ApiProperty({ format: 'date-time', description: 'When it happened; at most 5 minutes in the future.' })
  occurredAt!: string;

  @ApiPropertyOptional({
    type: FanRefDto,
    description: 'The identity on the channel; absent for unattributed events (they earn nothing).',
  })
  fan?: FanRefDto;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'At most 16 KB of facts rules can test: hashtags, text, amount, currency, rating, postId…',
    example: { hashtags: ['SoMeParade'], postId: '17900000000000001' },
  })
  properties?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'For `type: retract`: the id of the event to reverse (a deleted comment, a refund).',
  })
  retracts?: string;
}

export class EventBatchDto {
  @ApiProperty({ type: [EngagementEventDto], minItems: 1, maxItems: 1000 })
  events!: EngagementEventDto[];
}

export class AwardDto {
  @ApiProperty({ format: 'uuid' })
  ruleId!: string;

  @ApiProperty({ format: 'uuid' })
  campaignId!: string;

  @ApiProperty({ description: 'Points booked by this rule (negative for a retraction).' })
  points!: number;
}

export class EventOutcomeDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Your id of the event (null when it could not be read).',
  })
  id!: string | null;

  @ApiProperty({ enum: ['awarded', 'no_match', 'capped', 'duplicate', 'rejected', 'retracted'] })
  status!: string;

  @ApiProperty({
    description: 'Points booked for the event (for a duplicate: what the first delivery booked).',
  })
  points!: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  fanId!: string | null;

  @ApiProperty({ type: [AwardDto] })
  awards!: AwardDto[];

  @ApiPropertyOptional({ type: [String], description: 'Why nothing or less was awarded.' })
  reasons?: string[];

  @ApiPropertyOptional({
    type: [FieldErrorDto],
    description: 'For `rejected`: what is wrong with the event.',
  })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({
    enum: ['awarded', 'no_match', 'capped', 'retracted'],
    description: 'For `duplicate`: the first delivery’s status.',
  })
  originalStatus?: string;
}

export class EventBatchResultDto {
  @ApiProperty({ type: [EventOutcomeDto], description: 'One outcome per event, in the order sent.' })
  results!: EventOutcomeDto[];
}
