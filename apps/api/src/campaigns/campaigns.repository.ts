import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';

import { type RuleDefinition } from '@fanfare/shared';

import { Transactions } from '../database/transactions';
import { CampaignEntity, type CampaignStatus } from './entities/campaign.entity';
import { RewardRuleVersionEntity } from './entities/reward-rule-version.entity';
import { RewardRuleEntity } from './entities/reward-rule.entity';

/** A live rule as the ingestion reads it: joined with what it needs of its campaign. */
export interface ActiveRuleRow {
  eventType: string;
  ruleId: string;
  version: number;
  campaignId: string;
  campaignStartsAt: Date;
  campaignEndsAt: Date | null;
  budgetPoints: string | null;
  definition: RuleDefinition;
}

/** The status a campaign reads as at `:now` (see campaign-status.ts), in SQL for the list filter. */
const EFFECTIVE_STATUS = `CASE WHEN c.status IN ('active', 'paused') AND c.ends_at IS NOT NULL AND c.ends_at <= :now
  THEN 'ended' ELSE c.status END`;

@Injectable()
export class CampaignsRepository {
  constructor(private readonly tx: Transactions) {}

  find(brandId: string, id: string): Promise<CampaignEntity | null> {
    return this.tx.manager.findOneBy(CampaignEntity, { brandId, id });
  }

  /** Locks the campaign row: edits and deletion serialise on it, as does the ledger's budget update. */
  lock(brandId: string, id: string): Promise<CampaignEntity | null> {
    return this.tx.manager
      .createQueryBuilder(CampaignEntity, 'c')
      .setLock('pessimistic_write')
      .where('c.brand_id = :brandId AND c.id = :id', { brandId, id })
      .getOne();
  }

  /** Newest first; `status` filters by the status campaigns read as at `now`. */
  list(
    brandId: string,
    limit: number,
    options: { afterId?: string; status?: CampaignStatus; now: Date },
  ): Promise<CampaignEntity[]> {
    const query = this.tx.manager
      .createQueryBuilder(CampaignEntity, 'c')
      .where('c.brand_id = :brandId', { brandId })
      .orderBy('c.id', 'DESC')
      .limit(limit + 1);
    if (options.afterId !== undefined) {
      query.andWhere('c.id < :afterId', { afterId: options.afterId });
    }
    if (options.status !== undefined) {
      query.andWhere(`${EFFECTIVE_STATUS} = :status`, { status: options.status, now: options.now });
    }
    return query.getMany();
  }

  async insert(
    campaign: Pick<
      CampaignEntity,
      'brandId' | 'id' | 'name' | 'description' | 'status' | 'startsAt' | 'endsAt' | 'budgetPoints'
    >,
  ): Promise<CampaignEntity> {
    await this.tx.manager.insert(CampaignEntity, campaign);
    return (await this.find(campaign.brandId, campaign.id))!;
  }

  async update(
    brandId: string,
    id: string,
    changes: Partial<
      Pick<CampaignEntity, 'name' | 'description' | 'status' | 'startsAt' | 'endsAt' | 'budgetPoints'>
    >,
  ): Promise<CampaignEntity> {
    await this.tx.manager.update(CampaignEntity, { brandId, id }, { ...changes, updatedAt: () => 'now()' });
    return (await this.find(brandId, id))!;
  }

  /** Rules, their versions and nothing else go with it (foreign keys cascade). */
  async delete(brandId: string, id: string): Promise<void> {
    await this.tx.manager.delete(CampaignEntity, { brandId, id });
  }

  /** True when any ledger entry names the campaign: awards, and reversals of them. */
  async hasLedgerEntries(brandId: string, campaignId: string): Promise<boolean> {
    const rows = await this.tx.manager.query<unknown[]>(
      'SELECT 1 FROM ledger_entry WHERE brand_id = $1 AND campaign_id = $2 LIMIT 1',
      [brandId, campaignId],
    );
    return rows.length > 0;
  }

  /** The campaigns' current (not removed) rules, in campaign then position order. */
  rulesOf(brandId: string, campaignIds: readonly string[]): Promise<RewardRuleEntity[]> {
    if (campaignIds.length === 0) return Promise.resolve([]);
    return this.tx.manager.find(RewardRuleEntity, {
      where: { brandId, campaignId: In([...campaignIds]), deletedAt: IsNull() },
      order: { campaignId: 'ASC', position: 'ASC' },
    });
  }

  /** Inserts a rule with the version row that records it. */
  // jsonb goes in as text: TypeORM's deep-partial typing cannot follow the definition's `unknown` values.
  async insertRule(
    rule: Pick<
      RewardRuleEntity,
      'brandId' | 'id' | 'campaignId' | 'version' | 'position' | 'eventType' | 'definition'
    >,
  ): Promise<void> {
    const { definition, ...columns } = rule;
    await this.tx.manager
      .createQueryBuilder()
      .insert()
      .into(RewardRuleEntity)
      .values({ ...columns, definition: () => 'CAST(:definition AS jsonb)' })
      .setParameter('definition', JSON.stringify(definition))
      .execute();
    await this.insertRuleVersion(rule);
  }

  /** A new version of a rule: the rule row moves on, the version row keeps what it was. */
  async updateRuleDefinition(
    rule: Pick<RewardRuleEntity, 'brandId' | 'id' | 'version' | 'position' | 'eventType' | 'definition'>,
  ): Promise<void> {
    await this.tx.manager
      .createQueryBuilder()
      .update(RewardRuleEntity)
      .set({
        version: rule.version,
        position: rule.position,
        eventType: rule.eventType,
        definition: () => 'CAST(:definition AS jsonb)',
        updatedAt: () => 'now()',
      })
      .where('brand_id = :brandId AND id = :id', { brandId: rule.brandId, id: rule.id })
      .setParameter('definition', JSON.stringify(rule.definition))
      .execute();
    await this.insertRuleVersion(rule);
  }

  async moveRule(brandId: string, id: string, position: number): Promise<void> {
    await this.tx.manager.update(RewardRuleEntity, { brandId, id }, { position, updatedAt: () => 'now()' });
  }

  /** Removed rules stay: ledger entries keep pointing at them. */
  async softDeleteRules(brandId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.tx.manager.update(
      RewardRuleEntity,
      { brandId, id: In([...ids]), deletedAt: IsNull() },
      { deletedAt: () => 'now()', updatedAt: () => 'now()' },
    );
  }

  /** Rules of campaigns that are active at `at` and match the event type. */
  /** Rules of active campaigns for any of `eventTypes`, in evaluation order. */
  async activeRules(brandId: string, eventTypes: string[], at: Date): Promise<ActiveRuleRow[]> {
    if (eventTypes.length === 0) return [];
    const rows = await this.tx.prepared<{
      event_type: string;
      rule_id: string;
      version: number;
      campaign_id: string;
      starts_at: Date;
      ends_at: Date | null;
      budget_points: string | null;
      definition: RuleDefinition;
    }>(
      `SELECT r.event_type, r.id AS rule_id, r.version, r.campaign_id, c.starts_at, c.ends_at, c.budget_points, r.definition
         FROM reward_rule r
         JOIN campaign c ON c.brand_id = r.brand_id AND c.id = r.campaign_id
        WHERE r.brand_id = $1
          AND r.event_type = ANY($2::text[])
          AND r.deleted_at IS NULL
          AND c.status = 'active'
          AND c.starts_at <= $3
          AND (c.ends_at IS NULL OR $3 < c.ends_at)
        ORDER BY c.starts_at, c.id, r.position`,
      [brandId, eventTypes, at],
    );
    return rows.map((row) => ({
      eventType: row.event_type,
      ruleId: row.rule_id,
      version: row.version,
      campaignId: row.campaign_id,
      campaignStartsAt: row.starts_at,
      campaignEndsAt: row.ends_at,
      budgetPoints: row.budget_points,
      definition: row.definition,
    }));
  }

  private async insertRuleVersion(
    rule: Pick<RewardRuleEntity, 'brandId' | 'id' | 'version' | 'definition'>,
  ): Promise<void> {
    await this.tx.manager
      .createQueryBuilder()
      .insert()
      .into(RewardRuleVersionEntity)
      .values({
        brandId: rule.brandId,
        ruleId: rule.id,
        version: rule.version,
        definition: () => 'CAST(:definition AS jsonb)',
      })
      .setParameter('definition', JSON.stringify(rule.definition))
      .execute();
  }
}
