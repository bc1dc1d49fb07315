import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

import { LOCALES, type Locale, SLUG_PATTERN } from '@fanfare/shared';

import { IsIanaTimeZone, NotBlank } from '../../common/http/validators';

export class CreateBrandDto {
  @ApiProperty({ example: 'Bäckerei Sonnenschein', minLength: 1, maxLength: 100 })
  @IsString()
  @NotBlank()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({
    example: 'baeckerei-sonnenschein',
    description: 'Derived from the name when absent.',
  })
  @IsOptional()
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'slug must be 2–63 lower-case letters, digits and single dashes' })
  slug?: string;

  @ApiProperty({ example: 'Europe/Berlin' })
  @IsString()
  @IsIanaTimeZone()
  timeZone!: string;

  @ApiProperty({ enum: LOCALES })
  @IsIn(LOCALES)
  locale!: Locale;
}
