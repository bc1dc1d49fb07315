import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
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
import { DEFAULT_SENDER_OVERLAP_HOURS, ConnectionsService } from './connections.service';
import {
  ConnectionsDto,
  CreateSenderDto,
  PutMetaConnectionDto,
  RotateSenderDto,
  SavedMetaConnectionDto,
  SenderSecretDto,
  toMetaConnectionDto,
  toSenderDto,
} from './dto/connections.dto';
import { DeliveriesQueryDto, HookDeliveryPageDto } from './dto/deliveries.dto';
import { HooksService, type Receipt } from './hooks.service';

const MANAGE = { roles: ['owner', 'manager'] } as const;

@ApiTags('connections')
@Controller('brands/:brandId/connections')
export class ConnectionsController {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly hooks: HooksService,
  ) {}

  @Get()
  @BrandAccess(MANAGE)
  @ApiOperation({ summary: "The brand's Meta connection and generic webhook senders (secrets never shown)" })
  @ApiOkResponse({ type: ConnectionsDto })
  async list(@Param('brandId', ParseUUIDPipe) brandId: string): Promise<ConnectionsDto> {
    const { meta, senders } = await this.connections.list(brandId);
    return {
      meta: meta ? toMetaConnectionDto(meta) : null,
      senders: senders.map(toSenderDto),
      genericPath: `/api/v1/hooks/generic/${brandId}`,
    };
  }

  @Put('meta')
  @BrandAccess(MANAGE)
  @ApiOperation({
    summary: 'Connect the Meta app or change it',
    description:
      'The App Secret is required when connecting and never answered. A verify token for the subscription ' +
      'handshake is issued on connecting (and with newVerifyToken) and answered this once only.',
  })
  @ApiOkResponse({ type: SavedMetaConnectionDto })
  async putMeta(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: PutMetaConnectionDto,
  ): Promise<SavedMetaConnectionDto> {
    const saved = await this.connections.putMeta(brandId, body, actor, meta);
    return {
      connection: toMetaConnectionDto(saved.connection),
      ...(saved.verifyToken ? { verifyToken: saved.verifyToken } : {}),
    };
  }

  @Delete('meta')
  @HttpCode(204)
  @BrandAccess(MANAGE)
  @ApiOperation({ summary: 'Disconnect the Meta app: its deliveries are refused from now on' })
  @ApiNoContentResponse()
  async deleteMeta(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
  ): Promise<void> {
    await this.connections.deleteMeta(brandId, actor, meta);
  }

  @Post('meta/test')
  @HttpCode(200)
  @BrandAccess(MANAGE)
  @ApiOperation({
    summary: 'Send a signed test delivery through the Meta connection',
    description: 'A comment as Meta sends one, received like any delivery; mapped and logged, never booked.',
  })
  @ApiOkResponse({ description: 'The test delivery in the inbox' })
  sendMetaTest(@Param('brandId', ParseUUIDPipe) brandId: string): Promise<Receipt> {
    return this.hooks.sendMetaTest(brandId, new Date());
  }

  @Get('deliveries')
  @BrandAccess(MANAGE)
  @ApiOperation({
    summary: 'The delivery log: every signed delivery received, newest first, with what it came to',
  })
  @ApiOkResponse({ type: HookDeliveryPageDto })
  deliveries(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Query() query: DeliveriesQueryDto,
  ): Promise<HookDeliveryPageDto> {
    return this.hooks.list(brandId, query);
  }

  @Post('senders')
  @HttpCode(201)
  @BrandAccess(MANAGE)
  @ApiOperation({ summary: 'Add a generic webhook sender; its whsec_ secret is answered this once only' })
  @ApiCreatedResponse({ type: SenderSecretDto })
  async createSender(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: CreateSenderDto,
  ): Promise<SenderSecretDto> {
    const { sender, secret } = await this.connections.createSender(brandId, body.name, actor, meta);
    return { sender: toSenderDto(sender), secret };
  }

  @Post('senders/:senderId/rotate')
  @HttpCode(200)
  @BrandAccess(MANAGE)
  @ApiOperation({
    summary: 'Issue a sender a new secret; the current one keeps verifying for overlapHours (default 24)',
  })
  @ApiOkResponse({ type: SenderSecretDto })
  async rotateSender(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('senderId', ParseUUIDPipe) senderId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: RotateSenderDto,
  ): Promise<SenderSecretDto> {
    const { sender, secret } = await this.connections.rotateSender(
      brandId,
      senderId,
      body.overlapHours ?? DEFAULT_SENDER_OVERLAP_HOURS,
      actor,
      meta,
    );
    return { sender: toSenderDto(sender), secret };
  }

  @Delete('senders/:senderId')
  @HttpCode(204)
  @BrandAccess(MANAGE)
  @ApiOperation({ summary: 'Revoke a sender at once: its deliveries are refused' })
  @ApiNoContentResponse()
  async revokeSender(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('senderId', ParseUUIDPipe) senderId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
  ): Promise<void> {
    await this.connections.revokeSender(brandId, senderId, actor, meta);
  }
}
