import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';

import { Transactions } from '../database/transactions';
import { REVOKED_CHANNEL } from './api-key-cache';
import { ApiKeyEntity } from './entities/api-key.entity';

@Injectable()
export class ApiKeysRepository {
  constructor(private readonly tx: Transactions) {}

  async insert(
    key: Pick<
      ApiKeyEntity,
      'brandId' | 'id' | 'name' | 'prefix' | 'secretHash' | 'scopes' | 'createdByUserId'
    >,
  ): Promise<ApiKeyEntity> {
    await this.tx.manager.insert(ApiKeyEntity, key);
    return (await this.find(key.brandId, key.id))!;
  }

  find(brandId: string, id: string): Promise<ApiKeyEntity | null> {
    return this.tx.manager.findOne(ApiKeyEntity, { where: { brandId, id }, relations: { createdBy: true } });
  }

  /** Any brand's key with this secret: the caller compares its brand with the route's. */
  /** Runs on every request made with a key, so it is plain SQL rather than a query builder. */
  async findBySecretHash(secretHash: Buffer): Promise<ApiKeyEntity | null> {
    const rows: Array<{
      brand_id: string;
      id: string;
      name: string;
      prefix: string;
      secret_hash: Buffer;
      scopes: ApiKeyEntity['scopes'];
      created_by_user_id: string | null;
      created_at: Date;
      last_used_at: Date | null;
      revoked_at: Date | null;
    }> = await this.tx.manager.query(
      `SELECT brand_id, id, name, prefix, secret_hash, scopes, created_by_user_id, created_at, last_used_at, revoked_at
         FROM api_key WHERE secret_hash = $1`,
      [secretHash],
    );
    const [row] = rows;
    if (!row) return null;
    return Object.assign(new ApiKeyEntity(), {
      brandId: row.brand_id,
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      secretHash: row.secret_hash,
      scopes: row.scopes,
      createdByUserId: row.created_by_user_id,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      revokedAt: row.revoked_at,
    });
  }

  /** Newest first. */
  list(brandId: string, limit: number, afterId?: string): Promise<ApiKeyEntity[]> {
    const query = this.tx.manager
      .createQueryBuilder(ApiKeyEntity, 'k')
      .leftJoinAndSelect('k.createdBy', 'u')
      .where('k.brand_id = :brandId', { brandId })
      .orderBy('k.id', 'DESC')
      .limit(limit + 1);
    if (afterId !== undefined) {
      query.andWhere('k.id < :afterId', { afterId });
    }
    return query.getMany();
  }

  /** True when this call revoked the key (false when it already was). */
  async revoke(brandId: string, id: string): Promise<boolean> {
    const result = await this.tx.manager.update(
      ApiKeyEntity,
      { brandId, id, revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
    if ((result.affected ?? 0) === 0) return false;
    // Every instance drops the key from its cache when this commits.
    await this.tx.manager.query('SELECT pg_notify($1, $2)', [REVOKED_CHANNEL, id]);
    return true;
  }

  /** Recorded at most once a minute per key, so busy integrations don't write on every call. */
  async touch(brandId: string, id: string): Promise<void> {
    await this.tx.manager
      .createQueryBuilder()
      .update(ApiKeyEntity)
      .set({ lastUsedAt: () => 'now()' })
      .where('brand_id = :brandId AND id = :id', { brandId, id })
      .andWhere("(last_used_at IS NULL OR last_used_at < now() - interval '1 minute')")
      .execute();
  }
}
