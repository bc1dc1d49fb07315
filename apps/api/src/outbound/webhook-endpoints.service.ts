import { Inject, Injectable } from '@nestjs/common';

import { isUuid, uuidv7 } from '@fanfare/shared';

import { type AuditActor, auditActorLabel, AuditService, diff } from '../audit/audit.service';
import { type RequestMeta } from '../auth/actor';
import { Conflict, NotFound, ValidationFailed } from '../common/errors/domain-error';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { APP_CONFIG, type RuntimeConfig } from '../config/config.module';
import { newWebhookSecret } from '../connectors/standard-webhooks';
import { Transactions } from '../database/transactions';
import { privateLiteralHost } from './address-guard';
import { type CreateWebhookEndpointDto, type UpdateWebhookEndpointDto } from './dto/webhook-endpoint.dto';
import { EndpointSecrets } from './endpoint-secrets';
import { type WebhookAttemptEntity } from './entities/webhook-attempt.entity';
import { type WebhookDeliveryStatus } from './entities/webhook-delivery.entity';
import { type WebhookEndpointEntity } from './entities/webhook-endpoint.entity';
import { type DeliveryRow, OutboundRepository } from './outbound.repository';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WEBHOOK_TEST_TYPE } from './webhook-event-types';

export const DEFAULT_ENDPOINT_OVERLAP_HOURS = 24;
export const MAX_ENDPOINTS_PER_BRAND = 20;

/**
 * A brand's outbound webhook endpoints: their settings and secrets (answered once, sealed at
 * rest), test messages, and the delivery log with replays. Every change is in the audit log.
 */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly tx: Transactions,
    private readonly outbound: OutboundRepository,
    private readonly secrets: EndpointSecrets,
    private readonly dispatcher: WebhookDispatcher,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  list(brandId: string): Promise<WebhookEndpointEntity[]> {
    return this.outbound.listEndpoints(brandId);
  }

  async get(brandId: string, endpointId: string): Promise<WebhookEndpointEntity> {
    const endpoint = await this.outbound.findEndpoint(brandId, endpointId);
    if (!endpoint) throw new NotFound('Webhook endpoint');
    return endpoint;
  }

  async create(
    brandId: string,
    input: CreateWebhookEndpointDto,
    actor: AuditActor,
    meta: RequestMeta,
  ): Promise<{ endpoint: WebhookEndpointEntity; secret: string }> {
    this.assertReachable(input.url);
    const secret = newWebhookSecret();
    return this.tx.run(async () => {
      // Serialises creations per brand so that the limit holds under concurrent requests.
      await this.tx.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `webhook-endpoints:${brandId}`,
      ]);
      if ((await this.outbound.countEndpoints(brandId)) >= MAX_ENDPOINTS_PER_BRAND) {
        throw new Conflict(
          'too_many_endpoints',
          `A brand has at most ${MAX_ENDPOINTS_PER_BRAND} webhook endpoints; delete one first.`,
        );
      }
      const now = new Date();
      const endpoint: WebhookEndpointEntity = {
        brandId,
        id: uuidv7(),
        url: input.url,
        description: input.description?.trim() ?? '',
        eventTypes: input.eventTypes ?? [],
        secretSealed: this.secrets.seal(secret),
        previousSecretSealed: null,
        previousExpiresAt: null,
        enabled: true,
        disabledReason: null,
        disabledAt: null,
        createdAt: now,
        updatedAt: now,
        createdBy: auditActorLabel(actor),
      };
      await this.outbound.insertEndpoint(endpoint);
      await this.audit.record(actor, meta, {
        brandId,
        action: 'webhook_endpoint.created',
        targetType: 'webhook_endpoint',
        targetId: endpoint.id,
        targetLabel: endpoint.url,
        changes: diff({}, auditFields(endpoint)),
      });
      return { endpoint, secret };
    });
  }

  async update(
    brandId: string,
    endpointId: string,
    input: UpdateWebhookEndpointDto,
    actor: AuditActor,
    meta: RequestMeta,
  ): Promise<WebhookEndpointEntity> {
    if (input.url !== undefined) this.assertReachable(input.url);
    return this.tx.run(async () => {
      const endpoint = await this.locked(brandId, endpointId);
      const before = auditFields(endpoint);
      if (input.url !== undefined) endpoint.url = input.url;
      if (input.description !== undefined) endpoint.description = input.description.trim();
      if (input.eventTypes !== undefined) endpoint.eventTypes = input.eventTypes;
      const disabling = input.enabled === false && endpoint.enabled;
      if (input.enabled === true && !endpoint.enabled) {
        endpoint.enabled = true;
        endpoint.disabledReason = null;
        endpoint.disabledAt = null;
      }
      const changes = diff(before, { ...auditFields(endpoint), ...(disabling ? { enabled: false } : {}) });
      if (Object.keys(changes).length === 0) return endpoint;
      endpoint.updatedAt = new Date();
      await this.outbound.saveEndpoint(endpoint);
      if (disabling) {
        const reason = `Disabled by ${auditActorLabel(actor)}.`;
        await this.outbound.disableEndpoint(brandId, endpointId, reason);
        Object.assign(endpoint, { enabled: false, disabledReason: reason, disabledAt: new Date() });
      }
      await this.audit.record(actor, meta, {
        brandId,
        action: 'webhook_endpoint.updated',
        targetType: 'webhook_endpoint',
        targetId: endpoint.id,
        targetLabel: endpoint.url,
        changes,
      });
      return endpoint;
    });
  }

  /** A new secret; deliveries are signed with the current one as well for `overlapHours`. */
  async rotate(
    brandId: string,
    endpointId: string,
    overlapHours: number,
    actor: AuditActor,
    meta: RequestMeta,
  ): Promise<{ endpoint: WebhookEndpointEntity; secret: string }> {
    const secret = newWebhookSecret();
    return this.tx.run(async () => {
      const endpoint = await this.locked(brandId, endpointId);
      const now = new Date();
      endpoint.previousSecretSealed = overlapHours > 0 ? endpoint.secretSealed : null;
      endpoint.previousExpiresAt =
        overlapHours > 0 ? new Date(now.getTime() + overlapHours * 3_600_000) : null;
      endpoint.secretSealed = this.secrets.seal(secret);
      endpoint.updatedAt = now;
      await this.outbound.saveEndpoint(endpoint);
      await this.audit.record(actor, meta, {
        brandId,
        action: 'webhook_endpoint.secret_rotated',
        targetType: 'webhook_endpoint',
        targetId: endpoint.id,
        targetLabel: endpoint.url,
        changes: { overlapHours: { to: overlapHours } },
      });
      return { endpoint, secret };
    });
  }

  /** Deletes the endpoint with its deliveries; messages stay until the retention ends. */
  async remove(brandId: string, endpointId: string, actor: AuditActor, meta: RequestMeta): Promise<void> {
    await this.tx.run(async () => {
      const endpoint = await this.locked(brandId, endpointId);
      await this.outbound.deleteEndpoint(brandId, endpointId);
      await this.audit.record(actor, meta, {
        brandId,
        action: 'webhook_endpoint.deleted',
        targetType: 'webhook_endpoint',
        targetId: endpoint.id,
        targetLabel: endpoint.url,
      });
    });
  }

  /** A `webhook.test` message to this endpoint only, sent at once like any other. */
  async sendTest(
    brandId: string,
    endpointId: string,
    actor: AuditActor,
    meta: RequestMeta,
  ): Promise<{ messageId: string; deliveryId: string }> {
    const sent = await this.tx.run(async () => {
      const endpoint = await this.locked(brandId, endpointId);
      if (!endpoint.enabled) throw endpointDisabled();
      const payload = {
        type: WEBHOOK_TEST_TYPE,
        timestamp: new Date().toISOString(),
        data: { endpointId, message: 'A test message from Fanfare.' },
      };
      const ids = await this.outbound.insertAddressedMessage(brandId, endpointId, WEBHOOK_TEST_TYPE, payload);
      await this.audit.record(actor, meta, {
        brandId,
        action: 'webhook_endpoint.test_sent',
        targetType: 'webhook_endpoint',
        targetId: endpoint.id,
        targetLabel: endpoint.url,
      });
      return ids;
    });
    this.dispatcher.kick(brandId);
    return sent;
  }

  async deliveries(
    brandId: string,
    endpointId: string,
    query: { status?: WebhookDeliveryStatus; limit?: number; cursor?: string },
  ): Promise<Page<DeliveryRow>> {
    await this.get(brandId, endpointId);
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 1)?.[0];
    if (after !== undefined && (typeof after !== 'string' || !isUuid(after))) {
      throw new ValidationFailed([{ field: 'cursor', reason: 'is not a cursor this list handed out' }]);
    }
    const rows = await this.outbound.listDeliveries(brandId, endpointId, {
      limit,
      ...(query.status ? { status: query.status } : {}),
      ...(after !== undefined ? { afterId: after } : {}),
    });
    return toPage(
      rows,
      limit,
      (row) => row,
      (row) => [row.id],
    );
  }

  async delivery(
    brandId: string,
    endpointId: string,
    deliveryId: string,
  ): Promise<{
    delivery: DeliveryRow & { payload: Record<string, unknown> };
    attempts: WebhookAttemptEntity[];
  }> {
    const delivery = await this.outbound.findDelivery(brandId, endpointId, deliveryId);
    if (!delivery) throw new NotFound('Webhook delivery');
    return { delivery, attempts: await this.outbound.listAttempts(brandId, deliveryId) };
  }

  /** Sends the delivery again now (same webhook-id); its attempts keep counting. */
  async replay(
    brandId: string,
    endpointId: string,
    deliveryId: string,
    actor: AuditActor,
    meta: RequestMeta,
  ): Promise<DeliveryRow> {
    await this.tx.run(async () => {
      const endpoint = await this.locked(brandId, endpointId);
      if (!endpoint.enabled) throw endpointDisabled();
      if (!(await this.outbound.replay(brandId, endpointId, deliveryId)))
        throw new NotFound('Webhook delivery');
      await this.audit.record(actor, meta, {
        brandId,
        action: 'webhook_endpoint.delivery_replayed',
        targetType: 'webhook_endpoint',
        targetId: endpoint.id,
        targetLabel: endpoint.url,
        changes: { deliveryId: { to: deliveryId } },
      });
    });
    this.dispatcher.kick(brandId);
    const { delivery } = await this.delivery(brandId, endpointId, deliveryId);
    return delivery;
  }

  /**
   * Refuses a URL that names this machine or a private address when private networks are not
   * allowed. A name that resolves to one is refused when sending (DNS can change after this check).
   */
  private assertReachable(url: string): void {
    if (this.config.webhookPrivateNetworks) return;
    const parsed = new URL(url);
    const host = parsed.hostname === 'localhost' ? 'localhost' : privateLiteralHost(parsed);
    if (host !== null) {
      throw new ValidationFailed([
        {
          field: 'url',
          reason: `must be a public address: ${host} is on this machine or an internal network`,
        },
      ]);
    }
  }

  private async locked(brandId: string, endpointId: string): Promise<WebhookEndpointEntity> {
    const endpoint = await this.outbound.lockEndpoint(brandId, endpointId);
    if (!endpoint) throw new NotFound('Webhook endpoint');
    return endpoint;
  }
}

function endpointDisabled(): Conflict {
  return new Conflict('endpoint_disabled', 'The endpoint is disabled: enable it first.');
}

function auditFields(endpoint: WebhookEndpointEntity): {
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
} {
  return {
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes,
    enabled: endpoint.enabled,
  };
}
