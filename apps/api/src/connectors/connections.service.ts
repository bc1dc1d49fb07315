import { createHash, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { uuidv7 } from '@fanfare/shared';

import { AuditService, auditActorLabel, type AuditActor } from '../audit/audit.service';
import { type RequestMeta } from '../auth/actor';
import { SecretBox } from '../common/crypto/secret-box';
import { NotFound, ValidationFailed } from '../common/errors/domain-error';
import { APP_CONFIG, type RuntimeConfig } from '../config/config.module';
import { Transactions } from '../database/transactions';
import { type PutMetaConnectionDto } from './dto/connections.dto';
import { MetaConnectionEntity } from './entities/meta-connection.entity';
import { WebhookSenderEntity } from './entities/webhook-sender.entity';
import { newWebhookSecret } from './standard-webhooks';

export const DEFAULT_SENDER_OVERLAP_HOURS = 24;
/** How long a read Meta connection may serve verifications. */
const SECRETS_TTL_MS = 5_000;

export interface MetaSecrets {
  connection: MetaConnectionEntity;
  appSecret: string | null;
}

/** The secrets a sender's deliveries verify with now: the current one, and the previous until it expires. */
export interface SenderSecrets {
  sender: WebhookSenderEntity;
  secrets: string[];
}

/**
 * A brand's inbound connections: its Meta app and its generic webhook senders. Secrets Fanfare
 * must read back (the App Secret, senders' `whsec_…`) are sealed; the verify token is only hashed,
 * and generated secrets are answered once.
 */
@Injectable()
export class ConnectionsService {
  private readonly box: SecretBox;

  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: RuntimeConfig,
  ) {
    this.box = new SecretBox(config.sessionSecret, 'connectors');
  }

  async list(
    brandId: string,
  ): Promise<{ meta: MetaConnectionEntity | null; senders: WebhookSenderEntity[] }> {
    const [meta, senders] = await Promise.all([
      this.tx.manager.findOne(MetaConnectionEntity, { where: { brandId } }),
      this.tx.manager.find(WebhookSenderEntity, { where: { brandId }, order: { createdAt: 'ASC' } }),
    ]);
    return { meta, senders };
  }

  /** Connects the brand's Meta app or changes it; a verify token is issued on connecting or on request. */
  async putMeta(
    brandId: string,
    input: PutMetaConnectionDto,
    actor: AuditActor,
    meta: RequestMeta,
  ): Promise<{ connection: MetaConnectionEntity; verifyToken?: string }> {
    return this.tx.run(async () => {
      const existing = await this.tx.manager.findOne(MetaConnectionEntity, {
        where: { brandId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!existing && input.appSecret === undefined) {
        throw new ValidationFailed([{ field: 'appSecret', reason: 'is required to connect a Meta app' }]);
      }
      const verifyToken =
        !existing || input.newVerifyToken === true
          ? `fvt_${randomBytes(24).toString('base64url')}`
          : undefined;
      const now = new Date();
      const row: MetaConnectionEntity = {
        brandId,
        appId: input.appId ?? existing?.appId ?? null,
        appSecretSealed: input.appSecret
          ? this.box.seal(input.appSecret)
          : (existing?.appSecretSealed ?? Buffer.alloc(0)),
        appSecretHint: input.appSecret ? input.appSecret.slice(-4) : (existing?.appSecretHint ?? ''),
        verifyTokenHash: verifyToken ? sha256(verifyToken) : (existing?.verifyTokenHash ?? Buffer.alloc(0)),
        pageIds: unique(input.pageIds),
        instagramIds: unique(input.instagramIds),
        whatsappIds: unique(input.whatsappIds),
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
        createdBy: existing?.createdBy ?? auditActorLabel(actor),
      };
      await this.tx.manager.save(MetaConnectionEntity, row);
      this.metaCache.delete(brandId);
      await this.audit.record(actor, meta, {
        brandId,
        action: existing ? 'connection.meta_updated' : 'connection.meta_connected',
        targetType: 'meta_connection',
        targetId: brandId,
        targetLabel: row.appId ?? 'Meta app',
        changes: {
          pageIds: { from: existing?.pageIds ?? [], to: row.pageIds },
          instagramIds: { from: existing?.instagramIds ?? [], to: row.instagramIds },
          whatsappIds: { from: existing?.whatsappIds ?? [], to: row.whatsappIds },
          ...(input.appSecret ? { appSecret: { to: 'replaced' } } : {}),
          ...(verifyToken ? { verifyToken: { to: 'issued' } } : {}),
        },
      });
      return { connection: row, ...(verifyToken ? { verifyToken } : {}) };
    });
  }

  async deleteMeta(brandId: string, actor: AuditActor, meta: RequestMeta): Promise<void> {
    await this.tx.run(async () => {
      const result = await this.tx.manager.delete(MetaConnectionEntity, { brandId });
      this.metaCache.delete(brandId);
      if (!result.affected) throw new NotFound('Meta connection');
      await this.audit.record(actor, meta, {
        brandId,
        action: 'connection.meta_disconnected',
        targetType: 'meta_connection',
        targetId: brandId,
        targetLabel: 'Meta app',
      });
    });
  }

  /**
   * The brand's Meta connection with its App Secret in clear, for verifying deliveries. With
   * `recent`, an answer up to SECRETS_TTL_MS old will do (a burst of deliveries reads it once);
   * changes made through this process are seen at once, through another within that time.
   */
  async metaSecrets(brandId: string, recent = false): Promise<MetaSecrets | null> {
    const cached = this.metaCache.get(brandId);
    if (recent && cached && cached.until > Date.now()) return cached.value;
    const connection = await this.tx.manager.findOne(MetaConnectionEntity, { where: { brandId } });
    const value = connection ? { connection, appSecret: this.box.open(connection.appSecretSealed) } : null;
    this.metaCache.set(brandId, { value, until: Date.now() + SECRETS_TTL_MS });
    return value;
  }

  private readonly metaCache = new Map<string, { value: MetaSecrets | null; until: number }>();

  async createSender(
    brandId: string,
    name: string,
    actor: AuditActor,
    meta: RequestMeta,
  ): Promise<{ sender: WebhookSenderEntity; secret: string }> {
    const secret = newWebhookSecret();
    return this.tx.run(async () => {
      const sender: WebhookSenderEntity = {
        brandId,
        id: uuidv7(),
        name: name.trim(),
        secretSealed: this.box.seal(secret),
        previousSecretSealed: null,
        previousExpiresAt: null,
        createdAt: new Date(),
        rotatedAt: null,
        revokedAt: null,
        createdBy: auditActorLabel(actor),
      };
      await this.tx.manager.insert(WebhookSenderEntity, sender);
      await this.audit.record(actor, meta, {
        brandId,
        action: 'connection.sender_created',
        targetType: 'webhook_sender',
        targetId: sender.id,
        targetLabel: sender.name,
      });
      return { sender, secret };
    });
  }

  /** A new secret; the current one keeps verifying for `overlapHours`. */
  async rotateSender(
    brandId: string,
    senderId: string,
    overlapHours: number,
    actor: AuditActor,
    meta: RequestMeta,
  ): Promise<{ sender: WebhookSenderEntity; secret: string }> {
    const secret = newWebhookSecret();
    return this.tx.run(async () => {
      const sender = await this.lockedSender(brandId, senderId);
      const now = new Date();
      sender.previousSecretSealed = overlapHours > 0 ? sender.secretSealed : null;
      sender.previousExpiresAt = overlapHours > 0 ? new Date(now.getTime() + overlapHours * 3_600_000) : null;
      sender.secretSealed = this.box.seal(secret);
      sender.rotatedAt = now;
      await this.tx.manager.save(WebhookSenderEntity, sender);
      await this.audit.record(actor, meta, {
        brandId,
        action: 'connection.sender_rotated',
        targetType: 'webhook_sender',
        targetId: sender.id,
        targetLabel: sender.name,
        changes: { overlapHours: { to: overlapHours } },
      });
      return { sender, secret };
    });
  }

  /** Stops the sender at once: its deliveries are refused from the commit on. */
  async revokeSender(brandId: string, senderId: string, actor: AuditActor, meta: RequestMeta): Promise<void> {
    await this.tx.run(async () => {
      const sender = await this.lockedSender(brandId, senderId);
      sender.revokedAt = new Date();
      await this.tx.manager.save(WebhookSenderEntity, sender);
      await this.audit.record(actor, meta, {
        brandId,
        action: 'connection.sender_revoked',
        targetType: 'webhook_sender',
        targetId: sender.id,
        targetLabel: sender.name,
      });
    });
  }

  /** Every active sender of the brand with the secrets that verify its deliveries now. */
  async senderSecrets(brandId: string, now: Date): Promise<SenderSecrets[]> {
    const senders = await this.tx.manager.find(WebhookSenderEntity, { where: { brandId } });
    return senders
      .filter((sender) => sender.revokedAt === null)
      .map((sender) => {
        const current = this.box.open(sender.secretSealed);
        const previous =
          sender.previousSecretSealed && sender.previousExpiresAt && sender.previousExpiresAt > now
            ? this.box.open(sender.previousSecretSealed)
            : null;
        return { sender, secrets: [current, previous].filter((secret): secret is string => secret !== null) };
      });
  }

  private async lockedSender(brandId: string, senderId: string): Promise<WebhookSenderEntity> {
    const sender = await this.tx.manager.findOne(WebhookSenderEntity, {
      where: { brandId, id: senderId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!sender || sender.revokedAt !== null) throw new NotFound('Webhook sender');
    return sender;
  }
}

export function sha256(value: string | Buffer): Buffer {
  return createHash('sha256').update(value).digest();
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
