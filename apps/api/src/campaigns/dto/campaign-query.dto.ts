import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../entities/campaign.entity';

export class CampaignQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: CAMPAIGN_STATUSES,
    description: 'Only campaigns that read as this status now (a campaign past its endsAt reads as ended).',
  })
  @IsOptional()
  @IsIn(CAMPAIGN_STATUSES, { message: `status must be one of ${CAMPAIGN_STATUSES.join(', ')}` })
  status?: CampaignStatus;
}
