import { Module } from '@nestjs/common';

import { LedgerRepository } from './ledger.repository';

/** Owns the append-only points ledger and the campaigns' issued points. */
@Module({ providers: [LedgerRepository], exports: [LedgerRepository] })
export class LedgerModule {}
