import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  NotEquals,
} from 'class-validator';

import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { NotBlank } from '../../common/http/validators';
import { type LedgerEntryRow } from '../../ledger/ledger.repository';
import { EVENT_STATUSES, type EventStatus } from '../../events/entities/engagement-event.entity';
import { type FanRow, type IdentityRow, type TimelineEvent } from '../fans.repository';

export class FanIdentityDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'instagram' })
  channel!: string;

  @ApiProperty({ example: '17841400000000001' })
  externalId!: string;

  @ApiProperty({ type: String, nullable: true, example: '@anna.backt' })
  handle!: string | null;

  @ApiProperty({ type: String, nullable: true })
  displayName!: string | null;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ example: 'first_sight', description: 'How the identity was tied to the fan.' })
  source!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'How a linked account was proven: a code in a signed delivery, or a manager by hand',
  })
  proof!: Record<string, unknown> | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class ConsentDto {
  @ApiProperty({ type: Boolean, nullable: true, description: 'Null: never asked.' })
  granted!: boolean | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  at!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Version of the consent text the fan saw.' })
  textVersion!: string | null;
}

export class FanDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, nullable: true })
  displayName!: string | null;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ description: 'Points the fan can spend.' })
  balance!: number;

  @ApiProperty({ description: 'Points earned, net of reversals.' })
  lifetimePoints!: number;

  @ApiProperty({ type: String, nullable: true, example: 'Silver' })
  tier!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  tierChangedAt!: string | null;

  @ApiProperty({ format: 'date-time', description: 'When the earliest event of the fan happened.' })
  firstSeenAt!: string;

  @ApiProperty({ format: 'date-time' })
  lastActiveAt!: string;

  @ApiProperty({ type: [FanIdentityDto] })
  identities!: FanIdentityDto[];

  @ApiProperty({ type: ConsentDto })
  marketingConsent!: ConsentDto;

  @ApiProperty({ type: ConsentDto })
  profilingConsent!: ConsentDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  erasedAt!: string | null;
}

export class FanPageDto {
  @ApiProperty({ type: [FanDto] })
  items!: FanDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class FanQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Search in names, emails, handles and external ids.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ['last_active', 'points'], default: 'last_active' })
  @IsOptional()
  @IsIn(['last_active', 'points'])
  sort?: 'last_active' | 'points';
}

export class LedgerEntryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['earn', 'redeem', 'refund', 'expire', 'adjust', 'reverse'] })
  kind!: string;

  @ApiProperty({ description: 'Signed: positive adds to the balance.' })
  points!: number;

  @ApiProperty({ format: 'date-time', description: 'When the cause happened.' })
  occurredAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When it was booked.' })
  createdAt!: string;

  @ApiProperty({ description: 'Why, in words.' })
  reason!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  eventId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "The sender's id of the event behind the entry.",
  })
  eventExternalId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  campaignId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The campaign's name today." })
  campaignName!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ruleId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The rule's name today." })
  ruleName!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  ruleVersion!: number | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  reversesEntryId!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'What was stored to explain the entry.',
  })
  explanation!: Record<string, unknown> | null;

  @ApiProperty({ type: String, nullable: true, description: 'Who booked it by hand.' })
  actor!: string | null;
}

export class FanEventAwardDto {
  @ApiProperty({ format: 'uuid' })
  ruleId!: string;

  @ApiProperty({ type: String, nullable: true })
  ruleName!: string | null;

  @ApiProperty({ format: 'uuid' })
  campaignId!: string;

  @ApiProperty({ type: String, nullable: true })
  campaignName!: string | null;

  @ApiProperty({ description: 'Negative for what a retraction took back.' })
  points!: number;
}

export class FanEventDto {
  @ApiProperty({ format: 'uuid', description: "Fanfare's id of the event." })
  id!: string;

  @ApiProperty({ description: "The sender's id (the idempotency key)." })
  externalId!: string;

  @ApiProperty({ description: 'Event type, or `retract` for a retraction.' })
  type!: string;

  @ApiProperty({ type: String, nullable: true })
  channel!: string | null;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  @ApiProperty({ enum: EVENT_STATUSES })
  status!: EventStatus;

  @ApiProperty()
  points!: number;

  @ApiProperty({ type: [FanEventAwardDto] })
  awards!: FanEventAwardDto[];

  @ApiProperty({ type: [String], description: 'Why nothing or less was awarded.' })
  reasons!: string[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was retracted.' })
  retractedAt!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'For a retraction: the id of the event it retracts.',
  })
  retracts!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'As sent (free text removed when the fan was erased).',
  })
  properties!: Record<string, unknown> | null;
}

export class FanEventPageDto {
  @ApiProperty({ type: [FanEventDto] })
  items!: FanEventDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export function toFanEventDto(event: TimelineEvent): FanEventDto {
  return {
    id: event.id,
    externalId: event.externalId,
    type: event.type,
    channel: event.channel,
    occurredAt: event.occurredAt.toISOString(),
    receivedAt: event.receivedAt.toISOString(),
    status: event.status,
    points: event.points,
    awards: event.awards,
    reasons: event.reasons,
    retractedAt: event.retractedAt?.toISOString() ?? null,
    retracts: event.retracts,
    properties: event.properties,
  };
}

export class LedgerPageDto {
  @ApiProperty({ type: [LedgerEntryDto] })
  items!: LedgerEntryDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class CreateAdjustmentDto {
  @ApiProperty({ example: 50, description: 'Points to add (positive) or take away (negative); not zero.' })
  @IsInt()
  @NotEquals(0, { message: 'points must not be 0' })
  @Min(-1_000_000_000)
  @Max(1_000_000_000)
  points!: number;

  @ApiProperty({ example: 'Goodwill for a late delivery', minLength: 1, maxLength: 500 })
  @IsString()
  @NotBlank()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class AdjustmentDto {
  @ApiProperty({ type: LedgerEntryDto })
  entry!: LedgerEntryDto;

  @ApiProperty({ type: FanDto })
  fan!: FanDto;
}

export function toFanDto(fan: FanRow, identities: IdentityRow[]): FanDto {
  return {
    id: fan.id,
    displayName: fan.displayName,
    email: fan.email,
    balance: Number(fan.balance),
    lifetimePoints: Number(fan.lifetimePoints),
    tier: fan.tierName,
    tierChangedAt: fan.tierChangedAt?.toISOString() ?? null,
    firstSeenAt: fan.firstSeenAt.toISOString(),
    lastActiveAt: fan.lastActiveAt.toISOString(),
    identities: identities.map((identity) => ({
      id: identity.id,
      channel: identity.channel,
      externalId: identity.externalId,
      handle: identity.handle,
      displayName: identity.displayName,
      email: identity.email,
      source: identity.source,
      proof: identity.proof,
      createdAt: identity.createdAt.toISOString(),
    })),
    marketingConsent: {
      granted: fan.consentMarketing,
      at: fan.consentMarketingAt?.toISOString() ?? null,
      textVersion: fan.consentMarketingVersion,
    },
    profilingConsent: {
      granted: fan.consentProfiling,
      at: fan.consentProfilingAt?.toISOString() ?? null,
      textVersion: fan.consentProfilingVersion,
    },
    erasedAt: fan.erasedAt?.toISOString() ?? null,
  };
}

export function toLedgerEntryDto(entry: LedgerEntryRow): LedgerEntryDto {
  return {
    id: entry.id,
    kind: entry.kind,
    points: Number(entry.points),
    occurredAt: entry.occurredAt.toISOString(),
    createdAt: entry.createdAt.toISOString(),
    reason: entry.reason,
    eventId: entry.eventId,
    eventExternalId: entry.eventExternalId,
    campaignId: entry.campaignId,
    campaignName: entry.campaignName,
    ruleId: entry.ruleId,
    ruleName: entry.ruleName,
    ruleVersion: entry.ruleVersion,
    reversesEntryId: entry.reversesEntryId,
    explanation: entry.explanation,
    actor: entry.actorLabel,
  };
}

export class FanExportDto {
  @ApiProperty({ format: 'date-time' })
  exportedAt!: string;

  @ApiProperty({ type: FanDto })
  fan!: FanDto;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Every event, oldest first.',
  })
  events!: Array<Record<string, unknown>>;

  @ApiProperty({ type: [LedgerEntryDto], description: 'Every ledger entry, oldest first.' })
  ledger!: LedgerEntryDto[];

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  tierChanges!: Array<Record<string, unknown>>;
}

export class MergeFanDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The fan to merge into this one (it keeps resolving to this one).',
  })
  @IsUUID()
  fanId!: string;
}
