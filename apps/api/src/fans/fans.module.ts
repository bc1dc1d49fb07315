import { Module } from '@nestjs/common';

import { LedgerModule } from '../ledger/ledger.module';
import { AnalyticsCoreModule } from '../reports/analytics-core.module';
import { TiersModule } from '../tiers/tiers.module';
import { FansController } from './fans.controller';
import { FansRepository } from './fans.repository';
import { FansService } from './fans.service';

/** Owns fans and their identities: recognition, search, detail, manual adjustments. */
@Module({
  imports: [LedgerModule, TiersModule, AnalyticsCoreModule],
  controllers: [FansController],
  providers: [FansRepository, FansService],
  exports: [FansRepository, FansService],
})
export class FansModule {}
