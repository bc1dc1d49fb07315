import { Module } from '@nestjs/common';

import { EventsModule } from '../events/events.module';
import { FansModule } from '../fans/fans.module';
import { WidgetModule } from '../widget/widget.module';
import { ConnectionsController } from './connections.controller';
import { ConnectionsService } from './connections.service';
import { FanLinksController } from './fan-links.controller';
import { HookProcessor } from './hook-processor';
import { HooksController } from './hooks.controller';
import { HooksService } from './hooks.service';
import { LinkingService } from './linking.service';
import { WidgetLinksController } from './widget-links.controller';

/**
 * Social connectors: a brand's Meta app and generic webhook senders, the signed-delivery inbox and
 * its processing, and verified account linking.
 */
@Module({
  imports: [EventsModule, FansModule, WidgetModule],
  controllers: [HooksController, ConnectionsController, FanLinksController, WidgetLinksController],
  providers: [ConnectionsService, HooksService, HookProcessor, LinkingService],
  exports: [LinkingService],
})
export class ConnectorsModule {}
