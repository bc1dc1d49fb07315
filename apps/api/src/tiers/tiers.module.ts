import { Module } from '@nestjs/common';

import { TiersController } from './tiers.controller';
import { TiersRepository } from './tiers.repository';
import { TiersService } from './tiers.service';

/** Owns brands' tier ladders (name, threshold, multiplier, perks) and the basis thresholds count on. */
@Module({
  controllers: [TiersController],
  providers: [TiersRepository, TiersService],
  exports: [TiersService],
})
export class TiersModule {}
