import { Module } from '@nestjs/common';

import { BrandsModule } from '../brands/brands.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { FansModule } from '../fans/fans.module';
import { LedgerModule } from '../ledger/ledger.module';
import { TiersModule } from '../tiers/tiers.module';
import { RulesController } from './rules.controller';
import { SimulatorService } from './simulator.service';

/** Owns rule evaluation for people: the simulator that explains what an event would earn. */
@Module({
  imports: [BrandsModule, CampaignsModule, TiersModule, FansModule, LedgerModule],
  controllers: [RulesController],
  providers: [SimulatorService],
})
export class RulesModule {}
