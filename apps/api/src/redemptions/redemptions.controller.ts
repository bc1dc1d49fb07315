import { Readable } from 'node:stream';

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
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';

import { BrandAccess } from '../auth/access.decorators';
import { type Actor, CurrentActor, isOwnerOrManager, RequestInfo, type RequestMeta } from '../auth/actor';
import { ApiProblemResponse } from '../common/errors/api-problem.decorator';
import { ResourceIdPipe } from '../common/http/id.pipe';
import {
  CancelRedemptionDto,
  CreateRedemptionDto,
  RedemptionDto,
  RedemptionFilterDto,
  RedemptionPageDto,
  RedemptionQueryDto,
  toRedemptionDto,
} from './dto/redemption.dto';
import { csvLine } from './redemption-csv';
import { type RedemptionFilter, type RedemptionRow } from './redemptions.repository';
import { RedemptionsService } from './redemptions.service';

const READ = { roles: ['owner', 'manager', 'analyst'] } as const;
const WRITE = { roles: ['owner', 'manager'] } as const;

const PRIVATE_NOTE = 'Coupon codes and shipping addresses are shown to owners and managers only.';
const REDEEM_CONFLICTS =
  'fan_erased, idempotency_key_reused, reward_inactive, reward_not_available_yet, reward_no_longer_available, ' +
  'tier_too_low, fan_limit_reached, insufficient_points, out_of_stock.';

/** Owners and managers see codes and addresses; analysts see the queue without them. */
function toFilter(query: RedemptionFilterDto): RedemptionFilter {
  return {
    ...(query.status !== undefined ? { status: query.status } : {}),
    ...(query.rewardId !== undefined ? { rewardId: query.rewardId.toLowerCase() } : {}),
    ...(query.fanId !== undefined ? { fanId: query.fanId.toLowerCase() } : {}),
    ...(query.from !== undefined ? { from: new Date(query.from) } : {}),
    ...(query.to !== undefined ? { to: new Date(query.to) } : {}),
  };
}

@ApiTags('redemptions')
@Controller('brands/:brandId')
export class RedemptionsController {
  constructor(private readonly redemptions: RedemptionsService) {}

  @Post('fans/:fanId/redemptions')
  @HttpCode(201)
  @BrandAccess(WRITE)
  @ApiOperation({
    summary: "Redeem a reward on the fan's behalf",
    description:
      'Checks the reward (active, window, minimum tier, per-fan limit, stock or codes) and the balance, ' +
      'takes the points, the stock or a coupon code, all in one transaction. Coupon and download ' +
      'redemptions are fulfilled at once; physical and custom ones wait as pending for staff. A retry ' +
      'with the same Idempotency-Key and body answers the same redemption (201, its current state) and ' +
      'books nothing, also when the retries arrive at the same time.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '1–200 visible ASCII characters.' })
  @ApiCreatedResponse({ type: RedemptionDto })
  @ApiProblemResponse(400, 'idempotency_key_required, invalid_idempotency_key, validation_failed.')
  @ApiProblemResponse(409, REDEEM_CONFLICTS)
  async redeem(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('fanId', new ResourceIdPipe('Fan')) fanId: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: CreateRedemptionDto,
  ): Promise<RedemptionDto> {
    const row = await this.redemptions.redeem(
      brandId,
      fanId,
      body.rewardId.toLowerCase(),
      body.shippingAddress !== undefined ? { shippingAddress: body.shippingAddress } : {},
      idempotencyKey,
      actor,
      meta,
    );
    return toRedemptionDto(row, { revealPrivate: isOwnerOrManager(actor) });
  }

  @Get('redemptions')
  @BrandAccess(READ)
  @ApiOperation({ summary: 'The redemption queue, newest first', description: PRIVATE_NOTE })
  @ApiOkResponse({ type: RedemptionPageDto })
  async list(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @CurrentActor() actor: Actor,
    @Query() query: RedemptionQueryDto,
  ): Promise<RedemptionPageDto> {
    const page = await this.redemptions.list(brandId, toFilter(query), query.limit ?? 50, query.cursor);
    const options = { revealPrivate: isOwnerOrManager(actor) };
    return { items: page.items.map((row) => toRedemptionDto(row, options)), nextCursor: page.nextCursor };
  }

  @Get('redemptions.csv')
  @BrandAccess(READ)
  @ApiOperation({
    summary: 'The redemptions the filters match, as CSV (RFC 4180, UTF-8), newest first',
    description: `Streamed in chunks. ${PRIVATE_NOTE} Analysts get the file without those columns.`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file.', schema: { type: 'string' } })
  async exportCsv(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @CurrentActor() actor: Actor,
    @Query() query: RedemptionFilterDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { fileName, chunks } = await this.redemptions.openExport(brandId, toFilter(query));
    const revealPrivate = isOwnerOrManager(actor);
    async function* lines(): AsyncGenerator<string> {
      yield csvLine(csvHeader(revealPrivate));
      for await (const chunk of chunks)
        yield chunk.map((row) => csvLine(csvRow(row, revealPrivate))).join('');
    }
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(Readable.from(lines()));
  }

  @Get('redemptions/:redemptionId')
  @BrandAccess(READ)
  @ApiOperation({ summary: 'One redemption', description: PRIVATE_NOTE })
  @ApiOkResponse({ type: RedemptionDto })
  async get(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('redemptionId', new ResourceIdPipe('Redemption')) redemptionId: string,
    @CurrentActor() actor: Actor,
  ): Promise<RedemptionDto> {
    return toRedemptionDto(await this.redemptions.get(brandId, redemptionId), {
      revealPrivate: isOwnerOrManager(actor),
    });
  }

  @Post('redemptions/:redemptionId/fulfil')
  @HttpCode(200)
  @BrandAccess(WRITE)
  @ApiOperation({ summary: 'Mark a pending redemption fulfilled (shipped, handed over)' })
  @ApiOkResponse({ type: RedemptionDto })
  @ApiProblemResponse(409, 'already_fulfilled, already_cancelled: only pending redemptions are fulfilled.')
  async fulfil(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('redemptionId', new ResourceIdPipe('Redemption')) redemptionId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
  ): Promise<RedemptionDto> {
    return toRedemptionDto(await this.redemptions.fulfil(brandId, redemptionId, actor, meta), {
      revealPrivate: isOwnerOrManager(actor),
    });
  }

  @Post('redemptions/:redemptionId/cancel')
  @HttpCode(200)
  @BrandAccess(WRITE)
  @ApiOperation({
    summary: 'Cancel a redemption: the points go back once',
    description:
      'Pending or fulfilled redemptions can be cancelled, once. The points are refunded, a stocked ' +
      'reward gets its item back, and a coupon code returns to the pool only while the redemption is ' +
      'pending; a fulfilled coupon redemption has shown its code, so the code stays spent.',
  })
  @ApiOkResponse({ type: RedemptionDto })
  @ApiProblemResponse(409, 'already_cancelled.')
  async cancel(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('redemptionId', new ResourceIdPipe('Redemption')) redemptionId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: CancelRedemptionDto,
  ): Promise<RedemptionDto> {
    return toRedemptionDto(await this.redemptions.cancel(brandId, redemptionId, body.reason, actor, meta), {
      revealPrivate: isOwnerOrManager(actor),
    });
  }
}

function csvHeader(revealPrivate: boolean): string[] {
  return [
    'id',
    'created_at',
    'status',
    'fan_id',
    'fan_display_name',
    'reward_id',
    'reward_name_de',
    'reward_name_en',
    'reward_kind',
    'points',
    ...(revealPrivate
      ? ['code', 'ship_name', 'ship_street', 'ship_postal_code', 'ship_city', 'ship_country']
      : []),
    'created_by',
    'fulfilled_at',
    'cancelled_at',
    'cancel_reason',
  ];
}

function csvRow(row: RedemptionRow, revealPrivate: boolean): Array<string | number | null> {
  const address = row.shippingAddress;
  return [
    row.id,
    row.createdAt.toISOString(),
    row.status,
    row.fanId,
    row.fanDisplayName,
    row.rewardId,
    row.rewardNameDe,
    row.rewardNameEn,
    row.rewardKind,
    Number(row.points),
    ...(revealPrivate
      ? [
          row.code,
          address?.name ?? null,
          address?.street ?? null,
          address?.postalCode ?? null,
          address?.city ?? null,
          address?.country ?? null,
        ]
      : []),
    row.createdBy,
    row.fulfilledAt?.toISOString() ?? null,
    row.cancelledAt?.toISOString() ?? null,
    row.cancelReason,
  ];
}
