import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import { IfPresent } from '../../common/http/validators';
import { IsWebhookEndpointUrl, MAX_ENDPOINT_URL_LENGTH } from '../endpoint-url';
import { type WebhookEndpointEntity } from '../entities/webhook-endpoint.entity';
import { WEBHOOK_EVENT_TYPES } from '../webhook-event-types';

const URL_DESCRIPTION =
  'Where deliveries are POSTed: https (plain http only for localhost, 127.0.0.1 and [::1])';
const EVENT_TYPES_DESCRIPTION = 'The event types this endpoint takes; an empty list takes all of them';

export class CreateWebhookEndpointDto {
  @ApiProperty({
    example: 'https://shop.example.com/hooks/fanfare',
    maxLength: MAX_ENDPOINT_URL_LENGTH,
    description: URL_DESCRIPTION,
  })
  @IsString()
  @IsWebhookEndpointUrl()
  url!: string;

  @ApiPropertyOptional({ example: 'Shop backend', maxLength: 200 })
  @IfPresent()
  @IsString()
  @MaxLength(200)
  description?: string;

  @ApiPropertyOptional({
    enum: WEBHOOK_EVENT_TYPES,
    isArray: true,
    default: [],
    description: EVENT_TYPES_DESCRIPTION,
  })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn([...WEBHOOK_EVENT_TYPES], {
    each: true,
    message: `each value in eventTypes must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}`,
  })
  eventTypes?: string[];
}

export class UpdateWebhookEndpointDto {
  @ApiPropertyOptional({ maxLength: MAX_ENDPOINT_URL_LENGTH, description: URL_DESCRIPTION })
  @IfPresent()
  @IsString()
  @IsWebhookEndpointUrl()
  url?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IfPresent()
  @IsString()
  @MaxLength(200)
  description?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true, description: EVENT_TYPES_DESCRIPTION })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn([...WEBHOOK_EVENT_TYPES], {
    each: true,
    message: `each value in eventTypes must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}`,
  })
  eventTypes?: string[];

  @ApiPropertyOptional({
    description:
      'false: no new deliveries, pending ones fail; true: deliveries resume and the disabled reason is cleared',
  })
  @IfPresent()
  @IsBoolean()
  enabled?: boolean;
}

export class RotateWebhookSecretDto {
  @ApiPropertyOptional({
    default: 24,
    minimum: 0,
    maximum: 720,
    description: 'Hours during which deliveries are signed with the previous secret as well',
  })
  @IfPresent()
  @IsInt()
  @Min(0)
  @Max(720)
  overlapHours?: number;
}

export class WebhookEndpointDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  url!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, description: EVENT_TYPES_DESCRIPTION })
  eventTypes!: string[];

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ nullable: true, type: String, example: 'The endpoint answered 410 Gone.' })
  disabledReason!: string | null;

  @ApiProperty({ nullable: true, type: String })
  disabledAt!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Until when deliveries carry a signature with the previous secret as well',
  })
  previousSecretExpiresAt!: string | null;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty()
  updatedAt!: string;

  @ApiProperty({ description: 'Who added the endpoint' })
  createdBy!: string;
}

export class WebhookEndpointListDto {
  @ApiProperty({ type: [WebhookEndpointDto] })
  items!: WebhookEndpointDto[];
}

export class WebhookEndpointSecretDto {
  @ApiProperty({ type: WebhookEndpointDto })
  endpoint!: WebhookEndpointDto;

  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'The signing secret (Standard Webhooks), answered this once only',
  })
  secret!: string;
}

export function toEndpointDto(row: WebhookEndpointEntity, now: Date = new Date()): WebhookEndpointDto {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    previousSecretExpiresAt:
      row.previousSecretSealed && row.previousExpiresAt && row.previousExpiresAt > now
        ? row.previousExpiresAt.toISOString()
        : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdBy,
  };
}
