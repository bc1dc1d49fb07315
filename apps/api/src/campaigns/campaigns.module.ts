import { Module } from '@nestjs/common';

import { CampaignsController } from './campaigns.controller';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';

/**
 * Owns campaigns and their reward rules: schedule, status, budget, versioned rules and their
 * policy findings; and the query of live rules that the ingestion evaluates events against.
 */
@Module({
  controllers: [CampaignsController],
  providers: [CampaignsRepository, CampaignsService],
  exports: [CampaignsService],
})
export class CampaignsModule {}
