import { Injectable } from '@nestjs/common';

import { type ApiKeyScope, isUuid, uuidv7 } from '@fanfare/shared';

import { AuditService } from '../audit/audit.service';
import { type Actor, type RequestMeta } from '../auth/actor';
import { NotFound, ValidationFailed } from '../common/errors/domain-error';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { Transactions } from '../database/transactions';
import { ApiKeyCache } from './api-key-cache';
import { apiKeyPrefix, hashApiKeySecret, looksLikeApiKey, newApiKeySecret } from './api-key-secrets';
import { ApiKeysRepository } from './api-keys.repository';
import { type ApiKeyEntity } from './entities/api-key.entity';

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly tx: Transactions,
    private readonly keys: ApiKeysRepository,
    private readonly audit: AuditService,
    private readonly cache: ApiKeyCache,
  ) {}

  async list(brandId: string, limit: number, cursor?: string): Promise<Page<ApiKeyEntity>> {
    const after = decodeCursor(cursor, 1)?.[0];
    if (after !== undefined && (typeof after !== 'string' || !isUuid(after))) {
      throw new ValidationFailed([{ field: 'cursor', reason: 'is not a cursor this list handed out' }]);
    }
    const rows = await this.keys.list(brandId, limit, after);
    return toPage(
      rows,
      limit,
      (row) => row,
      (row) => [row.id],
    );
  }

  async create(
    brandId: string,
    input: { name: string; scopes: ApiKeyScope[] },
    actor: Actor,
    meta: RequestMeta,
  ): Promise<{ key: ApiKeyEntity; secret: string }> {
    const secret = newApiKeySecret();
    return this.tx.run(async () => {
      const key = await this.keys.insert({
        brandId,
        id: uuidv7(),
        name: input.name.trim(),
        prefix: apiKeyPrefix(secret),
        secretHash: hashApiKeySecret(secret),
        scopes: [...input.scopes].sort(),
        createdByUserId: actor.type === 'user' ? actor.user.id : null,
      });
      await this.audit.record(actor, meta, {
        brandId,
        action: 'api_key.created',
        targetType: 'api_key',
        targetId: key.id,
        targetLabel: key.name,
        changes: { name: { to: key.name }, scopes: { to: key.scopes } },
      });
      return { key, secret };
    });
  }

  /** Revocation takes effect with the commit: the next request with the key is refused. */
  async revoke(brandId: string, keyId: string, actor: Actor, meta: RequestMeta): Promise<void> {
    await this.tx.run(async () => {
      const key = await this.keys.find(brandId, keyId);
      if (!key) throw new NotFound('API key');
      if (await this.keys.revoke(brandId, keyId)) {
        await this.audit.record(actor, meta, {
          brandId,
          action: 'api_key.revoked',
          targetType: 'api_key',
          targetId: keyId,
          targetLabel: key.name,
          changes: { status: { from: 'active', to: 'revoked' } },
        });
      }
    });
    // Committed: this instance forgets the key now; the others when the NOTIFY reaches them.
    this.cache.forget(keyId);
  }

  /** The active key with this secret, whichever brand it belongs to; null when unknown or revoked. */
  async authenticate(secret: string): Promise<ApiKeyEntity | null> {
    if (!looksLikeApiKey(secret)) {
      return null;
    }
    const hash = hashApiKeySecret(secret);
    const cacheKey = hash.toString('base64');
    let key = this.cache.get(cacheKey);
    if (key === undefined) {
      const generation = this.cache.currentGeneration;
      const found = await this.keys.findBySecretHash(hash);
      if (!found || found.revokedAt !== null) {
        return null;
      }
      key = found;
      this.cache.remember(cacheKey, key, generation);
    }
    // Last use is kept to the minute: a busy integration does not write on every call.
    if (key.lastUsedAt === null || Date.now() - key.lastUsedAt.getTime() >= 60_000) {
      key.lastUsedAt = new Date();
      await this.keys.touch(key.brandId, key.id);
    }
    return key;
  }
}
