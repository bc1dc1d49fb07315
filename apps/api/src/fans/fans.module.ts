import { Module } from '@nestjs/common';

import { LedgerModule } from '../ledger/ledger.module';
import { FansController } from './fans.controller';
import { FansRepository } from './fans.repository';
import { FansService } from './fans.service';

/** Owns fans and their identities: recognition, search, detail, manual adjustments. */
@Module({
  imports: [LedgerModule],
  controllers: [FansController],
  providers: [FansRepository, FansService],
  exports: [FansRepository],
})
export class FansModule {}
