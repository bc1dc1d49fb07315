import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, Max, Min } from 'class-validator';

import {
  type AnalyticsSettings,
  ENGAGEMENT_TYPES,
  type EngagementType,
  MAX_ACTIVE_WINDOW_DAYS,
  MIN_ACTIVE_WINDOW_DAYS,
} from '@fanfare/shared';

export class AnalyticsSettingsDto implements AnalyticsSettings {
  @ApiProperty({
    example: 30,
    description: 'A fan is active on a day with a counted event in this many days ending with it.',
  })
  activeWindowDays!: number;

  @ApiProperty({
    enum: ENGAGEMENT_TYPES,
    isArray: true,
    description: 'The event types that count as engagement; `custom` stands for every `custom:<name>` type.',
  })
  engagementTypes!: EngagementType[];

  @ApiProperty({ example: 'Europe/Berlin', description: 'Days in reports are days in this zone.' })
  timeZone!: string;

  @ApiProperty({
    enum: ['current', 'recalculating'],
    description:
      '`recalculating` while the reports are rebuilt after a change of these settings or the time zone.',
  })
  state!: 'current' | 'recalculating';

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  rebuiltAt!: string | null;
}

export class PutAnalyticsSettingsDto {
  @ApiProperty({ minimum: MIN_ACTIVE_WINDOW_DAYS, maximum: MAX_ACTIVE_WINDOW_DAYS, example: 30 })
  @IsInt()
  @Min(MIN_ACTIVE_WINDOW_DAYS)
  @Max(MAX_ACTIVE_WINDOW_DAYS)
  activeWindowDays!: number;

  @ApiProperty({ enum: ENGAGEMENT_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'at least one event type must count as engagement' })
  @ArrayUnique()
  @ArrayMaxSize(ENGAGEMENT_TYPES.length)
  @IsIn(ENGAGEMENT_TYPES, { each: true })
  engagementTypes!: EngagementType[];
}
