import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

import { LOCALES, type Locale, SLUG_PATTERN } from '@fanfare/shared';

import { IfPresent, IfValue, IsIanaTimeZone, NotBlank } from '../../common/http/validators';

export class UpdateBrandDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IfPresent()
  @IsString()
  @NotBlank()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional()
  @IfPresent()
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'slug must be 2–63 lower-case letters, digits and single dashes' })
  slug?: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin' })
  @IfPresent()
  @IsString()
  @IsIanaTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IfPresent()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 3650,
    description:
      'Points expire this many days after they were earned, oldest first (null: never). Earned on 1 March ' +
      "with 30 days, they expire when 1 April begins in the brand's time zone.",
  })
  @IfValue()
  @IsInt()
  @Min(1)
  @Max(3650)
  pointsExpiryDays?: number | null;
}
