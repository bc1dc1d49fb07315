import { Injectable } from '@nestjs/common';

import { type ActiveRuleRow } from '../campaigns/campaigns.repository';
import { type Statement } from '../database/statement';
import { Transactions } from '../database/transactions';
import { type TierEntity } from '../tiers/entities/tier.entity';
import { type EventStatus } from './entities/engagement-event.entity';

export interface StoredEvent {
  id: string;
  externalId: string;
  fanId: string | null;
  type: string;
  status: EventStatus;
  points: bigint;
  outcome: Record<string, unknown>;
  retractedAt: Date | null;
}

export interface NewEvent {
  id: string;
  externalId: string;
  fanId: string | null;
  type: string;
  channel: string | null;
  occurredAt: Date;
  properties: Record<string, unknown> | null;
  retractsExternalId: string | null;
  status: EventStatus;
  points: bigint;
  outcome: Record<string, unknown>;
}

export interface BrandContextRow {
  timeZone: string;
  /** The brand's analytics settings (see ActivityWriter). */
  windowDays: number;
  engagementTypes: string[];
  analyticsVersion: number;
  tierBasis: 'lifetime' | 'rolling_12_months';
  tiers: Array<Pick<TierEntity, 'name' | 'threshold' | 'multiplier' | 'perks'>>;
  /** As the campaigns repository reads them, with the campaign's times as JSON strings. */
  rules: Array<
    Omit<ActiveRuleRow, 'campaignStartsAt' | 'campaignEndsAt'> & {
      campaignStartsAt: string;
      campaignEndsAt: string | null;
    }
  >;
}

@Injectable()
export class EventsRepository {
  constructor(private readonly tx: Transactions) {}

  /** The brand's time zone (cap windows are days and weeks there); null when there is no such brand. */
  /**
   * What evaluating a batch needs of its brand, in one query: the time zone, the tier basis and
   * ladder (lowest first), and the rules of campaigns that are active at `at` for `eventTypes`, in
   * evaluation order. Null when the brand does not exist. Amounts come as text (exact bigints).
   */
  async brandContext(brandId: string, eventTypes: string[], at: Date): Promise<BrandContextRow | null> {
    const rows = await this.tx.prepared<BrandContextRow>(
      `SELECT b.time_zone AS "timeZone", b.tier_basis AS "tierBasis", b.active_window_days AS "windowDays",
              b.engagement_types AS "engagementTypes", b.analytics_version AS "analyticsVersion",
              coalesce((SELECT json_agg(json_build_object('name', t.name, 'threshold', t.threshold::text,
                                                          'multiplier', t.multiplier::text, 'perks', t.perks)
                                        ORDER BY t.threshold)
                          FROM tier t WHERE t.brand_id = b.id), '[]') AS tiers,
              coalesce((SELECT json_agg(json_build_object('eventType', r.event_type, 'ruleId', r.id,
                                                          'version', r.version, 'campaignId', r.campaign_id,
                                                          'campaignStartsAt', c.starts_at, 'campaignEndsAt', c.ends_at,
                                                          'budgetPoints', c.budget_points::text,
                                                          'definition', r.definition)
                                        ORDER BY c.starts_at, c.id, r.position)
                          FROM reward_rule r JOIN campaign c ON c.brand_id = r.brand_id AND c.id = r.campaign_id
                         WHERE r.brand_id = b.id AND r.event_type = ANY($2::text[]) AND r.deleted_at IS NULL
                           AND c.status = 'active' AND c.starts_at <= $3 AND (c.ends_at IS NULL OR $3 < c.ends_at)),
                       '[]') AS rules
         FROM brand b WHERE b.id = $1`,
      [brandId, eventTypes, at],
    );
    return rows[0] ?? null;
  }

  async findByExternalIds(brandId: string, externalIds: string[]): Promise<Map<string, StoredEvent>> {
    if (externalIds.length === 0) return new Map();
    const rows: Array<{
      id: string;
      external_id: string;
      fan_id: string | null;
      type: string;
      status: EventStatus;
      points: string;
      outcome: Record<string, unknown>;
      retracted_at: Date | null;
    }> = await this.tx.manager.query(
      `SELECT id, external_id, fan_id, type, status, points, outcome, retracted_at
         FROM engagement_event WHERE brand_id = $1 AND external_id = ANY($2::text[])`,
      [brandId, [...new Set(externalIds)]],
    );
    return new Map(
      rows.map((row) => [
        row.external_id,
        {
          id: row.id,
          externalId: row.external_id,
          fanId: row.fan_id,
          type: row.type,
          status: row.status,
          points: BigInt(row.points),
          outcome: row.outcome,
          retractedAt: row.retracted_at,
        },
      ]),
    );
  }

  /**
   * In one query: the stored events among `externalIds`, and which of `eventIds` a stored
   * retraction already names (a retraction may arrive before its event).
   */
  async findForIngest(
    brandId: string,
    externalIds: string[],
    eventIds: string[],
  ): Promise<{ stored: Map<string, StoredEvent>; retractedEarlier: Set<string> }> {
    const rows: Array<{
      kind: 'stored' | 'retracted';
      id: string | null;
      external_id: string;
      fan_id: string | null;
      type: string | null;
      status: EventStatus | null;
      points: string | null;
      outcome: Record<string, unknown> | null;
      retracted_at: Date | null;
    }> = await this.tx.prepared(
      // One index probe per id (LATERAL, fenced by LIMIT so the planner cannot flatten it into a
      // scan of the brand): the plan stays right even while a table grows faster than its statistics.
      `SELECT 'stored' AS kind, e.id, e.external_id, e.fan_id, e.type, e.status, e.points, e.outcome, e.retracted_at
         FROM unnest($2::text[]) AS x(external_id)
         CROSS JOIN LATERAL (
           SELECT * FROM engagement_event WHERE brand_id = $1 AND external_id = x.external_id LIMIT 1) e
       UNION ALL
       SELECT 'retracted', NULL, r.retracts_external_id, NULL, NULL, NULL, NULL, NULL, NULL
         FROM unnest($3::text[]) AS x(external_id)
         CROSS JOIN LATERAL (
           SELECT retracts_external_id FROM engagement_event
            WHERE brand_id = $1 AND retracts_external_id = x.external_id AND type = 'retract' LIMIT 1) r`,
      [brandId, [...new Set(externalIds)], [...new Set(eventIds)]],
    );
    const stored = new Map<string, StoredEvent>();
    const retractedEarlier = new Set<string>();
    for (const row of rows) {
      if (row.kind === 'retracted') {
        retractedEarlier.add(row.external_id);
        continue;
      }
      stored.set(row.external_id, {
        id: row.id!,
        externalId: row.external_id,
        fanId: row.fan_id,
        type: row.type!,
        status: row.status!,
        points: BigInt(row.points!),
        outcome: row.outcome!,
        retractedAt: row.retracted_at,
      });
    }
    return { stored, retractedEarlier };
  }

  /** Inserts events whose sender id is new; returns the sender ids actually inserted. */
  async insert(brandId: string, events: NewEvent[]): Promise<Set<string>> {
    const statement = this.insertStatement(brandId, events);
    if (statement === null) return new Set();
    const rows: Array<{ external_id: string }> = await this.tx.prepared(statement.sql, statement.params);
    return new Set(rows.map((row) => row.external_id));
  }

  /** Inserts events whose id (per brand) is new; RETURNING the ids that went in. */
  insertStatement(brandId: string, events: NewEvent[]): Statement | null {
    if (events.length === 0) return null;
    return {
      sql: `INSERT INTO engagement_event (brand_id, id, external_id, fan_id, type, channel, occurred_at, properties,
                                     retracts_external_id, status, points, outcome)
       SELECT $1, e.id, e.external_id, e.fan_id, e.type, e.channel, e.occurred_at, e.properties,
              e.retracts_external_id, e.status, e.points, e.outcome
         FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[], $8::jsonb[],
                     $9::text[], $10::text[], $11::bigint[], $12::jsonb[])
              AS e(id, external_id, fan_id, type, channel, occurred_at, properties, retracts_external_id, status,
                   points, outcome)
       ON CONFLICT (brand_id, external_id) DO NOTHING
       RETURNING external_id`,
      params: [
        brandId,
        events.map((e) => e.id),
        events.map((e) => e.externalId),
        events.map((e) => e.fanId),
        events.map((e) => e.type),
        events.map((e) => e.channel),
        events.map((e) => e.occurredAt),
        events.map((e) => (e.properties === null ? null : JSON.stringify(e.properties))),
        events.map((e) => e.retractsExternalId),
        events.map((e) => e.status),
        events.map((e) => e.points.toString()),
        events.map((e) => JSON.stringify(e.outcome)),
      ],
    };
  }

  async markRetracted(brandId: string, eventIds: string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await this.tx.manager.query(
      `UPDATE engagement_event SET retracted_at = now()
        WHERE brand_id = $1 AND id = ANY($2::uuid[]) AND retracted_at IS NULL`,
      [brandId, eventIds],
    );
  }
}
