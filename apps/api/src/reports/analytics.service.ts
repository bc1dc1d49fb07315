import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Pool } from 'pg';
import { DataSource } from 'typeorm';

import { type AnalyticsSettings, type EngagementType } from '@fanfare/shared';

import { AuditService } from '../audit/audit.service';
import { type Actor, type RequestMeta } from '../auth/actor';
import { NotFound } from '../common/errors/domain-error';
import { Transactions } from '../database/transactions';
import { Jobs } from '../jobs/jobs.service';
import { rebuildAnalytics, type RebuildResult } from './analytics-rebuild';
import { type AnalyticsSettingsRecord, ReportsRepository } from './reports.repository';

export const ANALYTICS_REBUILD_QUEUE = 'analytics-rebuild';
export const ANALYTICS_UPKEEP_QUEUE = 'analytics-upkeep';

/** Fold a brand's rollup rows once this many were added since the last fold. */
const COMPACT_AFTER_ROWS = 2_000;

export function toAnalyticsSettings(record: AnalyticsSettingsRecord): AnalyticsSettings {
  return {
    activeWindowDays: record.windowDays,
    engagementTypes: record.engagementTypes as EngagementType[],
    timeZone: record.timeZone,
    state: record.state,
    rebuiltAt: record.rebuiltAt?.toISOString() ?? null,
  };
}

/**
 * The brand's definition of activity, and the upkeep of the rollups: rebuilt after the definition
 * (or the time zone) changed, and folded every minute so reports read few rows.
 */
@Injectable()
export class AnalyticsService implements OnModuleInit {
  private readonly logger = new Logger('Analytics');
  private readonly pool: Pool;
  /** Rows per brand after the last fold (this process's view; a fold is harmless when not needed). */
  private readonly foldedAt = new Map<string, number>();

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly reports: ReportsRepository,
    private readonly audit: AuditService,
    private readonly jobs: Jobs,
  ) {
    this.pool = (dataSource.driver as unknown as { master: Pool }).master;
  }

  onModuleInit(): void {
    this.jobs.register<{ brandId: string }>({
      queue: ANALYTICS_REBUILD_QUEUE,
      handle: async ({ brandId }) => void (await this.rebuild(brandId)),
    });
    this.jobs.register({
      queue: ANALYTICS_UPKEEP_QUEUE,
      cron: '* * * * *',
      retryLimit: 0,
      handle: async () => void (await this.upkeep()),
    });
  }

  async settings(brandId: string): Promise<AnalyticsSettings> {
    const record = await this.reports.settings(brandId);
    if (!record) throw new NotFound('Brand');
    return toAnalyticsSettings(record);
  }

  /**
   * Changes the definition of activity. The rollups are then rebuilt in the background (state
   * `recalculating` until done); writers still holding the old definition start again.
   */
  async update(
    brandId: string,
    input: { activeWindowDays: number; engagementTypes: EngagementType[] },
    actor: Actor,
    meta: RequestMeta,
  ): Promise<AnalyticsSettings> {
    const types = [...new Set(input.engagementTypes)].sort();
    const changed = await this.tx.run(async () => {
      const [before]: Array<{ active_window_days: number; engagement_types: string[] }> =
        await this.tx.manager.query(
          'SELECT active_window_days, engagement_types FROM brand WHERE id = $1 FOR NO KEY UPDATE',
          [brandId],
        );
      if (!before) throw new NotFound('Brand');
      const beforeTypes = [...before.engagement_types].sort();
      if (before.active_window_days === input.activeWindowDays && beforeTypes.join() === types.join())
        return false;
      await this.tx.manager.query(
        `UPDATE brand SET active_window_days = $2, engagement_types = $3::text[],
                analytics_version = analytics_version + 1, analytics_state = 'recalculating', updated_at = now()
          WHERE id = $1`,
        [brandId, input.activeWindowDays, types],
      );
      await this.audit.record(actor, meta, {
        brandId,
        action: 'analytics_settings.updated',
        targetType: 'brand',
        targetId: brandId,
        changes: {
          ...(before.active_window_days !== input.activeWindowDays
            ? { activeWindowDays: { from: before.active_window_days, to: input.activeWindowDays } }
            : {}),
          ...(beforeTypes.join() !== types.join()
            ? { engagementTypes: { from: beforeTypes, to: types } }
            : {}),
        },
      });
      return true;
    });
    if (changed) await this.jobs.send(ANALYTICS_REBUILD_QUEUE, { brandId }, { singletonKey: brandId });
    return this.settings(brandId);
  }

  /** Rebuilds one brand's rollups from its fans, events and ledger (see analytics-rebuild.ts). */
  async rebuild(brandId: string): Promise<RebuildResult> {
    const client = await this.pool.connect();
    try {
      const result = await rebuildAnalytics(
        async (sql, params): Promise<unknown[]> =>
          (await client.query<Record<string, unknown>>(sql, params)).rows,
        brandId,
      );
      this.foldedAt.set(brandId, result.deltaRows);
      this.logger.log(
        `brand ${brandId}: rollups rebuilt in ${result.milliseconds} ms (${result.fanActivityRows} activity rows, ${result.deltaRows} rollup rows)`,
      );
      return result;
    } finally {
      client.release();
    }
  }

  /** Every minute: rebuild brands whose definition changed, fold the rollup rows of busy brands. */
  async upkeep(): Promise<void> {
    const stale: Array<{ id: string }> = await this.tx.manager.query(
      `SELECT id FROM brand WHERE analytics_state = 'recalculating'`,
    );
    for (const { id } of stale) await this.rebuild(id);
    const counts: Array<{ brand_id: string; rows: number }> = await this.tx.manager.query(
      'SELECT brand_id, count(*)::int AS rows FROM analytics_delta GROUP BY brand_id',
    );
    for (const { brand_id: brandId, rows } of counts) {
      if (rows - (this.foldedAt.get(brandId) ?? 0) >= COMPACT_AFTER_ROWS) await this.compact(brandId);
    }
  }

  /**
   * Folds a brand's rollup rows into one per (dim, metric, day). Exactly the rows it deleted come
   * back as their sums, so writers committing meanwhile lose nothing.
   */
  async compact(brandId: string): Promise<number> {
    return this.tx.run(async () => {
      const [lock]: Array<{ locked: boolean }> = await this.tx.manager.query(
        `SELECT pg_try_advisory_xact_lock(hashtextextended('analytics-compact:' || $1::text, 0)) AS locked`,
        [brandId],
      );
      if (!lock?.locked) return 0;
      const [row]: Array<{ rows: number }> = await this.tx.manager.query(
        `WITH gone AS (DELETE FROM analytics_delta WHERE brand_id = $1 RETURNING dim, metric, day, delta),
              folded AS (
                INSERT INTO analytics_delta (brand_id, dim, metric, day, delta)
                SELECT $1, dim, metric, day, sum(delta) FROM gone GROUP BY dim, metric, day HAVING sum(delta) <> 0
                RETURNING 1)
         SELECT (SELECT count(*) FROM folded)::int AS rows`,
        [brandId],
      );
      const rows = row?.rows ?? 0;
      this.foldedAt.set(brandId, rows);
      return rows;
    });
  }
}
