import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn } from 'class-validator';

import { TIER_BASES, type TierBasis, type TierDefinition } from '@fanfare/shared';

export class TierDefinitionDto {
  @ApiProperty({ example: 'Silver', minLength: 1, maxLength: 50 })
  name!: string;

  @ApiProperty({
    example: 500,
    minimum: 0,
    description: 'Points (counted on the basis) from which a fan holds the tier; the first tier starts at 0.',
  })
  threshold!: number;

  @ApiProperty({
    example: 1.25,
    minimum: 1,
    maximum: 10,
    description: 'Multiplies the points a fan in this tier earns (two decimals).',
  })
  multiplier!: number;

  @ApiPropertyOptional({ example: 'Free shipping', description: 'What the tier gives, in words.' })
  perks?: string;
}

export class TierDto {
  @ApiProperty({ example: 'Silver' })
  name!: string;

  @ApiProperty({ example: 500 })
  threshold!: number;

  @ApiProperty({ example: 1.25 })
  multiplier!: number;

  @ApiProperty({ example: 'Free shipping' })
  perks!: string;
}

export class TiersDto {
  @ApiProperty({
    enum: TIER_BASES,
    description: 'What thresholds count: all points ever earned, or those earned in the last 12 months.',
  })
  basis!: TierBasis;

  @ApiProperty({ type: [TierDto], description: 'From the lowest threshold up.' })
  tiers!: TierDto[];
}

export class PutTiersDto {
  @ApiProperty({ enum: TIER_BASES })
  @IsIn(TIER_BASES, { message: `basis must be one of ${TIER_BASES.join(', ')}` })
  basis!: TierBasis;

  /** Checked by the shared tier validator, which names each field (`tiers.1.threshold`). */
  @ApiProperty({
    type: [TierDefinitionDto],
    description:
      'The whole ladder, from the lowest threshold up: thresholds strictly increasing from 0, ' +
      'names unique, multipliers from 1 to 10. An empty list removes all tiers.',
  })
  @IsArray()
  tiers!: unknown[];
}

export function toTiersDto(ladder: { basis: TierBasis; tiers: TierDefinition[] }): TiersDto {
  return {
    basis: ladder.basis,
    tiers: ladder.tiers.map((tier) => ({
      name: tier.name,
      threshold: tier.threshold,
      multiplier: tier.multiplier,
      perks: tier.perks ?? '',
    })),
  };
}
