import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';

import { Transactions } from '../database/transactions';
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
  findBySecretHash(secretHash: Buffer): Promise<ApiKeyEntity | null> {
    return this.tx.manager.findOneBy(ApiKeyEntity, { secretHash });
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
    return (result.affected ?? 0) > 0;
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
