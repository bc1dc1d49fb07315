import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';

import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BrandsModule } from './brands/brands.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { ConfigModule, type RuntimeConfig } from './config/config.module';
import { ConnectorsModule } from './connectors/connectors.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { EventsModule } from './events/events.module';
import { ExpiryModule } from './expiry/expiry.module';
import { FansModule } from './fans/fans.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { JobsModule } from './jobs/jobs.module';
import { MembersModule } from './members/members.module';
import { OutboundModule } from './outbound/outbound.module';
import { RedemptionsModule } from './redemptions/redemptions.module';
import { ReportsModule } from './reports/reports.module';
import { WidgetModule } from './widget/widget.module';
import { RewardsModule } from './rewards/rewards.module';
import { RulesModule } from './rules/rules.module';
import { TiersModule } from './tiers/tiers.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  /** `extraImports`: tests mount probe controllers through the real pipeline with it. */
  static forRoot(
    config: RuntimeConfig,
    extraImports: NonNullable<ModuleMetadata['imports']> = [],
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...extraImports,
        ConfigModule.forRoot(config),
        DatabaseModule,
        JobsModule,
        AuditModule,
        UsersModule,
        AuthModule,
        BrandsModule,
        MembersModule,
        ApiKeysModule,
        CampaignsModule,
        TiersModule,
        EventsModule,
        ImportsModule,
        FansModule,
        ReportsModule,
        ConnectorsModule,
        OutboundModule,
        ExpiryModule,
        RulesModule,
        RewardsModule,
        RedemptionsModule,
        WidgetModule,
        HealthModule,
        DemoModule,
      ],
    };
  }
}
