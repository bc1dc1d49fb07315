import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

import { IfPresent, IfValue, IsHttpsUrl, NotBlank } from '../../common/http/validators';
import { PER_FAN_PERIODS, type PerFanPeriod, REWARD_KINDS, type RewardKind } from '../entities/reward.entity';
import {
  KIND_NOTE,
  MAX_COST_POINTS,
  MAX_PER_FAN_LIMIT,
  MAX_POSITION,
  MAX_REWARD_DESCRIPTION_LENGTH,
  MAX_REWARD_NAME_LENGTH,
  MAX_STOCK,
  MAX_TIER_NAME_LENGTH,
  MAX_URL_LENGTH,
} from './create-reward.dto';

/** Fields left out stay as they are; null clears the fields that can be empty. */
export class UpdateRewardDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: MAX_REWARD_NAME_LENGTH })
  @IfPresent()
  @IsString()
  @NotBlank()
  @MinLength(1)
  @MaxLength(MAX_REWARD_NAME_LENGTH)
  nameDe?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: MAX_REWARD_NAME_LENGTH })
  @IfPresent()
  @IsString()
  @NotBlank()
  @MinLength(1)
  @MaxLength(MAX_REWARD_NAME_LENGTH)
  nameEn?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_REWARD_DESCRIPTION_LENGTH,
    description: 'null: empty.',
  })
  @IfValue()
  @IsString()
  @MaxLength(MAX_REWARD_DESCRIPTION_LENGTH)
  descriptionDe?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_REWARD_DESCRIPTION_LENGTH,
    description: 'null: empty.',
  })
  @IfValue()
  @IsString()
  @MaxLength(MAX_REWARD_DESCRIPTION_LENGTH)
  descriptionEn?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uri',
    nullable: true,
    maxLength: MAX_URL_LENGTH,
    description: 'null: no image.',
  })
  @IfValue()
  @IsString()
  @MaxLength(MAX_URL_LENGTH)
  @IsHttpsUrl()
  imageUrl?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_COST_POINTS })
  @IfPresent()
  @IsInt({ message: 'costPoints must be a whole number of points' })
  @Min(1)
  @Max(MAX_COST_POINTS)
  costPoints?: number;

  @ApiPropertyOptional({
    enum: REWARD_KINDS,
    description: `${KIND_NOTE} A reward that has coupon codes keeps its kind (409 reward_has_codes).`,
  })
  @IfPresent()
  @IsIn(REWARD_KINDS, { message: `kind must be one of ${REWARD_KINDS.join(', ')}` })
  kind?: RewardKind;

  @ApiPropertyOptional({
    type: String,
    format: 'uri',
    nullable: true,
    maxLength: MAX_URL_LENGTH,
    description: 'Required for and only for download rewards; null when the kind changes away from download.',
  })
  @IfValue()
  @IsString()
  @MaxLength(MAX_URL_LENGTH)
  @IsHttpsUrl()
  downloadUrl?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: MAX_STOCK,
    description: 'null: unlimited (and always null for coupons).',
  })
  @IfValue()
  @IsInt({ message: 'stock must be a whole number' })
  @Min(0)
  @Max(MAX_STOCK)
  stock?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: MAX_PER_FAN_LIMIT,
    description: 'null: no limit (send perFanPeriod null with it).',
  })
  @IfValue()
  @IsInt({ message: 'perFanLimit must be a whole number' })
  @Min(1)
  @Max(MAX_PER_FAN_LIMIT)
  perFanLimit?: number | null;

  @ApiPropertyOptional({ enum: PER_FAN_PERIODS, nullable: true })
  @IfValue()
  @IsIn(PER_FAN_PERIODS, { message: `perFanPeriod must be one of ${PER_FAN_PERIODS.join(', ')}` })
  perFanPeriod?: PerFanPeriod | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_TIER_NAME_LENGTH,
    description: "A tier of the brand's ladder; null: everyone.",
  })
  @IfValue()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_TIER_NAME_LENGTH)
  minTier?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'null: from now on.',
  })
  @IfValue()
  @IsISO8601({ strict: true }, { message: 'availableFrom must be an ISO 8601 date and time' })
  availableFrom?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'null: open end.' })
  @IfValue()
  @IsISO8601({ strict: true }, { message: 'availableUntil must be an ISO 8601 date and time' })
  availableUntil?: string | null;

  @ApiPropertyOptional()
  @IfPresent()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: MAX_STOCK,
    description: 'null: no warning.',
  })
  @IfValue()
  @IsInt({ message: 'lowStockThreshold must be a whole number' })
  @Min(0)
  @Max(MAX_STOCK)
  lowStockThreshold?: number | null;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_POSITION })
  @IfPresent()
  @IsInt({ message: 'position must be a whole number' })
  @Min(0)
  @Max(MAX_POSITION)
  position?: number;
}
