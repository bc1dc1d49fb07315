import { Module } from '@nestjs/common';

import { EndpointSecrets } from './endpoint-secrets';
import { OutboundRepository } from './outbound.repository';
import { OutboxListener } from './outbox-listener';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEndpointsController } from './webhook-endpoints.controller';
import { WebhookEndpointsService } from './webhook-endpoints.service';

/**
 * Outbound webhooks: a brand's endpoints, the outbox that triggers fill in the transaction of each
 * change, and its delivery with retries, signatures and a log per endpoint.
 */
@Module({
  controllers: [WebhookEndpointsController],
  providers: [
    OutboundRepository,
    EndpointSecrets,
    WebhookDispatcher,
    OutboxListener,
    WebhookEndpointsService,
  ],
  exports: [WebhookDispatcher],
})
export class OutboundModule {}
