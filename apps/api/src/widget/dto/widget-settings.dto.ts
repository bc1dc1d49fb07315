import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { type BrandEntity } from '../../brands/entities/brand.entity';
import { IfPresent } from '../../common/http/validators';
import { type WidgetSecretEntity } from '../entities/widget-secret.entity';

const COLOR = /^#[0-9a-fA-F]{6}$/;
const COLOR_MESSAGE = '$property must be a colour as #rrggbb';

export class WidgetThemeDto {
  @ApiPropertyOptional({ example: '#b45309', description: 'Buttons, launcher, progress bar' })
  @IfPresent()
  @IsString()
  @Matches(COLOR, { message: COLOR_MESSAGE })
  primaryColor?: string;

  @ApiPropertyOptional({ example: '#1f2937' })
  @IfPresent()
  @IsString()
  @Matches(COLOR, { message: COLOR_MESSAGE })
  textColor?: string;

  @ApiPropertyOptional({ example: '#ffffff' })
  @IfPresent()
  @IsString()
  @Matches(COLOR, { message: COLOR_MESSAGE })
  backgroundColor?: string;
}

export class WidgetTextSetDto {
  @ApiPropertyOptional({ maxLength: 60, description: "The panel's title; empty: the widget's own" })
  @IfPresent()
  @IsString()
  @MaxLength(60)
  title?: string;

  @ApiPropertyOptional({ maxLength: 300, description: 'A line of welcome under the title' })
  @IfPresent()
  @IsString()
  @MaxLength(300)
  welcome?: string;
}

export class WidgetTextsDto {
  @ApiPropertyOptional({ type: WidgetTextSetDto })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => WidgetTextSetDto)
  de?: WidgetTextSetDto;

  @ApiPropertyOptional({ type: WidgetTextSetDto })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => WidgetTextSetDto)
  en?: WidgetTextSetDto;
}

export class UpdateWidgetSettingsDto {
  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    example: ['https://shop.example'],
    description: 'Origins whose pages may call the widget API (replaces the list)',
  })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  allowedOrigins?: string[];

  @ApiPropertyOptional({
    type: WidgetThemeDto,
    description: 'Replaces the colours; left-out ones use the default',
  })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => WidgetThemeDto)
  theme?: WidgetThemeDto;

  @ApiPropertyOptional({
    type: WidgetTextsDto,
    description: 'Replaces the texts; empty ones use the default',
  })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => WidgetTextsDto)
  texts?: WidgetTextsDto;
}

export class RotateWidgetSecretDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 720,
    default: 24,
    description: 'How long the secrets in use keep verifying tokens after this one is issued',
  })
  @IfPresent()
  @IsInt()
  @Min(0)
  @Max(720)
  overlapHours?: number;
}

export class WidgetSecretDto {
  @ApiProperty({ example: 'wk_01HZX3K9QF' })
  kid!: string;

  @ApiProperty({ enum: ['active', 'expiring', 'expired'] })
  state!: 'active' | 'expiring' | 'expired';

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  expiresAt!: string | null;

  @ApiProperty()
  createdBy!: string;
}

export class WidgetSettingsDto {
  @ApiProperty({ example: 'pk_3f1c…', description: 'Public: goes into the script tag' })
  publishableKey!: string;

  @ApiProperty({ type: [String] })
  allowedOrigins!: string[];

  @ApiProperty({ type: WidgetThemeDto })
  theme!: WidgetThemeDto;

  @ApiProperty({ type: WidgetTextsDto })
  texts!: WidgetTextsDto;

  @ApiProperty({
    type: [WidgetSecretDto],
    description: 'Newest first; the secrets themselves are never shown again',
  })
  secrets!: WidgetSecretDto[];
}

export class NewWidgetSecretDto {
  @ApiProperty({ description: 'Put this into the fan token header as kid' })
  kid!: string;

  @ApiProperty({ description: 'Shown once: sign fan tokens (HS256) with it in your backend' })
  secret!: string;

  @ApiProperty({ type: WidgetSettingsDto })
  settings!: WidgetSettingsDto;
}

export function toWidgetSettingsDto(
  brand: BrandEntity,
  secrets: readonly WidgetSecretEntity[],
  now = new Date(),
): WidgetSettingsDto {
  return {
    publishableKey: brand.widgetKey,
    allowedOrigins: brand.widgetOrigins,
    theme: brand.widgetTheme,
    texts: brand.widgetTexts,
    secrets: secrets.map((secret) => ({
      kid: secret.kid,
      state: secret.expiresAt === null ? 'active' : secret.expiresAt > now ? 'expiring' : 'expired',
      createdAt: secret.createdAt.toISOString(),
      expiresAt: secret.expiresAt?.toISOString() ?? null,
      createdBy: secret.createdBy,
    })),
  };
}
