import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';

import { NotBlank } from '../../common/http/validators';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { REWARD_KINDS, type RewardKind } from '../../rewards/entities/reward.entity';
import { REDEMPTION_STATUSES, type RedemptionStatus } from '../entities/redemption.entity';
import { type RedemptionRow } from '../redemptions.repository';

export class ShippingAddressDto {
  @ApiProperty({ example: 'Anna Bäcker', maxLength: 200 })
  name!: string;

  @ApiProperty({ example: 'Hauptstraße 1', maxLength: 200 })
  street!: string;

  @ApiProperty({ example: '10115', maxLength: 20 })
  postalCode!: string;

  @ApiProperty({ example: 'Berlin', maxLength: 100 })
  city!: string;

  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2.' })
  country!: string;
}

export class CreateRedemptionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'rewardId must be a UUID' })
  rewardId!: string;

  @ApiPropertyOptional({
    type: ShippingAddressDto,
    description: 'Required for physical rewards, and only for them. Every field is required.',
  })
  @IsOptional()
  @IsObject()
  shippingAddress?: Record<string, unknown>;
}

export class CancelRedemptionDto {
  @ApiProperty({ example: 'Out of tote bags after all', minLength: 1, maxLength: 500 })
  @IsString()
  @NotBlank()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

const emptyToUndefined = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

export class RedemptionFilterDto {
  @ApiPropertyOptional({ enum: REDEMPTION_STATUSES })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(REDEMPTION_STATUSES)
  status?: RedemptionStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUUID('all', { message: 'rewardId must be a UUID' })
  rewardId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The fan, with the fans merged into it.' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUUID('all', { message: 'fanId must be a UUID' })
  fanId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or after.' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created before.' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to?: string;
}

export class RedemptionQueryDto extends IntersectionType(RedemptionFilterDto, PageQueryDto) {}

export class RedemptionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  fanId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Null when unknown or erased.' })
  fanDisplayName!: string | null;

  @ApiProperty({ format: 'uuid' })
  rewardId!: string;

  @ApiProperty({ example: 'Gratis Kaffee' })
  rewardNameDe!: string;

  @ApiProperty({ example: 'Free coffee' })
  rewardNameEn!: string;

  @ApiProperty({ enum: REWARD_KINDS })
  rewardKind!: RewardKind;

  @ApiProperty({ example: 150, description: 'What the redemption cost (and a cancellation refunds).' })
  points!: number;

  @ApiProperty({ enum: REDEMPTION_STATUSES })
  status!: RedemptionStatus;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      'The coupon code handed out (null when none is held). Shown to owners and managers only ' +
      '(left out for analysts), as is the shipping address.',
  })
  code?: string | null;

  @ApiPropertyOptional({ type: ShippingAddressDto, nullable: true })
  shippingAddress?: ShippingAddressDto | null;

  @ApiProperty({ example: 'manager@example.com', description: 'Who redeemed.' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  fulfilledAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  cancelReason!: string | null;
}

export class RedemptionPageDto {
  @ApiProperty({ type: [RedemptionDto] })
  items!: RedemptionDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export function toRedemptionDto(row: RedemptionRow, options: { revealPrivate: boolean }): RedemptionDto {
  return {
    id: row.id,
    fanId: row.fanId,
    fanDisplayName: row.fanDisplayName,
    rewardId: row.rewardId,
    rewardNameDe: row.rewardNameDe,
    rewardNameEn: row.rewardNameEn,
    rewardKind: row.rewardKind as RewardKind,
    points: Number(row.points),
    status: row.status,
    ...(options.revealPrivate ? { code: row.code, shippingAddress: row.shippingAddress } : {}),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    fulfilledAt: row.fulfilledAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    cancelReason: row.cancelReason,
  };
}
