import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module';
import { FansModule } from '../fans/fans.module';
import { LedgerModule } from '../ledger/ledger.module';
import { RedemptionsModule } from '../redemptions/redemptions.module';
import { RewardsModule } from '../rewards/rewards.module';
import { TiersModule } from '../tiers/tiers.module';
import { WidgetAuthModule } from './widget-auth.module';
import { WidgetSettingsController } from './widget-settings.controller';
import { WidgetSettingsService } from './widget-settings.service';
import { WidgetController } from './widget.controller';
import { WidgetService } from './widget.service';

/** The fan widget's API and its settings in the admin. */
@Module({
  imports: [
    AuditModule,
    FansModule,
    LedgerModule,
    RedemptionsModule,
    RewardsModule,
    TiersModule,
    WidgetAuthModule,
  ],
  controllers: [WidgetController, WidgetSettingsController],
  providers: [WidgetService, WidgetSettingsService],
  exports: [WidgetSettingsService, WidgetService],
})
export class WidgetModule {}
