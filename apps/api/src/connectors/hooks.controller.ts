import { Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { type FastifyRequest } from 'fastify';

import { Public } from '../auth/access.decorators';
import { AcceptsRawBody, rawBodyOf } from '../common/http/raw-body';
import { HooksService } from './hooks.service';

class ReceiptDto {
  @ApiProperty({ example: true })
  received!: boolean;

  @ApiProperty({ description: 'The delivery in the inbox; its log entry shows what it came to' })
  deliveryId!: string;

  @ApiProperty({ description: 'True when this delivery had arrived before: nothing was stored again' })
  duplicate!: boolean;
}

/**
 * Signed deliveries from social platforms and the brand's own systems. Public (the signature is
 * the credential), answered as soon as the delivery is stored; processing follows on the job queue.
 */
@ApiTags('hooks')
@Controller('hooks')
@Public()
export class HooksController {
  constructor(private readonly hooks: HooksService) {}

  @Get('meta/:brandId')
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiOperation({
    summary: "Meta's subscription handshake",
    description:
      'Answers the bare hub.challenge when hub.verify_token is the verify token of the brand’s Meta connection.',
  })
  metaHandshake(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<string> {
    return this.hooks.metaHandshake(brandId, query);
  }

  @Post('meta/:brandId')
  @HttpCode(200)
  @AcceptsRawBody()
  @ApiOperation({
    summary: 'A Meta webhook delivery (Pages, Instagram, Messenger, WhatsApp)',
    description:
      'X-Hub-Signature-256 must be sha256=<hex HMAC-SHA256 of the raw body with the App Secret>; otherwise 401 and nothing is stored.',
  })
  @ApiOkResponse({ type: ReceiptDto })
  async meta(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Req() request: FastifyRequest,
  ): Promise<ReceiptDto> {
    const receipt = await this.hooks.receiveMeta(brandId, request.headers, rawBodyOf(request));
    return { received: true, ...receipt };
  }

  @Post('generic/:brandId')
  @HttpCode(200)
  @AcceptsRawBody()
  @ApiOperation({
    summary: 'Events from a brand’s own system, signed the Standard Webhooks way',
    description:
      'webhook-id, webhook-timestamp (within 5 minutes) and webhook-signature (v1,<base64 HMAC-SHA256 of id.timestamp.body>) ' +
      'with a sender’s whsec_ secret. The body is one Fanfare event or { "events": [...] }, or CloudEvents ' +
      '(application/cloudevents+json, application/cloudevents-batch+json). A repeated webhook-id changes nothing.',
  })
  @ApiOkResponse({ type: ReceiptDto })
  async generic(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Req() request: FastifyRequest,
  ): Promise<ReceiptDto> {
    const receipt = await this.hooks.receiveGeneric(brandId, request.headers, rawBodyOf(request), new Date());
    return { received: true, ...receipt };
  }
}
