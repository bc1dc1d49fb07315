import { Module } from '@nestjs/common';

import { AnalyticsService } from './analytics.service';
import { ReportExports } from './report-exports';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Active-fan analytics: the reports, their exports, and the upkeep of the rollups they read. */
@Module({
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService, ReportExports, AnalyticsService],
  exports: [AnalyticsService],
})
export class ReportsModule {}
