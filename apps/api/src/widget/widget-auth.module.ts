import { Module } from '@nestjs/common';

import { WidgetAuthService } from './widget-auth.service';

/** The widget's authentication (publishable key, fan tokens, rate limits); used by the access guard. */
@Module({
  providers: [WidgetAuthService],
  exports: [WidgetAuthService],
})
export class WidgetAuthModule {}
