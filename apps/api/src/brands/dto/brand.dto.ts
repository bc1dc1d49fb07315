import { ApiProperty } from '@nestjs/swagger';

import { LOCALES, type Locale, ROLES, type Role } from '@fanfare/shared';

import { type BrandEntity } from '../entities/brand.entity';

export class BrandDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Bäckerei Sonnenschein' })
  name!: string;

  @ApiProperty({ example: 'baeckerei-sonnenschein' })
  slug!: string;

  @ApiProperty({
    example: 'Europe/Berlin',
    description: 'IANA time zone: days and months in caps and reports.',
  })
  timeZone!: string;

  @ApiProperty({ enum: LOCALES })
  locale!: Locale;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Days after which earned points expire, oldest first; null when they never do.',
  })
  pointsExpiryDays!: number | null;

  @ApiProperty({ description: 'The demo brand of a local run.' })
  isDemo!: boolean;

  @ApiProperty({ enum: ROLES, nullable: true, description: "The caller's role; null for an API key." })
  role!: Role | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class BrandPageDto {
  @ApiProperty({ type: [BrandDto] })
  items!: BrandDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export function toBrandDto(brand: BrandEntity, role: Role | null): BrandDto {
  return {
    id: brand.id,
    name: brand.name,
    slug: brand.slug,
    timeZone: brand.timeZone,
    locale: brand.locale,
    pointsExpiryDays: brand.pointsExpiryDays,
    isDemo: brand.isDemo,
    role,
    createdAt: brand.createdAt.toISOString(),
    updatedAt: brand.updatedAt.toISOString(),
  };
}
