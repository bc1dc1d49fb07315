import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { BrandAccess } from '../auth/access.decorators';
import { type Actor, CurrentActor, RequestInfo, type RequestMeta } from '../auth/actor';
import { ApiProblemResponse } from '../common/errors/api-problem.decorator';
import { ResourceIdPipe } from '../common/http/id.pipe';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import {
  AdjustmentDto,
  CreateAdjustmentDto,
  FanDto,
  FanExportDto,
  FanPageDto,
  FanEventPageDto,
  FanQueryDto,
  LedgerPageDto,
  MergeFanDto,
  toFanDto,
  toLedgerEntryDto,
  toFanEventDto,
} from './dto/fan.dto';
import { FansService } from './fans.service';

const READ = { roles: ['owner', 'manager', 'analyst'], scopes: ['fans:read', 'fans:write'] } as const;

@ApiTags('fans')
@Controller('brands/:brandId/fans')
export class FansController {
  constructor(private readonly fans: FansService) {}

  @Get()
  @BrandAccess(READ)
  @ApiOperation({ summary: 'Search fans by name, email, handle or external id' })
  @ApiOkResponse({ type: FanPageDto })
  async search(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Query() query: FanQueryDto,
  ): Promise<FanPageDto> {
    const page = await this.fans.search(brandId, query);
    return {
      items: page.items.map(({ fan, identities }) => toFanDto(fan, identities)),
      nextCursor: page.nextCursor,
    };
  }

  @Get(':fanId')
  @BrandAccess(READ)
  @ApiOperation({
    summary: 'One fan: balance, tier, identities, consent (a merged fan’s id answers its survivor)',
  })
  @ApiOkResponse({ type: FanDto })
  async get(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('fanId', new ResourceIdPipe('Fan')) fanId: string,
  ): Promise<FanDto> {
    const { fan, identities } = await this.fans.get(brandId, fanId);
    return toFanDto(fan, identities);
  }

  @Get(':fanId/events')
  @BrandAccess(READ)
  @ApiOperation({
    summary: "The fan's events with their outcomes, newest first",
    description:
      'What each event earned (by rule and campaign), or why it earned nothing; retractions included.',
  })
  @ApiOkResponse({ type: FanEventPageDto })
  async events(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('fanId', new ResourceIdPipe('Fan')) fanId: string,
    @Query() query: PageQueryDto,
  ): Promise<FanEventPageDto> {
    const page = await this.fans.timelineOf(brandId, fanId, query.limit ?? 50, query.cursor);
    return { items: page.items.map(toFanEventDto), nextCursor: page.nextCursor };
  }

  @Get(':fanId/ledger')
  @BrandAccess(READ)
  @ApiOperation({ summary: "The fan's ledger, newest first, each entry with what explains it" })
  @ApiOkResponse({ type: LedgerPageDto })
  async ledger(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('fanId', new ResourceIdPipe('Fan')) fanId: string,
    @Query() query: PageQueryDto,
  ): Promise<LedgerPageDto> {
    const page = await this.fans.ledgerOf(brandId, fanId, query.limit ?? 50, query.cursor);
    return { items: page.items.map(toLedgerEntryDto), nextCursor: page.nextCursor };
  }

  @Post(':fanId/adjustments')
  @HttpCode(201)
  @BrandAccess({ roles: ['owner', 'manager'], scopes: ['fans:write'] })
  @ApiOperation({ summary: 'Add or take points by hand, with a reason' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key books nothing again.',
  })
  @ApiCreatedResponse({ type: AdjustmentDto })
  @ApiProblemResponse(
    409,
    'The balance would go below zero, or the Idempotency-Key was used for something else.',
  )
  async adjust(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('fanId', new ResourceIdPipe('Fan')) fanId: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: CreateAdjustmentDto,
  ): Promise<AdjustmentDto> {
    const { entry, fan } = await this.fans.adjust(brandId, fanId, body, idempotencyKey, actor, meta);
    return { entry: toLedgerEntryDto(entry), fan: toFanDto(fan.fan, fan.identities) };
  }

  @Get(':fanId/export')
  @BrandAccess({ roles: ['owner', 'manager'], scopes: ['fans:read'] })
  @ApiOperation({ summary: 'Everything stored about the fan, as JSON (GDPR data portability)' })
  @ApiOkResponse({ type: FanExportDto })
  async export(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('fanId', new ResourceIdPipe('Fan')) fanId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FanExportDto> {
    const data = await this.fans.export(brandId, fanId);
    void reply.header('content-disposition', `attachment; filename="fan-${data.fan.id}.json"`);
    return {
      exportedAt: data.exportedAt.toISOString(),
      fan: toFanDto(data.fan, data.identities),
      events: data.events,
      ledger: data.ledger.map(toLedgerEntryDto),
      tierChanges: data.tierChanges,
    };
  }

  @Post(':fanId/erase')
  @HttpCode(200)
  @BrandAccess({ roles: ['owner', 'manager'], scopes: ['fans:write'] })
  @ApiOperation({
    summary: "Erase the fan's personal data (GDPR); balances and ledger totals stay, pseudonymous",
  })
  @ApiOkResponse({ type: FanDto })
  async erase(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('fanId', new ResourceIdPipe('Fan')) fanId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
  ): Promise<FanDto> {
    const { fan, identities } = await this.fans.erase(brandId, fanId, actor, meta);
    return toFanDto(fan, identities);
  }

  @Post(':fanId/merge')
  @HttpCode(200)
  @BrandAccess({ roles: ['owner', 'manager'], scopes: ['fans:write'] })
  @ApiOperation({
    summary: 'Merge another fan into this one: identities, events and points move, nothing is lost',
  })
  @ApiOkResponse({ type: FanDto })
  @ApiProblemResponse(409, 'Same fan, already merged, or erased.')
  async merge(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('fanId', new ResourceIdPipe('Fan')) fanId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: MergeFanDto,
  ): Promise<FanDto> {
    const { fan, identities } = await this.fans.merge(brandId, fanId, body.fanId, actor, meta);
    return toFanDto(fan, identities);
  }
}
