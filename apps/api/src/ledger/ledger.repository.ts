import { Injectable } from '@nestjs/common';

import { type Statement } from '../database/statement';
import { Transactions } from '../database/transactions';
import { type LedgerKind } from './entities/ledger-entry.entity';

export interface NewLedgerEntry {
  id: string;
  fanId: string;
  kind: LedgerKind;
  points: bigint;
  causeKey: string;
  eventId: string | null;
  campaignId: string | null;
  ruleId: string | null;
  ruleVersion: number | null;
  occurredAt: Date;
  reversesEntryId: string | null;
  reason: string;
  explanation: Record<string, unknown> | null;
  actorLabel: string | null;
}

export interface LedgerEntryRow {
  id: string;
  kind: LedgerKind;
  points: string;
  eventId: string | null;
  campaignId: string | null;
  ruleId: string | null;
  ruleVersion: number | null;
  occurredAt: Date;
  reversesEntryId: string | null;
  reason: string;
  explanation: Record<string, unknown> | null;
  actorLabel: string | null;
  createdAt: Date;
  /** The campaign's and rule's names today (the rule's version at booking is `ruleVersion`). */
  campaignName: string | null;
  ruleName: string | null;
  /** The sender's id of the event behind the entry. */
  eventExternalId: string | null;
}

export interface WindowQuery {
  fanId: string;
  ruleId: string;
  start: Date | null;
  end: Date | null;
}

export interface OpenAward {
  id: string;
  eventId: string;
  fanId: string;
  points: bigint;
  campaignId: string | null;
  ruleId: string | null;
  occurredAt: Date;
}

@Injectable()
export class LedgerRepository {
  constructor(private readonly tx: Transactions) {}

  /** Inserts entries whose cause is new; returns the ids actually inserted. */
  async insert(brandId: string, entries: NewLedgerEntry[]): Promise<Set<string>> {
    const statement = this.insertStatement(brandId, entries);
    if (statement === null) return new Set();
    const rows: Array<{ id: string }> = await this.tx.manager.query(statement.sql, statement.params);
    return new Set(rows.map((row) => row.id));
  }

  /** Appends entries whose cause key is new; RETURNING the ids that went in. */
  insertStatement(brandId: string, entries: NewLedgerEntry[]): Statement | null {
    if (entries.length === 0) return null;
    return {
      sql: `INSERT INTO ledger_entry (brand_id, id, fan_id, kind, points, cause_key, event_id, campaign_id, rule_id,
                                 rule_version, occurred_at, reverses_entry_id, reason, explanation, actor_label)
       SELECT $1, e.id, e.fan_id, e.kind, e.points, e.cause_key, e.event_id, e.campaign_id, e.rule_id,
              e.rule_version, e.occurred_at, e.reverses_entry_id, e.reason, e.explanation, e.actor_label
         FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::bigint[], $6::text[], $7::uuid[], $8::uuid[], $9::uuid[],
                     $10::int[], $11::timestamptz[], $12::uuid[], $13::text[], $14::jsonb[], $15::text[])
              AS e(id, fan_id, kind, points, cause_key, event_id, campaign_id, rule_id, rule_version, occurred_at,
                   reverses_entry_id, reason, explanation, actor_label)
       ON CONFLICT (brand_id, cause_key) DO NOTHING
       RETURNING id`,
      params: [
        brandId,
        entries.map((e) => e.id),
        entries.map((e) => e.fanId),
        entries.map((e) => e.kind),
        entries.map((e) => e.points.toString()),
        entries.map((e) => e.causeKey),
        entries.map((e) => e.eventId),
        entries.map((e) => e.campaignId),
        entries.map((e) => e.ruleId),
        entries.map((e) => e.ruleVersion),
        entries.map((e) => e.occurredAt),
        entries.map((e) => e.reversesEntryId),
        entries.map((e) => e.reason),
        entries.map((e) => (e.explanation === null ? null : JSON.stringify(e.explanation))),
        entries.map((e) => e.actorLabel),
      ],
    };
  }

  /** Awards of each (fan, rule) within each window that have not been reversed. */
  async countAwards(brandId: string, queries: WindowQuery[]): Promise<number[]> {
    if (queries.length === 0) return [];
    const rows: Array<{ idx: string; awards: string }> = await this.tx.prepared(
      // LATERAL keeps this an index lookup per (fan, rule, window) however large the ledger grows.
      `SELECT q.idx, c.awards
         FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[]) WITH ORDINALITY
              AS q(fan_id, rule_id, start_at, end_at, idx)
         CROSS JOIN LATERAL (
           SELECT count(*) AS awards FROM ledger_entry e
            WHERE e.brand_id = $1 AND e.fan_id = q.fan_id AND e.rule_id = q.rule_id AND e.kind = 'earn'
              AND (q.start_at IS NULL OR e.occurred_at >= q.start_at)
              AND (q.end_at IS NULL OR e.occurred_at < q.end_at)
              AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.brand_id = $1 AND r.reverses_entry_id = e.id)
         ) c`,
      [
        brandId,
        queries.map((q) => q.fanId),
        queries.map((q) => q.ruleId),
        queries.map((q) => q.start),
        queries.map((q) => q.end),
      ],
    );
    const counts = new Array<number>(queries.length).fill(0);
    for (const row of rows) counts[Number(row.idx) - 1] = Number(row.awards);
    return counts;
  }

  /** When each (fan, rule) last earned (unreversed), for cooldowns. */
  async lastAwards(
    brandId: string,
    pairs: Array<{ fanId: string; ruleId: string }>,
  ): Promise<Map<string, Date>> {
    if (pairs.length === 0) return new Map();
    const rows: Array<{ fan_id: string; rule_id: string; last_at: Date }> = await this.tx.prepared(
      `SELECT q.fan_id, q.rule_id, l.last_at
         FROM unnest($2::uuid[], $3::uuid[]) AS q(fan_id, rule_id)
         CROSS JOIN LATERAL (
           SELECT max(e.occurred_at) AS last_at FROM ledger_entry e
            WHERE e.brand_id = $1 AND e.fan_id = q.fan_id AND e.rule_id = q.rule_id AND e.kind = 'earn'
              AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.brand_id = $1 AND r.reverses_entry_id = e.id)
         ) l
        WHERE l.last_at IS NOT NULL`,
      [brandId, pairs.map((p) => p.fanId), pairs.map((p) => p.ruleId)],
    );
    return new Map(rows.map((row) => [`${row.fan_id}:${row.rule_id}`, row.last_at]));
  }

  /** Earn entries of these events that have not been reversed yet. */
  async openAwardsOfEvents(brandId: string, eventIds: string[]): Promise<OpenAward[]> {
    if (eventIds.length === 0) return [];
    const rows: Array<{
      id: string;
      event_id: string;
      fan_id: string;
      points: string;
      campaign_id: string | null;
      rule_id: string | null;
      occurred_at: Date;
    }> = await this.tx.manager.query(
      `SELECT e.id, e.event_id, e.fan_id, e.points, e.campaign_id, e.rule_id, e.occurred_at
         FROM ledger_entry e
        WHERE e.brand_id = $1 AND e.event_id = ANY($2::uuid[]) AND e.kind = 'earn'
          AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.brand_id = $1 AND r.reverses_entry_id = e.id)
        ORDER BY e.id`,
      [brandId, eventIds],
    );
    return rows.map((row) => ({
      id: row.id,
      eventId: row.event_id,
      fanId: row.fan_id,
      points: BigInt(row.points),
      campaignId: row.campaign_id,
      ruleId: row.rule_id,
      occurredAt: row.occurred_at,
    }));
  }

  /** Points earned (net of reversals) by each fan since `since`: the rolling tier basis. */
  /** Points earned (less reversals) since `since` by each fan, counting the fans merged into it. */
  async earnedSince(brandId: string, fanIds: string[], since: Date): Promise<Map<string, bigint>> {
    if (fanIds.length === 0) return new Map();
    const rows: Array<{ fan_id: string; earned: string }> = await this.tx.prepared(
      `SELECT coalesce(f.merged_into_id, f.id) AS fan_id, coalesce(sum(l.points), 0) AS earned
         FROM fan f
         JOIN ledger_entry l ON l.brand_id = f.brand_id AND l.fan_id = f.id
        WHERE f.brand_id = $1 AND (f.id = ANY($2::uuid[]) OR f.merged_into_id = ANY($2::uuid[]))
          AND l.kind IN ('earn', 'reverse') AND l.occurred_at >= $3
        GROUP BY 1`,
      [brandId, fanIds, since],
    );
    return new Map(rows.map((row) => [row.fan_id, BigInt(row.earned)]));
  }

  /** Budgeted campaigns, locked (after the fans: one lock order everywhere) unless `lock` is false. */
  async lockBudgets(
    brandId: string,
    campaignIds: string[],
    lock = true,
  ): Promise<Map<string, { budget: bigint; issued: bigint }>> {
    const ids = [...new Set(campaignIds)].sort();
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; budget_points: string; points_issued: string }> = await this.tx.prepared(
      `SELECT id, budget_points, points_issued FROM campaign
        WHERE brand_id = $1 AND id = ANY($2::uuid[]) AND budget_points IS NOT NULL
        ORDER BY id ${lock ? 'FOR UPDATE' : ''}`,
      [brandId, ids],
    );
    return new Map(
      rows.map((row) => [row.id, { budget: BigInt(row.budget_points), issued: BigInt(row.points_issued) }]),
    );
  }

  async addIssued(brandId: string, deltas: Map<string, bigint>): Promise<void> {
    const statement = this.addIssuedStatement(brandId, deltas);
    if (statement !== null) await this.tx.manager.query(statement.sql, statement.params);
  }

  /** Adds to the campaigns' issued points (in id order); RETURNING the campaigns. */
  addIssuedStatement(brandId: string, deltas: Map<string, bigint>): Statement | null {
    const entries = [...deltas.entries()]
      .filter(([, delta]) => delta !== 0n)
      .sort(([a], [b]) => a.localeCompare(b));
    if (entries.length === 0) return null;
    return {
      sql: `UPDATE campaign c SET points_issued = c.points_issued + d.delta
         FROM unnest($2::uuid[], $3::bigint[]) AS d(id, delta)
        WHERE c.brand_id = $1 AND c.id = d.id
       RETURNING c.id`,
      params: [brandId, entries.map(([id]) => id), entries.map(([, delta]) => delta.toString())],
    };
  }

  /** The entries of a fan (and of the fans merged into it), newest first (ids are time-ordered). */
  async listForFan(
    brandId: string,
    fanIds: string[],
    limit: number,
    afterId?: string,
  ): Promise<LedgerEntryRow[]> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager.query(
      `SELECT ${ENTRY_COLUMNS} FROM ledger_entry
        WHERE brand_id = $1 AND fan_id = ANY($2::uuid[]) ${afterId ? 'AND id < $4' : ''}
        ORDER BY id DESC LIMIT $3`,
      afterId ? [brandId, fanIds, limit + 1, afterId] : [brandId, fanIds, limit + 1],
    );
    return rows.map(toEntryRow);
  }

  async findEntry(brandId: string, id: string): Promise<LedgerEntryRow | null> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager.query(
      `SELECT ${ENTRY_COLUMNS} FROM ledger_entry WHERE brand_id = $1 AND id = $2`,
      [brandId, id],
    );
    return rows[0] ? toEntryRow(rows[0]) : null;
  }

  async findByCause(
    brandId: string,
    causeKey: string,
  ): Promise<{ id: string; fanId: string; points: string; reason: string } | null> {
    const rows: Array<{ id: string; fan_id: string; points: string; reason: string }> =
      await this.tx.manager.query(
        'SELECT id, fan_id, points, reason FROM ledger_entry WHERE brand_id = $1 AND cause_key = $2',
        [brandId, causeKey],
      );
    const row = rows[0];
    return row ? { id: row.id, fanId: row.fan_id, points: row.points, reason: row.reason } : null;
  }
}

const ENTRY_COLUMNS = `id, kind, points, event_id, campaign_id, rule_id, rule_version, occurred_at, reverses_entry_id,
  reason, explanation, actor_label, created_at,
  (SELECT c.name FROM campaign c WHERE c.brand_id = ledger_entry.brand_id AND c.id = ledger_entry.campaign_id)
    AS campaign_name,
  (SELECT r.definition->>'name' FROM reward_rule r
    WHERE r.brand_id = ledger_entry.brand_id AND r.id = ledger_entry.rule_id) AS rule_name,
  (SELECT e.external_id FROM engagement_event e
    WHERE e.brand_id = ledger_entry.brand_id AND e.id = ledger_entry.event_id) AS event_external_id`;

function toEntryRow(row: Record<string, unknown>): LedgerEntryRow {
  return {
    id: row.id as string,
    kind: row.kind as LedgerKind,
    points: row.points as string,
    eventId: row.event_id as string | null,
    campaignId: row.campaign_id as string | null,
    ruleId: row.rule_id as string | null,
    ruleVersion: row.rule_version as number | null,
    occurredAt: row.occurred_at as Date,
    reversesEntryId: row.reverses_entry_id as string | null,
    reason: row.reason as string,
    explanation: row.explanation as Record<string, unknown> | null,
    actorLabel: row.actor_label as string | null,
    createdAt: row.created_at as Date,
    campaignName: row.campaign_name as string | null,
    ruleName: row.rule_name as string | null,
    eventExternalId: row.event_external_id as string | null,
  };
}
