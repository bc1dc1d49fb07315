import { Module } from '@nestjs/common';

import { FansModule } from '../fans/fans.module';
import { LedgerModule } from '../ledger/ledger.module';
import { TiersModule } from '../tiers/tiers.module';
import { ExpiryRepository } from './expiry.repository';
import { ExpiryService } from './expiry.service';

/** Points expiry and the review of rolling tiers, run daily on the job queue. */
@Module({
  imports: [FansModule, LedgerModule, TiersModule],
  providers: [ExpiryRepository, ExpiryService],
  exports: [ExpiryService],
})
export class ExpiryModule {}
