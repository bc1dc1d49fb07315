import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

import { CHANNELS } from '@fanfare/shared';

import { IfPresent } from '../../common/http/validators';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { type HookDeliveryEntity } from '../entities/hook-delivery.entity';
import { LINKABLE_CHANNELS } from '../entities/link-code.entity';

export class DeliveriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['meta', 'generic'] })
  @IfPresent()
  @IsIn(['meta', 'generic'])
  source?: 'meta' | 'generic';
}

export class HookDeliveryDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: ['meta', 'generic'] })
  source!: string;

  @ApiProperty({ nullable: true, type: String })
  senderId!: string | null;

  @ApiProperty()
  receivedAt!: string;

  @ApiProperty({ enum: ['pending', 'processed', 'failed'] })
  status!: string;

  @ApiProperty({ description: 'A test delivery from the admin: mapped and shown, never booked' })
  test!: boolean;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ nullable: true, type: String })
  processedAt!: string | null;

  @ApiProperty({ nullable: true, type: String })
  error!: string | null;

  @ApiProperty({ description: 'Bytes of the raw body as received' })
  bodyBytes!: number;

  @ApiProperty({ description: 'Whether the raw body is still kept (deleted after the retention period)' })
  bodyKept!: boolean;

  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'Events, outcomes by status, points, skipped and rejected items, account links',
  })
  summary!: Record<string, unknown> | null;
}

export class HookDeliveryPageDto {
  @ApiProperty({ type: [HookDeliveryDto] })
  items!: HookDeliveryDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}

export class LinkIdentityDto {
  @ApiProperty({ enum: CHANNELS })
  @IsIn([...CHANNELS])
  channel!: string;

  @ApiProperty({
    example: '6200000000000001',
    description: "The account's id on the channel (page- or app-scoped id, wa_id…)",
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalId!: string;

  @ApiPropertyOptional({ example: 'fan_b', maxLength: 100 })
  @IfPresent()
  @IsString()
  @MaxLength(100)
  handle?: string;
}

export class LinkedIdentityDto {
  @ApiProperty()
  identityId!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The fan that held the account before and was merged into this one',
  })
  mergedFanId!: string | null;
}

export class LinkCodeRequestDto {
  @ApiProperty({ enum: LINKABLE_CHANNELS })
  @IsIn([...LINKABLE_CHANNELS])
  channel!: (typeof LINKABLE_CHANNELS)[number];
}

export class LinkCodeDto {
  @ApiProperty({ example: 'FAN-7K2Q9M' })
  code!: string;

  @ApiProperty({ enum: LINKABLE_CHANNELS })
  channel!: string;

  @ApiProperty()
  expiresAt!: string;
}

export function toDeliveryDto(row: HookDeliveryEntity & { bodyKept?: boolean }): HookDeliveryDto {
  return {
    id: row.id,
    source: row.source,
    senderId: row.senderId,
    receivedAt: row.receivedAt.toISOString(),
    status: row.status,
    test: row.test,
    attempts: row.attempts,
    processedAt: row.processedAt?.toISOString() ?? null,
    error: row.error,
    bodyBytes: row.bodyBytes,
    bodyKept: row.bodyKept ?? row.body !== null,
    summary: row.summary,
  };
}
