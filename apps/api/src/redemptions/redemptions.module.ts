import { Module } from '@nestjs/common';

import { FansModule } from '../fans/fans.module';
import { LedgerModule } from '../ledger/ledger.module';
import { RewardsModule } from '../rewards/rewards.module';
import { TiersModule } from '../tiers/tiers.module';
import { RedemptionsController } from './redemptions.controller';
import { RedemptionsRepository } from './redemptions.repository';
import { RedemptionsService } from './redemptions.service';

/**
 * Owns redemptions: fans spending points on rewards (stock, coupon codes, the ledger's redeem and
 * refund entries) and the staff queue that fulfils or cancels them. The widget API will call the
 * same service.
 */
@Module({
  imports: [FansModule, LedgerModule, RewardsModule, TiersModule],
  controllers: [RedemptionsController],
  providers: [RedemptionsRepository, RedemptionsService],
  exports: [RedemptionsService, RedemptionsRepository],
})
export class RedemptionsModule {}
