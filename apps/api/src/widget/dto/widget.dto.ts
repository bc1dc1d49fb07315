import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsObject, IsString, IsUUID } from 'class-validator';

import { LOCALES, type Locale } from '@fanfare/shared';

import { IfPresent } from '../../common/http/validators';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

export class WidgetLocaleQueryDto {
  @ApiPropertyOptional({ enum: LOCALES, description: "Texts' language; default: the brand's" })
  @IfPresent()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.slice(0, 2).toLowerCase() : value,
  )
  @IsIn(LOCALES)
  locale?: Locale;

  /** Read by the access guard; listed so that strict validation lets it through. */
  @ApiProperty({ description: "The brand's publishable widget key (pk_…)" })
  @IsString()
  pk!: string;
}

export class WidgetHistoryQueryDto extends IntersectionType(PageQueryDto, WidgetLocaleQueryDto) {}

export class WidgetRedeemDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  rewardId!: string;

  @ApiPropertyOptional({
    description: 'Physical rewards only: { name, street, postalCode, city, country (ISO 3166-1 alpha-2) }',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IfPresent()
  @IsObject()
  shippingAddress?: Record<string, unknown>;
}

class WidgetBrandDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: LOCALES }) locale!: Locale;
}

class WidgetThemeOutDto {
  @ApiPropertyOptional() primaryColor?: string;
  @ApiPropertyOptional() textColor?: string;
  @ApiPropertyOptional() backgroundColor?: string;
}

class WidgetTextsOutDto {
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, nullable: true }) welcome!: string | null;
}

export class WidgetConfigDto {
  @ApiProperty({ type: WidgetBrandDto }) brand!: WidgetBrandDto;
  @ApiProperty({ type: WidgetThemeOutDto }) theme!: WidgetThemeOutDto;
  @ApiProperty({ type: WidgetTextsOutDto, description: 'In the requested language; null: the widget’s own' })
  texts!: WidgetTextsOutDto;
}

class WidgetTierDto {
  @ApiProperty({ description: "The tier's stable key (its name)" }) key!: string;
  @ApiProperty() name!: string;
}

class WidgetNextTierDto extends WidgetTierDto {
  @ApiProperty() threshold!: number;
  @ApiProperty() pointsToGo!: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Within the current step of the ladder' })
  progress!: number;
}

class WidgetFanDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) displayName!: string | null;
}

export class WidgetMeDto {
  @ApiProperty({ type: WidgetFanDto }) fan!: WidgetFanDto;
  @ApiProperty() balance!: number;
  @ApiProperty() lifetimePoints!: number;
  @ApiProperty({ enum: ['lifetime', 'rolling_12_months'] }) tierBasis!: 'lifetime' | 'rolling_12_months';
  @ApiProperty({ type: WidgetTierDto, nullable: true }) tier!: WidgetTierDto | null;
  @ApiProperty({ type: WidgetNextTierDto, nullable: true }) nextTier!: WidgetNextTierDto | null;
}

export class WidgetRewardDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, nullable: true }) imageUrl!: string | null;
  @ApiProperty({ enum: ['coupon', 'download', 'physical', 'custom'] }) kind!: string;
  @ApiProperty() costPoints!: number;
  @ApiProperty({ type: WidgetTierDto, nullable: true }) minTier!: WidgetTierDto | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) availableFrom!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) availableUntil!: string | null;
  @ApiProperty() canRedeem!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: [
      'login_required',
      'insufficient_points',
      'out_of_stock',
      'tier_too_low',
      'fan_limit_reached',
      'reward_not_available_yet',
      'reward_no_longer_available',
      'reward_inactive',
    ],
  })
  reason!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The reason as a sentence in the language asked for',
  })
  reasonText!: string | null;
}

export class WidgetRewardListDto {
  @ApiProperty({ type: [WidgetRewardDto] }) items!: WidgetRewardDto[];
}

export class WidgetWayToEarnDto {
  @ApiProperty({ format: 'uuid' }) ruleId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Fixed awards; null for points per unit' })
  points!: number | null;
}

export class WidgetWayToEarnListDto {
  @ApiProperty({ type: [WidgetWayToEarnDto] }) items!: WidgetWayToEarnDto[];
}

export class WidgetHistoryItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() points!: number;
  @ApiProperty() kind!: string;
  @ApiProperty() text!: string;
}

export class WidgetHistoryPageDto {
  @ApiProperty({ type: [WidgetHistoryItemDto] }) items!: WidgetHistoryItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

class WidgetRedemptionRewardDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() kind!: string;
}

export class WidgetRedemptionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ enum: ['pending', 'fulfilled', 'cancelled'] }) status!: string;
  @ApiProperty() points!: number;
  @ApiProperty({ type: WidgetRedemptionRewardDto }) reward!: WidgetRedemptionRewardDto;
  @ApiProperty({ type: String, nullable: true, description: 'The coupon code' }) code!: string | null;
  @ApiProperty({ type: String, nullable: true }) downloadUrl!: string | null;
}

export class WidgetRedemptionListDto {
  @ApiProperty({ type: [WidgetRedemptionDto] }) items!: WidgetRedemptionDto[];
}
