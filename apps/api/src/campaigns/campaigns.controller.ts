import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import { BrandAccess } from '../auth/access.decorators';
import { type Actor, CurrentActor, RequestInfo, type RequestMeta } from '../auth/actor';
import { ApiProblemResponse } from '../common/errors/api-problem.decorator';
import { ResourceIdPipe } from '../common/http/id.pipe';
import { CampaignsService } from './campaigns.service';
import { CampaignDto, CampaignPageDto, toCampaignDto } from './dto/campaign.dto';
import { CampaignQueryDto } from './dto/campaign-query.dto';
import { CreateCampaignDto } from './dto/create-campaign.dto';
import { UpdateCampaignDto } from './dto/update-campaign.dto';

const SCHEDULE_NOTE =
  'A campaign whose endsAt has passed reads as ended (unless it is a draft) and stays ended; ' +
  'making a campaign active or paused with an endsAt that has already passed answers 409 invalid_transition.';

@ApiTags('campaigns')
@Controller('brands/:brandId/campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @BrandAccess({ roles: ['owner', 'manager', 'analyst'] })
  @ApiOperation({ summary: "The brand's campaigns with their rules, newest first" })
  @ApiOkResponse({ type: CampaignPageDto })
  async list(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Query() query: CampaignQueryDto,
  ): Promise<CampaignPageDto> {
    const page = await this.campaigns.list(brandId, query.limit ?? 50, query.cursor, query.status);
    return { items: page.items.map(toCampaignDto), nextCursor: page.nextCursor };
  }

  @Post()
  @HttpCode(201)
  @BrandAccess({ roles: ['owner', 'manager'] })
  @ApiOperation({
    summary: 'Create a campaign with its rules',
    description:
      'Rules are checked field by field (400, e.g. rules.0.award.points) and against platform ' +
      'policies: a rule with a blocking finding can be saved in a draft or paused campaign, but not ' +
      `in an active one (409 policy_blocked); warnings come back in findings. ${SCHEDULE_NOTE}`,
  })
  @ApiCreatedResponse({ type: CampaignDto })
  @ApiProblemResponse(409, 'policy_blocked: a rule has a blocking policy finding; invalid_transition.')
  async create(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: CreateCampaignDto,
  ): Promise<CampaignDto> {
    return toCampaignDto(await this.campaigns.create(brandId, body, actor, meta));
  }

  @Get(':campaignId')
  @BrandAccess({ roles: ['owner', 'manager', 'analyst'] })
  @ApiOperation({ summary: 'One campaign with its rules and their policy findings' })
  @ApiOkResponse({ type: CampaignDto })
  async get(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('campaignId', new ResourceIdPipe('Campaign')) campaignId: string,
  ): Promise<CampaignDto> {
    return toCampaignDto(await this.campaigns.get(brandId, campaignId));
  }

  @Patch(':campaignId')
  @BrandAccess({ roles: ['owner', 'manager'] })
  @ApiOperation({
    summary: 'Change a campaign, its status or its rules',
    description:
      'Fields left out stay as they are. A changed rule gets its next version; points already booked ' +
      `never change. Status: draft → active | paused, active → paused | ended, paused → active | ended; ` +
      `ended is final. ${SCHEDULE_NOTE}`,
  })
  @ApiOkResponse({ type: CampaignDto })
  @ApiProblemResponse(
    409,
    'invalid_transition; policy_blocked (a rule has a blocking policy finding); budget_below_issued.',
  )
  async update(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('campaignId', new ResourceIdPipe('Campaign')) campaignId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: UpdateCampaignDto,
  ): Promise<CampaignDto> {
    return toCampaignDto(await this.campaigns.update(brandId, campaignId, body, actor, meta));
  }

  @Delete(':campaignId')
  @HttpCode(204)
  @BrandAccess({ roles: ['owner', 'manager'] })
  @ApiOperation({ summary: 'Delete a campaign that never booked points (end the others instead)' })
  @ApiNoContentResponse()
  @ApiProblemResponse(409, 'campaign_has_awards: the campaign booked points; end it instead.')
  async delete(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('campaignId', new ResourceIdPipe('Campaign')) campaignId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
  ): Promise<void> {
    await this.campaigns.delete(brandId, campaignId, actor, meta);
  }
}
