import { Module } from '@nestjs/common';

import { ActivityWriter } from './activity-writer';

/** What writers of fans and events need to keep the report rollups current. */
@Module({
  providers: [ActivityWriter],
  exports: [ActivityWriter],
})
export class AnalyticsCoreModule {}
