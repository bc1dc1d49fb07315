import { Injectable } from '@nestjs/common';

import { uuidv7 } from '@fanfare/shared';

import { Transactions } from '../database/transactions';
import { RewardEntity } from './entities/reward.entity';
import { type CodeCounts } from './reward-settings';

/** What a reward row is written with; the rest (timestamps) the database fills in. */
export type RewardFields = Omit<
  RewardEntity,
  'brandId' | 'id' | 'brand' | 'position' | 'createdAt' | 'updatedAt'
>;

/** Codes go in per statement: large enough to batch the commit, small enough for one round trip. */
const CODE_INSERT_BATCH = 10_000;

@Injectable()
export class RewardsRepository {
  constructor(private readonly tx: Transactions) {}

  find(brandId: string, id: string): Promise<RewardEntity | null> {
    return this.tx.manager.findOneBy(RewardEntity, { brandId, id });
  }

  /**
   * Locks the reward row. `update`: edits serialise on it. `share`: code uploads run side by side
   * but not next to an edit, so a kind cannot change under an upload.
   */
  lock(brandId: string, id: string, mode: 'update' | 'share'): Promise<RewardEntity | null> {
    return this.tx.manager
      .createQueryBuilder(RewardEntity, 'r')
      .setLock(mode === 'update' ? 'pessimistic_write' : 'pessimistic_read')
      .where('r.brand_id = :brandId AND r.id = :id', { brandId, id })
      .getOne();
  }

  /** In catalogue order: position, then id (creation order). */
  list(
    brandId: string,
    limit: number,
    options: { after?: { position: number; id: string }; active?: boolean },
  ): Promise<RewardEntity[]> {
    const query = this.tx.manager
      .createQueryBuilder(RewardEntity, 'r')
      .where('r.brand_id = :brandId', { brandId })
      .orderBy('r.position', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit + 1);
    if (options.after !== undefined) {
      query.andWhere('(r.position, r.id) > (:afterPosition, :afterId)', {
        afterPosition: options.after.position,
        afterId: options.after.id,
      });
    }
    if (options.active !== undefined) {
      query.andWhere('r.active = :active', { active: options.active });
    }
    return query.getMany();
  }

  /** Inserts the reward; without a position it goes after the brand's others. */
  async insert(
    brandId: string,
    id: string,
    fields: RewardFields,
    position: number | undefined,
  ): Promise<RewardEntity> {
    await this.tx.manager
      .createQueryBuilder()
      .insert()
      .into(RewardEntity)
      .values({
        ...fields,
        brandId,
        id,
        position:
          position ??
          (() => '(SELECT COALESCE(MAX(position) + 1, 0) FROM reward WHERE brand_id = :positionBrandId)'),
      })
      .setParameter('positionBrandId', brandId)
      .execute();
    return (await this.find(brandId, id))!;
  }

  async update(
    brandId: string,
    id: string,
    changes: Partial<RewardFields & Pick<RewardEntity, 'position'>>,
  ): Promise<RewardEntity> {
    await this.tx.manager.update(RewardEntity, { brandId, id }, { ...changes, updatedAt: () => 'now()' });
    return (await this.find(brandId, id))!;
  }

  async hasCodes(brandId: string, rewardId: string): Promise<boolean> {
    const rows = await this.tx.manager.query<unknown[]>(
      'SELECT 1 FROM reward_code WHERE brand_id = $1 AND reward_id = $2 LIMIT 1',
      [brandId, rewardId],
    );
    return rows.length > 0;
  }

  /**
   * The code pools of the rewards, by reward id; rewards without codes are left out. Counted on
   * read rather than kept on the reward row, so that handing out a code never has to lock it.
   */
  async codeCounts(brandId: string, rewardIds: readonly string[]): Promise<Map<string, CodeCounts>> {
    if (rewardIds.length === 0) return new Map();
    const rows = await this.tx.manager.query<
      Array<{ reward_id: string; available: string; assigned: string }>
    >(
      `SELECT reward_id,
              count(*) FILTER (WHERE assigned_at IS NULL) AS available,
              count(*) FILTER (WHERE assigned_at IS NOT NULL) AS assigned
         FROM reward_code
        WHERE brand_id = $1 AND reward_id = ANY($2::uuid[])
        GROUP BY reward_id`,
      [brandId, rewardIds],
    );
    return new Map(
      rows.map((row) => [
        row.reward_id,
        { available: Number(row.available), assigned: Number(row.assigned) },
      ]),
    );
  }

  /**
   * Stores the codes the pool does not hold yet and answers those it stored. Codes go in sorted,
   * so that uploads overlapping in their codes wait for each other in the same order instead of
   * deadlocking; a code that a concurrent upload stored first is skipped, not stored twice.
   */
  async insertCodes(brandId: string, rewardId: string, codes: readonly string[]): Promise<Set<string>> {
    const sorted = [...codes].sort();
    const stored = new Set<string>();
    for (let start = 0; start < sorted.length; start += CODE_INSERT_BATCH) {
      const batch = sorted.slice(start, start + CODE_INSERT_BATCH);
      const rows = await this.tx.manager.query<Array<{ code: string }>>(
        `INSERT INTO reward_code (brand_id, id, reward_id, code)
         SELECT $1, c.id, $2, c.code
           FROM unnest($3::uuid[], $4::text[]) WITH ORDINALITY AS c(id, code, n)
          ORDER BY c.n
         ON CONFLICT (brand_id, reward_id, code) DO NOTHING
         RETURNING code`,
        [brandId, rewardId, batch.map(() => uuidv7()), batch],
      );
      for (const row of rows) stored.add(row.code);
    }
    return stored;
  }
}
