import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { PER_FAN_PERIODS, type PerFanPeriod, REWARD_KINDS, type RewardKind } from '../entities/reward.entity';
import { stockLevel } from '../reward-settings';
import { type RewardView } from '../rewards.service';

export class RewardDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Gratis Kaffee' })
  nameDe!: string;

  @ApiProperty({ example: 'Free coffee' })
  nameEn!: string;

  @ApiProperty()
  descriptionDe!: string;

  @ApiProperty()
  descriptionEn!: string;

  @ApiProperty({ type: String, format: 'uri', nullable: true })
  imageUrl!: string | null;

  @ApiProperty({ example: 150 })
  costPoints!: number;

  @ApiProperty({ enum: REWARD_KINDS })
  kind!: RewardKind;

  @ApiPropertyOptional({
    type: String,
    format: 'uri',
    nullable: true,
    description:
      'Shown to owners and managers only (left out for analysts); fans see it after redeeming. ' +
      'Null unless the kind is download.',
  })
  downloadUrl?: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The stock set for the reward; null: unlimited, and always null for coupons.',
  })
  stock!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  perFanLimit!: number | null;

  @ApiProperty({ enum: PER_FAN_PERIODS, nullable: true })
  perFanPeriod!: PerFanPeriod | null;

  @ApiProperty({ type: String, nullable: true, example: 'Gold' })
  minTier!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  availableFrom!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  availableUntil!: string | null;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ type: Number, nullable: true })
  lowStockThreshold!: number | null;

  @ApiProperty({ example: 0, description: 'Place in the catalogue, lowest first.' })
  position!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Coupons: codes in the pool that nobody holds yet; null for other kinds.',
  })
  codesAvailable!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Coupons: codes handed out with redemptions; null for other kinds.',
  })
  codesAssigned!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'What can still be redeemed: codesAvailable for coupons, stock for the others; null: unlimited.',
  })
  stockLeft!: number | null;

  @ApiProperty({ description: 'A low-stock threshold is set and stockLeft has come down to it.' })
  lowStock!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class RewardPageDto {
  @ApiProperty({ type: [RewardDto] })
  items!: RewardDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

/** `revealDownloadUrl`: only owners and managers see a download reward's link. */
export function toRewardDto(
  { reward, codes }: RewardView,
  options: { revealDownloadUrl: boolean },
): RewardDto {
  const { stockLeft, lowStock } = stockLevel(reward, codes);
  return {
    id: reward.id,
    nameDe: reward.nameDe,
    nameEn: reward.nameEn,
    descriptionDe: reward.descriptionDe,
    descriptionEn: reward.descriptionEn,
    imageUrl: reward.imageUrl,
    costPoints: Number(reward.costPoints),
    kind: reward.kind,
    ...(options.revealDownloadUrl ? { downloadUrl: reward.downloadUrl } : {}),
    stock: reward.stock,
    perFanLimit: reward.perFanLimit,
    perFanPeriod: reward.perFanPeriod,
    minTier: reward.minTier,
    availableFrom: reward.availableFrom?.toISOString() ?? null,
    availableUntil: reward.availableUntil?.toISOString() ?? null,
    active: reward.active,
    lowStockThreshold: reward.lowStockThreshold,
    position: reward.position,
    codesAvailable: codes?.available ?? null,
    codesAssigned: codes?.assigned ?? null,
    stockLeft,
    lowStock,
    createdAt: reward.createdAt.toISOString(),
    updatedAt: reward.updatedAt.toISOString(),
  };
}
