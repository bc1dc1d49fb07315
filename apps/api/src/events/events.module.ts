import { Module } from '@nestjs/common';

import { BrandsModule } from '../brands/brands.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { FansModule } from '../fans/fans.module';
import { LedgerModule } from '../ledger/ledger.module';
import { AnalyticsCoreModule } from '../reports/analytics-core.module';
import { TiersModule } from '../tiers/tiers.module';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';

/** Owns engagement events: ingestion, idempotency and their outcomes. */
@Module({
  imports: [BrandsModule, CampaignsModule, TiersModule, FansModule, LedgerModule, AnalyticsCoreModule],
  controllers: [EventsController],
  providers: [EventsRepository, EventsService],
  exports: [EventsService],
})
export class EventsModule {}
