import { Body, Controller, Get, Headers, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type FastifyRequest } from 'fastify';

import { type Locale } from '@fanfare/shared';

import { WidgetAccess } from '../auth/access.decorators';
import { RequestInfo, type RequestMeta } from '../auth/actor';
import { Unauthenticated } from '../common/errors/domain-error';
import { ApiProblemResponse } from '../common/errors/api-problem.decorator';
import {
  WidgetConfigDto,
  WidgetHistoryPageDto,
  WidgetHistoryQueryDto,
  WidgetLocaleQueryDto,
  WidgetMeDto,
  WidgetRedeemDto,
  WidgetRedemptionDto,
  WidgetRedemptionListDto,
  WidgetRewardListDto,
  WidgetWayToEarnListDto,
} from './dto/widget.dto';
import { type FanClaims, type WidgetCaller } from './widget-auth.service';
import { WidgetService } from './widget.service';

/**
 * The fan widget's API. The brand is named by its publishable key (`?pk=`); the fan by a token the
 * brand's backend signs. Without a token only public data is served.
 */
@ApiTags('widget')
@Controller('widget')
export class WidgetController {
  constructor(private readonly widget: WidgetService) {}

  @Get('config')
  @WidgetAccess({ fan: 'optional' })
  @ApiOperation({ summary: "The brand's name, the widget's colours and texts" })
  @ApiOkResponse({ type: WidgetConfigDto })
  config(@Req() request: FastifyRequest, @Query() query: WidgetLocaleQueryDto): WidgetConfigDto {
    const caller = callerOf(request);
    return this.widget.config(caller.brand, localeOf(caller, query.locale));
  }

  @Get('me')
  @WidgetAccess({ fan: 'required' })
  @ApiOperation({ summary: "The fan's balance, tier and progress to the next tier" })
  @ApiOkResponse({ type: WidgetMeDto })
  async me(@Req() request: FastifyRequest, @Query() _query: WidgetLocaleQueryDto): Promise<WidgetMeDto> {
    const caller = callerOf(request);
    return this.widget.me(caller.brand, fanOf(caller));
  }

  @Get('rewards')
  @WidgetAccess({ fan: 'optional' })
  @ApiOperation({
    summary: 'The catalogue, each reward with whether the fan can redeem it, or why not',
    description:
      'Without a fan token every reward says login_required (unless something else stands in the way).',
  })
  @ApiOkResponse({ type: WidgetRewardListDto })
  async rewards(
    @Req() request: FastifyRequest,
    @Query() query: WidgetLocaleQueryDto,
  ): Promise<WidgetRewardListDto> {
    const caller = callerOf(request);
    return { items: await this.widget.rewardsFor(caller.brand, caller.fan, localeOf(caller, query.locale)) };
  }

  @Get('ways-to-earn')
  @WidgetAccess({ fan: 'optional' })
  @ApiOperation({ summary: "Sentences made from the active campaigns' rules" })
  @ApiOkResponse({ type: WidgetWayToEarnListDto })
  async waysToEarn(
    @Req() request: FastifyRequest,
    @Query() query: WidgetLocaleQueryDto,
  ): Promise<WidgetWayToEarnListDto> {
    const caller = callerOf(request);
    return { items: await this.widget.waysToEarn(caller.brand, localeOf(caller, query.locale)) };
  }

  @Get('history')
  @WidgetAccess({ fan: 'required' })
  @ApiOperation({ summary: "The fan's ledger, newest first, each entry explained" })
  @ApiOkResponse({ type: WidgetHistoryPageDto })
  async history(
    @Req() request: FastifyRequest,
    @Query() query: WidgetHistoryQueryDto,
  ): Promise<WidgetHistoryPageDto> {
    const caller = callerOf(request);
    return this.widget.history(
      caller.brand,
      fanOf(caller),
      localeOf(caller, query.locale),
      query.limit ?? 20,
      query.cursor,
    );
  }

  @Get('redemptions')
  @WidgetAccess({ fan: 'required' })
  @ApiOperation({ summary: "The fan's last 50 redemptions with their codes and links" })
  @ApiOkResponse({ type: WidgetRedemptionListDto })
  async redemptions(
    @Req() request: FastifyRequest,
    @Query() query: WidgetLocaleQueryDto,
  ): Promise<WidgetRedemptionListDto> {
    const caller = callerOf(request);
    return {
      items: await this.widget.redemptionsOf(caller.brand, fanOf(caller), localeOf(caller, query.locale)),
    };
  }

  @Post('redemptions')
  @HttpCode(201)
  @WidgetAccess({ fan: 'required' })
  @ApiOperation({
    summary: 'Redeem a reward',
    description:
      'Takes the points and the stock or a coupon code in one transaction. A retry with the same ' +
      'Idempotency-Key answers the first redemption and books nothing.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'A fresh id per confirmation' })
  @ApiCreatedResponse({ type: WidgetRedemptionDto })
  @ApiProblemResponse(400, 'idempotency_key_required, invalid_idempotency_key, validation_failed.')
  @ApiProblemResponse(404, 'No such reward.')
  @ApiProblemResponse(
    409,
    'insufficient_points, out_of_stock, tier_too_low, fan_limit_reached, reward_inactive, ' +
      'reward_not_available_yet, reward_no_longer_available, idempotency_key_reused.',
  )
  async redeem(
    @Req() request: FastifyRequest,
    @Query() query: WidgetLocaleQueryDto,
    @Body() body: WidgetRedeemDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @RequestInfo() meta: RequestMeta,
  ): Promise<WidgetRedemptionDto> {
    const caller = callerOf(request);
    return this.widget.redeem(
      caller.brand,
      fanOf(caller),
      body,
      idempotencyKey,
      localeOf(caller, query.locale),
      meta,
    );
  }
}

function callerOf(request: FastifyRequest): WidgetCaller {
  if (!request.widget)
    throw new Unauthenticated('publishable_key_invalid', 'The publishable key is missing.');
  return request.widget;
}

function fanOf(caller: WidgetCaller): FanClaims {
  if (!caller.fan) throw new Unauthenticated('fan_token_required', "This needs the fan's token.");
  return caller.fan;
}

function localeOf(caller: WidgetCaller, asked: Locale | undefined): Locale {
  return asked ?? caller.brand.locale;
}
