import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';

import { BrandAccess } from '../auth/access.decorators';
import { type Actor, CurrentActor, RequestInfo, type RequestMeta } from '../auth/actor';
import { AnalyticsService } from './analytics.service';
import { AnalyticsSettingsDto, PutAnalyticsSettingsDto } from './dto/analytics-settings.dto';
import {
  ActiveFansExportQueryDto,
  ActiveFansQueryDto,
  ActiveFansReportDto,
  ChannelsReportDto,
  CohortsQueryDto,
  CohortsReportDto,
  OverviewReportDto,
  RangeExportQueryDto,
  ReportRangeQueryDto,
  TopFansQueryDto,
  TopFansReportDto,
} from './dto/reports.dto';
import { type CsvFile, type ExportOptions, ReportExports } from './report-exports';
import { dayRange } from './report-range';
import { ReportsService } from './reports.service';

const READ = { roles: ['owner', 'manager', 'analyst'], scopes: ['reports:read'] } as const;
const CSV_NOTE =
  'RFC 4180 CSV in UTF-8, streamed; `format=excel-de` for German Excel, `pseudonymize=true` to replace fan ids ' +
  'by a keyed hash and leave out names, handles, emails and free text.';

function exportOptions(query: {
  format?: 'csv' | 'excel-de';
  pseudonymize?: 'true' | 'false';
}): ExportOptions {
  return { format: query.format ?? 'csv', pseudonymize: query.pseudonymize === 'true' };
}

function sendCsv(reply: FastifyReply, file: CsvFile): StreamableFile {
  void reply.header('content-type', 'text/csv; charset=utf-8; header=present');
  void reply.header('content-disposition', `attachment; filename="${file.filename}"`);
  void reply.header('cache-control', 'no-store');
  return new StreamableFile(file.stream);
}

@ApiTags('reports')
@Controller('brands/:brandId')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly analytics: AnalyticsService,
    private readonly exports: ReportExports,
  ) {}

  @Get('reports/active-fans')
  @BrandAccess(READ)
  @ApiOperation({
    summary: 'Active fans, total fans and their ratio per day, week or month',
    description:
      "Days are the brand's. A fan is active on a day with a counted event in the window ending with it. Weeks " +
      "(Monday first) and months are whole calendar periods; their values are those on the period's last day " +
      'within the range. With `channel`: fans active on it / fans holding it; with `campaignId`: fans who earned ' +
      'in the campaign within the window / all fans.',
  })
  @ApiOkResponse({ type: ActiveFansReportDto })
  activeFans(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Query() query: ActiveFansQueryDto,
  ): Promise<ActiveFansReportDto> {
    return this.reports.activeFans(brandId, query);
  }

  @Get('reports/overview')
  @BrandAccess(READ)
  @ApiOperation({ summary: 'Key figures of a range beside those of the range of the same length before it' })
  @ApiOkResponse({ type: OverviewReportDto })
  overview(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Query() query: ReportRangeQueryDto,
  ): Promise<OverviewReportDto> {
    return this.reports.overview(brandId, query);
  }

  @Get('reports/channels')
  @BrandAccess(READ)
  @ApiOperation({
    summary: 'Active and total fans per channel on the last day; new fans and events within the range',
  })
  @ApiOkResponse({ type: ChannelsReportDto })
  channels(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Query() query: ReportRangeQueryDto,
  ): Promise<ChannelsReportDto> {
    return this.reports.channels(brandId, query);
  }

  @Get('reports/cohorts')
  @BrandAccess(READ)
  @ApiOperation({ summary: 'Fans by month first seen, and how many of them were active in each later month' })
  @ApiOkResponse({ type: CohortsReportDto })
  cohorts(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Query() query: CohortsQueryDto,
  ): Promise<CohortsReportDto> {
    return this.reports.cohorts(brandId, query);
  }

  @Get('reports/top-fans')
  @BrandAccess(READ)
  @ApiOperation({ summary: 'The fans who earned the most points within the range' })
  @ApiOkResponse({ type: TopFansReportDto })
  topFans(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Query() query: TopFansQueryDto,
  ): Promise<TopFansReportDto> {
    return this.reports.topFans(brandId, query);
  }

  @Get('reports/active-fans.csv')
  @BrandAccess(READ)
  @ApiOperation({ summary: 'The active-fan series as CSV', description: CSV_NOTE })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async activeFansCsv(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Query() query: ActiveFansExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const settings = await this.reports.settings(brandId);
    const report = await this.reports.activeFans(brandId, query, new Date(), settings);
    return sendCsv(reply, this.exports.activeFans(settings, report, exportOptions(query)));
  }

  @Get('reports/fans.csv')
  @BrandAccess(READ)
  @ApiOperation({
    summary:
      'One row per fan counted on the last day: identities, first seen, last active, counted events in the window, active, balance, lifetime points, tier',
    description: `${CSV_NOTE} Rows come in no particular order: a large brand's fans are read in parallel parts.`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async fansCsv(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Query() query: RangeExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const settings = await this.reports.settings(brandId);
    const range = dayRange(query, settings.timeZone, new Date());
    return sendCsv(reply, await this.exports.fans(brandId, settings, range, exportOptions(query)));
  }

  @Get('reports/ledger.csv')
  @BrandAccess(READ)
  @ApiOperation({ summary: 'The ledger entries of the range', description: CSV_NOTE })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async ledgerCsv(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Query() query: RangeExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const settings = await this.reports.settings(brandId);
    const range = dayRange(query, settings.timeZone, new Date());
    return sendCsv(reply, await this.exports.ledger(brandId, settings, range, exportOptions(query)));
  }

  @Get('analytics-settings')
  @BrandAccess(READ)
  @ApiOperation({ summary: 'What counts as an active fan for this brand' })
  @ApiOkResponse({ type: AnalyticsSettingsDto })
  settings(@Param('brandId', ParseUUIDPipe) brandId: string): Promise<AnalyticsSettingsDto> {
    return this.analytics.settings(brandId);
  }

  @Put('analytics-settings')
  @BrandAccess({ roles: ['owner', 'manager'] })
  @ApiOperation({
    summary: 'Change what counts as an active fan',
    description: 'The reports are then recalculated in the background (`state: recalculating` until done).',
  })
  @ApiOkResponse({ type: AnalyticsSettingsDto })
  updateSettings(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: PutAnalyticsSettingsDto,
  ): Promise<AnalyticsSettingsDto> {
    return this.analytics.update(brandId, body, actor, meta);
  }
}
