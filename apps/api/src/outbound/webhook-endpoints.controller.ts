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
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import { BrandAccess } from '../auth/access.decorators';
import { type Actor, CurrentActor, RequestInfo, type RequestMeta } from '../auth/actor';
import { ResourceIdPipe } from '../common/http/id.pipe';
import {
  toAttemptDto,
  toDeliveryDto,
  WebhookDeliveriesQueryDto,
  WebhookDeliveryDetailDto,
  WebhookDeliveryDto,
  WebhookDeliveryPageDto,
  WebhookTestDto,
} from './dto/webhook-delivery.dto';
import {
  CreateWebhookEndpointDto,
  RotateWebhookSecretDto,
  toEndpointDto,
  UpdateWebhookEndpointDto,
  WebhookEndpointDto,
  WebhookEndpointListDto,
  WebhookEndpointSecretDto,
} from './dto/webhook-endpoint.dto';
import { DEFAULT_ENDPOINT_OVERLAP_HOURS, WebhookEndpointsService } from './webhook-endpoints.service';

const MANAGE = { roles: ['owner', 'manager'] } as const;
const ENDPOINT = new ResourceIdPipe('Webhook endpoint');
const DELIVERY = new ResourceIdPipe('Webhook delivery');

@ApiTags('webhooks')
@Controller('brands/:brandId/webhook-endpoints')
export class WebhookEndpointsController {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  @Get()
  @BrandAccess(MANAGE)
  @ApiOperation({ summary: "The brand's outbound webhook endpoints (secrets never shown)" })
  @ApiOkResponse({ type: WebhookEndpointListDto })
  async list(@Param('brandId', ParseUUIDPipe) brandId: string): Promise<WebhookEndpointListDto> {
    const endpoints = await this.endpoints.list(brandId);
    const now = new Date();
    return { items: endpoints.map((endpoint) => toEndpointDto(endpoint, now)) };
  }

  @Post()
  @HttpCode(201)
  @BrandAccess(MANAGE)
  @ApiOperation({
    summary: 'Add an endpoint; its whsec_ signing secret is answered this once only',
    description:
      'Deliveries are signed the Standard Webhooks way (webhook-id, webhook-timestamp, webhook-signature).',
  })
  @ApiCreatedResponse({ type: WebhookEndpointSecretDto })
  async create(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: CreateWebhookEndpointDto,
  ): Promise<WebhookEndpointSecretDto> {
    const { endpoint, secret } = await this.endpoints.create(brandId, body, actor, meta);
    return { endpoint: toEndpointDto(endpoint), secret };
  }

  @Get(':endpointId')
  @BrandAccess(MANAGE)
  @ApiOperation({ summary: 'One endpoint' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  async get(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('endpointId', ENDPOINT) endpointId: string,
  ): Promise<WebhookEndpointDto> {
    return toEndpointDto(await this.endpoints.get(brandId, endpointId));
  }

  @Patch(':endpointId')
  @BrandAccess(MANAGE)
  @ApiOperation({
    summary: 'Change an endpoint: URL, description, event types, enabled',
    description:
      'Disabling fails its pending deliveries; enabling clears the disabled reason (replay what it missed).',
  })
  @ApiOkResponse({ type: WebhookEndpointDto })
  async update(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('endpointId', ENDPOINT) endpointId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointDto> {
    return toEndpointDto(await this.endpoints.update(brandId, endpointId, body, actor, meta));
  }

  @Post(':endpointId/rotate')
  @HttpCode(200)
  @BrandAccess(MANAGE)
  @ApiOperation({
    summary:
      'Issue a new signing secret (answered once); the current one signs as well for overlapHours (default 24)',
  })
  @ApiOkResponse({ type: WebhookEndpointSecretDto })
  async rotate(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('endpointId', ENDPOINT) endpointId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: RotateWebhookSecretDto,
  ): Promise<WebhookEndpointSecretDto> {
    const { endpoint, secret } = await this.endpoints.rotate(
      brandId,
      endpointId,
      body.overlapHours ?? DEFAULT_ENDPOINT_OVERLAP_HOURS,
      actor,
      meta,
    );
    return { endpoint: toEndpointDto(endpoint), secret };
  }

  @Delete(':endpointId')
  @HttpCode(204)
  @BrandAccess(MANAGE)
  @ApiOperation({ summary: 'Delete an endpoint with its delivery log' })
  @ApiNoContentResponse()
  async remove(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('endpointId', ENDPOINT) endpointId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
  ): Promise<void> {
    await this.endpoints.remove(brandId, endpointId, actor, meta);
  }

  @Post(':endpointId/test')
  @HttpCode(202)
  @BrandAccess(MANAGE)
  @ApiOperation({
    summary: 'Send a webhook.test message to this endpoint only; see the delivery log for the answer',
  })
  @ApiAcceptedResponse({ type: WebhookTestDto })
  sendTest(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('endpointId', ENDPOINT) endpointId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
  ): Promise<WebhookTestDto> {
    return this.endpoints.sendTest(brandId, endpointId, actor, meta);
  }

  @Get(':endpointId/deliveries')
  @BrandAccess(MANAGE)
  @ApiOperation({ summary: "The endpoint's delivery log, newest first" })
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  async deliveries(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('endpointId', ENDPOINT) endpointId: string,
    @Query() query: WebhookDeliveriesQueryDto,
  ): Promise<WebhookDeliveryPageDto> {
    const page = await this.endpoints.deliveries(brandId, endpointId, query);
    return { items: page.items.map(toDeliveryDto), nextCursor: page.nextCursor };
  }

  @Get(':endpointId/deliveries/:deliveryId')
  @BrandAccess(MANAGE)
  @ApiOperation({ summary: 'One delivery with the payload as sent and every attempt' })
  @ApiOkResponse({ type: WebhookDeliveryDetailDto })
  async delivery(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('endpointId', ENDPOINT) endpointId: string,
    @Param('deliveryId', DELIVERY) deliveryId: string,
  ): Promise<WebhookDeliveryDetailDto> {
    const { delivery, attempts } = await this.endpoints.delivery(brandId, endpointId, deliveryId);
    return { ...toDeliveryDto(delivery), payload: delivery.payload, attemptLog: attempts.map(toAttemptDto) };
  }

  @Post(':endpointId/deliveries/:deliveryId/replay')
  @HttpCode(200)
  @BrandAccess(MANAGE)
  @ApiOperation({
    summary: 'Send a delivery again now, with the same webhook-id; its attempts keep counting',
  })
  @ApiOkResponse({ type: WebhookDeliveryDto })
  async replay(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('endpointId', ENDPOINT) endpointId: string,
    @Param('deliveryId', DELIVERY) deliveryId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
  ): Promise<WebhookDeliveryDto> {
    return toDeliveryDto(await this.endpoints.replay(brandId, endpointId, deliveryId, actor, meta));
  }
}
