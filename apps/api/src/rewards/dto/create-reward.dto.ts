import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
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

import { IsHttpsUrl, NotBlank } from '../../common/http/validators';
import { PER_FAN_PERIODS, type PerFanPeriod, REWARD_KINDS, type RewardKind } from '../entities/reward.entity';

export const MAX_REWARD_NAME_LENGTH = 100;
export const MAX_REWARD_DESCRIPTION_LENGTH = 2000;
export const MAX_URL_LENGTH = 2000;
export const MAX_COST_POINTS = 1_000_000_000;
export const MAX_STOCK = 1_000_000_000;
export const MAX_PER_FAN_LIMIT = 1_000_000;
export const MAX_POSITION = 1_000_000;
export const MAX_TIER_NAME_LENGTH = 50;

export const KIND_NOTE =
  'coupon: a code from the pool uploaded through …/codes; download: a link revealed after redeeming; ' +
  'physical: shipped by staff; custom: fulfilled by staff as described.';

export class CreateRewardDto {
  @ApiProperty({ example: 'Gratis Kaffee', minLength: 1, maxLength: MAX_REWARD_NAME_LENGTH })
  @IsString()
  @NotBlank()
  @MinLength(1)
  @MaxLength(MAX_REWARD_NAME_LENGTH)
  nameDe!: string;

  @ApiProperty({ example: 'Free coffee', minLength: 1, maxLength: MAX_REWARD_NAME_LENGTH })
  @IsString()
  @NotBlank()
  @MinLength(1)
  @MaxLength(MAX_REWARD_NAME_LENGTH)
  nameEn!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_REWARD_DESCRIPTION_LENGTH,
    description: 'Empty when left out or null.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REWARD_DESCRIPTION_LENGTH)
  descriptionDe?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_REWARD_DESCRIPTION_LENGTH,
    description: 'Empty when left out or null.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REWARD_DESCRIPTION_LENGTH)
  descriptionEn?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uri', nullable: true, maxLength: MAX_URL_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_URL_LENGTH)
  @IsHttpsUrl()
  imageUrl?: string | null;

  @ApiProperty({ example: 150, minimum: 1, maximum: MAX_COST_POINTS, description: 'Points a fan spends.' })
  @IsInt({ message: 'costPoints must be a whole number of points' })
  @Min(1)
  @Max(MAX_COST_POINTS)
  costPoints!: number;

  @ApiProperty({ enum: REWARD_KINDS, description: KIND_NOTE })
  @IsIn(REWARD_KINDS, { message: `kind must be one of ${REWARD_KINDS.join(', ')}` })
  kind!: RewardKind;

  @ApiPropertyOptional({
    type: String,
    format: 'uri',
    nullable: true,
    maxLength: MAX_URL_LENGTH,
    description: 'An https link; required for and only for download rewards.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_URL_LENGTH)
  @IsHttpsUrl()
  downloadUrl?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: MAX_STOCK,
    description:
      'How many are left; null or left out: unlimited. Null for coupons: their stock is the code pool.',
  })
  @IsOptional()
  @IsInt({ message: 'stock must be a whole number' })
  @Min(0)
  @Max(MAX_STOCK)
  stock?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: MAX_PER_FAN_LIMIT,
    description: 'How often one fan may redeem it in perFanPeriod; null or left out: no limit.',
  })
  @IsOptional()
  @IsInt({ message: 'perFanLimit must be a whole number' })
  @Min(1)
  @Max(MAX_PER_FAN_LIMIT)
  perFanLimit?: number | null;

  @ApiPropertyOptional({
    enum: PER_FAN_PERIODS,
    nullable: true,
    description:
      "Required with perFanLimit, and only with it. month: a calendar month in the brand's time zone.",
  })
  @IsOptional()
  @IsIn(PER_FAN_PERIODS, { message: `perFanPeriod must be one of ${PER_FAN_PERIODS.join(', ')}` })
  perFanPeriod?: PerFanPeriod | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Gold',
    maxLength: MAX_TIER_NAME_LENGTH,
    description: "The name of a tier of the brand's ladder: fans need it or a higher one. Null: everyone.",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_TIER_NAME_LENGTH)
  minTier?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Null: from now on.',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'availableFrom must be an ISO 8601 date and time' })
  availableFrom?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'After availableFrom; null: open end.',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'availableUntil must be an ISO 8601 date and time' })
  availableUntil?: string | null;

  @ApiPropertyOptional({ default: true, description: 'Inactive rewards are kept but cannot be redeemed.' })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: MAX_STOCK,
    description: 'lowStock turns true when what is left comes down to this; null: no warning.',
  })
  @IsOptional()
  @IsInt({ message: 'lowStockThreshold must be a whole number' })
  @Min(0)
  @Max(MAX_STOCK)
  lowStockThreshold?: number | null;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_POSITION,
    description: 'Place in the catalogue, lowest first; after all others when left out.',
  })
  @IsOptional()
  @IsInt({ message: 'position must be a whole number' })
  @Min(0)
  @Max(MAX_POSITION)
  position?: number;
}
