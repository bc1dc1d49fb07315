import { Module } from '@nestjs/common';

import { TiersModule } from '../tiers/tiers.module';
import { RewardsController } from './rewards.controller';
import { RewardsRepository } from './rewards.repository';
import { RewardsService } from './rewards.service';

/**
 * Owns the rewards catalogue: rewards (goodies) with cost, kind, stock, per-fan limit, minimum
 * tier and availability window, and the coupon code pools uploaded to coupon rewards.
 */
@Module({
  imports: [TiersModule],
  controllers: [RewardsController],
  providers: [RewardsRepository, RewardsService],
  exports: [RewardsService, RewardsRepository],
})
export class RewardsModule {}
