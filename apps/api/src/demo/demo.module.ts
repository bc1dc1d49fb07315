import { Module } from '@nestjs/common';

import { BrandsModule } from '../brands/brands.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { EventsModule } from '../events/events.module';
import { RewardsModule } from '../rewards/rewards.module';
import { TiersModule } from '../tiers/tiers.module';
import { UsersModule } from '../users/users.module';
import { WidgetAuthModule } from '../widget/widget-auth.module';
import { WidgetModule } from '../widget/widget.module';
import { DemoDataService } from './demo-data.service';
import { DemoShopController } from './demo-shop.controller';
import { DemoShopService } from './demo-shop.service';
import { FirstStartService } from './first-start.service';

/** Owns what a fresh installation starts with: the first owner and the demo bakery with its history. */
@Module({
  imports: [
    UsersModule,
    BrandsModule,
    CampaignsModule,
    TiersModule,
    EventsModule,
    RewardsModule,
    WidgetModule,
    WidgetAuthModule,
  ],
  controllers: [DemoShopController],
  providers: [FirstStartService, DemoDataService, DemoShopService],
  exports: [FirstStartService],
})
export class DemoModule {}
