import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { IfPresent } from '../../common/http/validators';
import { type MetaConnectionEntity } from '../entities/meta-connection.entity';
import { type WebhookSenderEntity } from '../entities/webhook-sender.entity';

const META_ID = /^\d{1,30}$/;
const META_ID_MESSAGE = '$property must hold numeric ids as Meta shows them (digits only)';

export class PutMetaConnectionDto {
  @ApiPropertyOptional({ example: '1234567890', description: "The Meta app's id, to tell apps apart" })
  @IfPresent()
  @IsString()
  @Matches(META_ID, { message: 'appId must be digits only, as Meta shows it' })
  appId?: string;

  @ApiPropertyOptional({
    description:
      "The Meta app's App Secret (App settings → Basic). Required when connecting; give it again only to replace it.",
  })
  @IfPresent()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/, {
    message: 'appSecret must be the App Secret as Meta shows it (letters and digits)',
  })
  appSecret?: string;

  @ApiProperty({ type: [String], example: ['104000000000001'], description: 'Facebook Page ids' })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(META_ID, { each: true, message: META_ID_MESSAGE })
  pageIds!: string[];

  @ApiProperty({
    type: [String],
    example: ['17840000000000001'],
    description: 'Instagram professional account ids',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(META_ID, { each: true, message: META_ID_MESSAGE })
  instagramIds!: string[];

  @ApiProperty({ type: [String], example: [], description: 'WhatsApp Business account (WABA) ids' })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(META_ID, { each: true, message: META_ID_MESSAGE })
  whatsappIds!: string[];

  @ApiPropertyOptional({
    description: 'Issue a new verify token (answered once); the old one stops working.',
  })
  @IfPresent()
  @IsBoolean()
  newVerifyToken?: boolean;
}

export class MetaConnectionDto {
  @ApiProperty({ nullable: true, type: String })
  appId!: string | null;

  @ApiProperty({ example: '…x9Qa', description: "The App Secret's last four characters" })
  appSecretHint!: string;

  @ApiProperty({ type: [String] })
  pageIds!: string[];

  @ApiProperty({ type: [String] })
  instagramIds!: string[];

  @ApiProperty({ type: [String] })
  whatsappIds!: string[];

  @ApiProperty({
    example: 'https://fanfare.example/api/v1/hooks/meta/0190…',
    description: 'Callback URL for the Meta app',
  })
  callbackPath!: string;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty()
  updatedAt!: string;
}

export class SavedMetaConnectionDto {
  @ApiProperty({ type: MetaConnectionDto })
  connection!: MetaConnectionDto;

  @ApiPropertyOptional({
    description: 'The verify token for the Meta app, answered this once only (new or renewed)',
  })
  verifyToken?: string;
}

export class WebhookSenderDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String })
  rotatedAt!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Until when the previous secret still verifies' })
  previousExpiresAt!: string | null;

  @ApiProperty({ nullable: true, type: String })
  revokedAt!: string | null;
}

export class ConnectionsDto {
  @ApiProperty({ type: MetaConnectionDto, nullable: true })
  meta!: MetaConnectionDto | null;

  @ApiProperty({ type: [WebhookSenderDto] })
  senders!: WebhookSenderDto[];

  @ApiProperty({ example: '/api/v1/hooks/generic/0190…', description: 'Where generic senders deliver' })
  genericPath!: string;
}

export class CreateSenderDto {
  @ApiProperty({ example: 'Shop backend', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;
}

export class RotateSenderDto {
  @ApiPropertyOptional({
    default: 24,
    minimum: 0,
    maximum: 720,
    description: 'Hours the previous secret keeps verifying',
  })
  @IfPresent()
  @IsInt()
  @Min(0)
  @Max(720)
  overlapHours?: number;
}

export class SenderSecretDto {
  @ApiProperty({ type: WebhookSenderDto })
  sender!: WebhookSenderDto;

  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'Answered this once only' })
  secret!: string;
}

export function toMetaConnectionDto(row: MetaConnectionEntity): MetaConnectionDto {
  return {
    appId: row.appId,
    appSecretHint: `…${row.appSecretHint}`,
    pageIds: row.pageIds,
    instagramIds: row.instagramIds,
    whatsappIds: row.whatsappIds,
    callbackPath: `/api/v1/hooks/meta/${row.brandId}`,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toSenderDto(row: WebhookSenderEntity): WebhookSenderDto {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    rotatedAt: row.rotatedAt?.toISOString() ?? null,
    previousExpiresAt: row.previousExpiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
