import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

import {
  type ActiveFansPoint,
  type ActiveFansReport,
  type Channel,
  type ChannelRow,
  CHANNELS,
  type ChannelsReport,
  type CohortRow,
  type CohortsReport,
  EXPORT_FORMATS,
  type ExportFormat,
  type OverviewKpis,
  type OverviewReport,
  REPORT_GRANULARITIES,
  type ReportGranularity,
  type TopFan,
  type TopFansReport,
} from '@fanfare/shared';

export class ReportRangeQueryDto {
  @ApiPropertyOptional({
    example: '2026-10-29',
    description: "First day (YYYY-MM-DD, the brand's time zone). Default: 30 days ending with `to`.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-27', description: 'Last day (YYYY-MM-DD). Default: today.' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  to?: string;
}

export class ActiveFansQueryDto extends ReportRangeQueryDto {
  @ApiPropertyOptional({ enum: REPORT_GRANULARITIES, default: 'day' })
  @IsOptional()
  @IsIn(REPORT_GRANULARITIES)
  granularity?: ReportGranularity;

  @ApiPropertyOptional({ enum: CHANNELS, description: 'Fans active on this channel / fans holding it.' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ format: 'uuid', description: 'Fans who earned in this campaign / all fans.' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;
}

export class ExportOptionsQueryDto {
  @ApiPropertyOptional({
    enum: EXPORT_FORMATS,
    default: 'csv',
    description: '`excel-de`: semicolons, decimal commas and a byte order mark, for German Excel.',
  })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: 'Fan ids replaced by a keyed hash; no names, handles, emails or free text.',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  pseudonymize?: 'true' | 'false';
}

export class ActiveFansExportQueryDto extends IntersectionType(ActiveFansQueryDto, ExportOptionsQueryDto) {}

export class RangeExportQueryDto extends IntersectionType(ReportRangeQueryDto, ExportOptionsQueryDto) {}

export class CohortsQueryDto {
  @ApiPropertyOptional({
    example: '2025-12',
    description: 'First cohort month (YYYY-MM). Default: 11 months before `to`.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(7)
  from?: string;

  @ApiPropertyOptional({ example: '2026-11', description: 'Last month (YYYY-MM). Default: this month.' })
  @IsOptional()
  @IsString()
  @MaxLength(7)
  to?: string;
}

export class TopFansQueryDto extends ReportRangeQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ActiveFansPointDto implements ActiveFansPoint {
  @ApiProperty({ example: '2026-11-23', description: "The period's first day (may lie before `from`)." })
  period!: string;

  @ApiProperty({
    example: '2026-11-27',
    description: "The period's last day within the range; values are taken on it.",
  })
  periodEnd!: string;

  @ApiProperty({ example: 412 })
  activeFans!: number;

  @ApiProperty({ example: 1380 })
  totalFans!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.298551,
    description: 'activeFans / totalFans; null without fans.',
  })
  ratio!: number | null;

  @ApiProperty({ example: 12, description: 'Fans first seen within the period.' })
  newFans!: number;

  @ApiProperty({ example: 97, description: 'Fans active within the period who were first seen before it.' })
  returningFans!: number;
}

export class ActiveFansReportDto implements ActiveFansReport {
  @ApiProperty({ example: '2026-10-29' })
  from!: string;

  @ApiProperty({ example: '2026-11-27' })
  to!: string;

  @ApiProperty({ enum: REPORT_GRANULARITIES })
  granularity!: ReportGranularity;

  @ApiProperty({
    example: 30,
    description: 'A fan is active on a day with a counted event in this many days ending with it.',
  })
  windowDays!: number;

  @ApiProperty({ example: 'Europe/Berlin' })
  timeZone!: string;

  @ApiProperty({ enum: CHANNELS, nullable: true })
  channel!: Channel | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  campaignId!: string | null;

  @ApiProperty({ type: [ActiveFansPointDto] })
  points!: ActiveFansPointDto[];
}

export class OverviewKpisDto implements OverviewKpis {
  @ApiProperty({ description: "On the range's last day." })
  totalFans!: number;

  @ApiProperty({ description: "On the range's last day." })
  activeFans!: number;

  @ApiProperty({ type: Number, nullable: true })
  ratio!: number | null;

  @ApiProperty({ description: 'First seen within the range.' })
  newFans!: number;

  @ApiProperty({ description: 'Events that occurred within the range.' })
  events!: number;

  @ApiProperty({ description: 'Points earned within the range, net of reversals.' })
  pointsIssued!: number;

  @ApiProperty({ description: 'Points redeemed within the range, net of refunds.' })
  pointsRedeemed!: number;

  @ApiProperty({ description: "All fans' balances at the end of the range's last day." })
  outstandingPoints!: number;

  @ApiProperty({ description: 'Redemptions made within the range.' })
  redemptions!: number;
}

export class OverviewReportDto implements OverviewReport {
  @ApiProperty({ example: '2026-10-29' })
  from!: string;

  @ApiProperty({ example: '2026-11-27' })
  to!: string;

  @ApiProperty({ example: '2026-09-29' })
  previousFrom!: string;

  @ApiProperty({ example: '2026-10-28' })
  previousTo!: string;

  @ApiProperty({ example: 30 })
  windowDays!: number;

  @ApiProperty({ example: 'Europe/Berlin' })
  timeZone!: string;

  @ApiProperty({ type: OverviewKpisDto })
  current!: OverviewKpisDto;

  @ApiProperty({ type: OverviewKpisDto })
  previous!: OverviewKpisDto;
}

export class ChannelRowDto implements ChannelRow {
  @ApiProperty({ enum: CHANNELS })
  channel!: Channel;

  @ApiProperty({ description: 'Fans active on the channel on the last day.' })
  activeFans!: number;

  @ApiProperty({ description: 'Fans holding the channel (from their first event on it) on the last day.' })
  totalFans!: number;

  @ApiProperty({ type: Number, nullable: true })
  ratio!: number | null;

  @ApiProperty({ description: 'Fans first seen on the channel within the range.' })
  newFans!: number;

  @ApiProperty({ description: 'Events on the channel within the range.' })
  events!: number;
}

export class ChannelsReportDto implements ChannelsReport {
  @ApiProperty({ example: '2026-10-29' })
  from!: string;

  @ApiProperty({ example: '2026-11-27' })
  to!: string;

  @ApiProperty({ example: 30 })
  windowDays!: number;

  @ApiProperty({ type: [ChannelRowDto] })
  channels!: ChannelRowDto[];
}

export class CohortRowDto implements CohortRow {
  @ApiProperty({ example: '2026-03' })
  month!: string;

  @ApiProperty({ description: 'Fans first seen in the month.' })
  size!: number;

  @ApiProperty({
    type: [Number],
    description:
      'Fans of the cohort with counted activity in the cohort month (index 0) and each later month.',
  })
  active!: number[];
}

export class CohortsReportDto implements CohortsReport {
  @ApiProperty({ example: '2025-12' })
  from!: string;

  @ApiProperty({ example: '2026-11' })
  to!: string;

  @ApiProperty({ type: [CohortRowDto] })
  cohorts!: CohortRowDto[];
}

export class TopFanDto implements TopFan {
  @ApiProperty({ format: 'uuid' })
  fanId!: string;

  @ApiProperty({ type: String, nullable: true })
  displayName!: string | null;

  @ApiProperty({ type: String, nullable: true })
  handle!: string | null;

  @ApiProperty({ enum: CHANNELS, nullable: true })
  channel!: Channel | null;

  @ApiProperty({ description: 'Points earned within the range, net of reversals.' })
  pointsEarned!: number;

  @ApiProperty({ description: 'Events within the range.' })
  events!: number;

  @ApiProperty()
  balance!: number;

  @ApiProperty({ type: String, nullable: true })
  tier!: string | null;
}

export class TopFansReportDto implements TopFansReport {
  @ApiProperty({ example: '2026-10-29' })
  from!: string;

  @ApiProperty({ example: '2026-11-27' })
  to!: string;

  @ApiProperty({ type: [TopFanDto] })
  fans!: TopFanDto[];
}
