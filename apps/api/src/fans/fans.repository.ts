import { Injectable } from '@nestjs/common';

import { uuidv7 } from '@fanfare/shared';

import { type Statement } from '../database/statement';
import { Transactions } from '../database/transactions';
import { type EventStatus } from '../events/entities/engagement-event.entity';

export interface IdentityRef {
  channel: string;
  externalId: string;
  handle: string | null;
  displayName: string | null;
  email: string | null;
  seenAt: Date;
}

export interface LockedFan {
  id: string;
  /** Set when the fan was merged into another after its id was looked up. */
  mergedIntoId: string | null;
  erasedAt: Date | null;
  balance: bigint;
  lifetimePoints: bigint;
  tierName: string | null;
  firstSeenAt: Date;
  lastActiveAt: Date;
}

export interface FanChange {
  fanId: string;
  balanceDelta: bigint;
  lifetimeDelta: bigint;
  firstSeenAt: Date;
  lastActiveAt: Date;
  tierName: string | null;
  tierChanged: boolean;
}

export interface TimelineEvent {
  id: string;
  externalId: string;
  type: string;
  channel: string | null;
  occurredAt: Date;
  receivedAt: Date;
  status: EventStatus;
  points: number;
  reasons: string[];
  awards: Array<{
    ruleId: string;
    campaignId: string;
    points: number;
    ruleName: string | null;
    campaignName: string | null;
  }>;
  retractedAt: Date | null;
  /** For a retraction: the sender's id of the event it retracts. */
  retracts: string | null;
  properties: Record<string, unknown> | null;
}

export const identityKey = (channel: string, externalId: string): string => `${channel}\u0000${externalId}`;

@Injectable()
export class FansRepository {
  constructor(private readonly tx: Transactions) {}

  /**
   * The fan of each identity, creating fans on first sight. Two requests that see a new identity at
   * once both try to create it; the unique (brand, channel, external id) lets one win, and the
   * loser drops the fan it created and uses the winner's.
   */
  async resolveIdentities(brandId: string, refs: IdentityRef[]): Promise<Map<string, string>> {
    const unique = new Map<string, IdentityRef>();
    for (const ref of refs) {
      const key = identityKey(ref.channel, ref.externalId);
      const seen = unique.get(key);
      if (!seen || ref.seenAt < seen.seenAt) unique.set(key, ref);
    }
    // Sorted, so that concurrent transactions creating the same identities wait instead of deadlocking.
    const wanted = [...unique.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, ref]) => ref);
    const fans = new Map<string, string>();
    if (wanted.length === 0) return fans;
    await this.readIdentities(brandId, wanted, fans);
    const missing = wanted.filter((ref) => !fans.has(identityKey(ref.channel, ref.externalId)));
    if (missing.length === 0) return fans;

    // New fans in one statement of their own (committed at once, or part of the caller's
    // transaction), so that concurrent batches that see the same new identity wait for each other
    // only that long.
    await this.create(brandId, missing, fans);
    return fans;
  }

  /**
   * Creates the identities and, for those that were really new, their fans — in one statement: the
   * identity insert skips identities another request created meanwhile (it waits for that one to
   * commit), and only fans whose identity went in are inserted, so no fan is left without one. The
   * foreign key from identity to fan is checked at the end of the statement, when both are there.
   */
  private async create(brandId: string, missing: IdentityRef[], fans: Map<string, string>): Promise<void> {
    const inserted: Array<{ channel: string; external_id: string; fan_id: string }> = await this.tx.prepared(
      `WITH t AS (
           SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                                $9::timestamptz[]) WITH ORDINALITY
             AS t(identity_id, fan_id, channel, external_id, handle, display_name, email, seen_at, n)
         ), i AS (
           INSERT INTO fan_identity (brand_id, id, fan_id, channel, external_id, handle, display_name, email)
           SELECT $1, identity_id, fan_id, channel, external_id, handle, display_name, email FROM t ORDER BY n
           ON CONFLICT (brand_id, channel, external_id) DO NOTHING
           RETURNING fan_id, channel, external_id
         ), f AS (
           INSERT INTO fan (brand_id, id, display_name, email, first_seen_at, last_active_at)
           SELECT $1, t.fan_id, t.display_name, t.email, t.seen_at, t.seen_at FROM t JOIN i ON i.fan_id = t.fan_id
         )
         SELECT channel, external_id, fan_id FROM i`,
      [
        brandId,
        missing.map(() => uuidv7()),
        missing.map(() => uuidv7()),
        missing.map((ref) => ref.channel),
        missing.map((ref) => ref.externalId),
        missing.map((ref) => ref.handle),
        missing.map((ref) => ref.displayName),
        missing.map((ref) => ref.email),
        missing.map((ref) => ref.seenAt),
      ],
    );
    for (const row of inserted) fans.set(identityKey(row.channel, row.external_id), row.fan_id);
    const lost = missing.filter((ref) => !fans.has(identityKey(ref.channel, ref.externalId)));
    if (lost.length > 0) await this.readIdentities(brandId, lost, fans);
  }

  /** The fan holding an identity, without creating one (for simulations). */
  async findFanOfIdentity(brandId: string, channel: string, externalId: string): Promise<string | null> {
    const found = new Map<string, string>();
    await this.readIdentities(
      brandId,
      [{ channel, externalId, handle: null, displayName: null, email: null, seenAt: new Date() }],
      found,
    );
    return found.get(identityKey(channel, externalId)) ?? null;
  }

  private async readIdentities(
    brandId: string,
    refs: IdentityRef[],
    into: Map<string, string>,
  ): Promise<void> {
    const rows: Array<{ channel: string; external_id: string; fan_id: string }> = await this.tx.prepared(
      `SELECT t.channel, t.external_id, coalesce(f.merged_into_id, f.id) AS fan_id
         FROM unnest($2::text[], $3::text[]) AS t(channel, external_id)
         CROSS JOIN LATERAL (
           SELECT fan_id FROM fan_identity
            WHERE brand_id = $1 AND channel = t.channel AND external_id = t.external_id LIMIT 1) i
         CROSS JOIN LATERAL (SELECT id, merged_into_id FROM fan WHERE brand_id = $1 AND id = i.fan_id LIMIT 1) f`,
      [brandId, refs.map((ref) => ref.channel), refs.map((ref) => ref.externalId)],
    );
    for (const row of rows) into.set(identityKey(row.channel, row.external_id), row.fan_id);
  }

  /** Locks fans in id order, so concurrent batches never deadlock on each other. */
  async lock(brandId: string, fanIds: string[]): Promise<Map<string, LockedFan>> {
    const ids = [...new Set(fanIds)].sort();
    const rows: Array<{
      id: string;
      merged_into_id: string | null;
      erased_at: Date | null;
      balance: string;
      lifetime_points: string;
      tier_name: string | null;
      first_seen_at: Date;
      last_active_at: Date;
    }> = ids.length
      ? await this.tx.prepared(
          // Locked one by one in id order (a nested loop over the sorted ids, one index probe each).
          `SELECT f.id, f.merged_into_id, f.erased_at, f.balance, f.lifetime_points, f.tier_name, f.first_seen_at,
                  f.last_active_at
             FROM unnest($2::uuid[]) WITH ORDINALITY AS x(id, n)
             CROSS JOIN LATERAL (SELECT * FROM fan WHERE brand_id = $1 AND id = x.id FOR UPDATE) f
            ORDER BY x.n`,
          [brandId, ids],
        )
      : [];
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          mergedIntoId: row.merged_into_id,
          erasedAt: row.erased_at,
          balance: BigInt(row.balance),
          lifetimePoints: BigInt(row.lifetime_points),
          tierName: row.tier_name,
          firstSeenAt: row.first_seen_at,
          lastActiveAt: row.last_active_at,
        },
      ]),
    );
  }

  async apply(brandId: string, changes: FanChange[]): Promise<void> {
    const statement = this.applyStatement(brandId, changes);
    if (statement !== null) await this.tx.manager.query(statement.sql, statement.params);
  }

  /** Adds to fans' balances and lifetime points, widens first seen / last active, sets tiers. */
  applyStatement(brandId: string, changes: FanChange[]): Statement | null {
    if (changes.length === 0) return null;
    return {
      sql: `UPDATE fan f
          SET balance = f.balance + c.balance_delta,
              lifetime_points = f.lifetime_points + c.lifetime_delta,
              first_seen_at = least(f.first_seen_at, c.first_seen_at),
              last_active_at = greatest(f.last_active_at, c.last_active_at),
              tier_name = c.tier_name,
              tier_changed_at = CASE WHEN c.tier_changed THEN now() ELSE f.tier_changed_at END,
              updated_at = now()
         FROM (SELECT c.*, t.tid
                 FROM unnest($2::uuid[], $3::bigint[], $4::bigint[], $5::timestamptz[], $6::timestamptz[], $7::text[],
                             $8::boolean[])
                      AS c(fan_id, balance_delta, lifetime_delta, first_seen_at, last_active_at, tier_name, tier_changed)
                CROSS JOIN LATERAL (SELECT ctid AS tid FROM fan WHERE brand_id = $1 AND id = c.fan_id LIMIT 1) t) c
        -- Each row is found by its key (one index probe per fan, however many fans the brand has) and
        -- updated by its row address; the rows are locked by the caller, so the address holds.
        WHERE f.ctid = c.tid
       RETURNING f.id`,
      params: [
        brandId,
        changes.map((c) => c.fanId),
        changes.map((c) => c.balanceDelta.toString()),
        changes.map((c) => c.lifetimeDelta.toString()),
        changes.map((c) => c.firstSeenAt),
        changes.map((c) => c.lastActiveAt),
        changes.map((c) => c.tierName),
        changes.map((c) => c.tierChanged),
      ],
    };
  }

  async recordTierChanges(
    brandId: string,
    changes: Array<{ fanId: string; fromTier: string | null; toTier: string | null; cause: string }>,
  ): Promise<void> {
    const statement = this.tierChangesStatement(brandId, changes);
    if (statement !== null) await this.tx.manager.query(statement.sql, statement.params);
  }

  /** Records tier changes; RETURNING their ids. */
  tierChangesStatement(
    brandId: string,
    changes: Array<{ fanId: string; fromTier: string | null; toTier: string | null; cause: string }>,
  ): Statement | null {
    if (changes.length === 0) return null;
    return {
      sql: `INSERT INTO fan_tier_change (brand_id, id, fan_id, from_tier, to_tier, cause)
       SELECT $1, t.id, t.fan_id, t.from_tier, t.to_tier, t.cause
         FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[]) AS t(id, fan_id, from_tier, to_tier, cause)
       RETURNING id`,
      params: [
        brandId,
        changes.map(() => uuidv7()),
        changes.map((c) => c.fanId),
        changes.map((c) => c.fromTier),
        changes.map((c) => c.toTier),
        changes.map((c) => c.cause),
      ],
    };
  }

  /** The fan, or the fan it was merged into: merged ids keep resolving to the survivor. */
  async findResolved(brandId: string, fanId: string): Promise<FanRow | null> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager.query(
      `SELECT s.* FROM fan f JOIN fan s ON s.brand_id = f.brand_id AND s.id = coalesce(f.merged_into_id, f.id)
        WHERE f.brand_id = $1 AND f.id = $2`,
      [brandId, fanId],
    );
    return rows[0] ? toFanRow(rows[0]) : null;
  }

  /** Fans matching `q` (name, email, handle or external id), newest activity or most points first. */
  async search(
    brandId: string,
    options: { q?: string; sort: FanSort; limit: number; after?: { key: string; id: string } },
  ): Promise<FanRow[]> {
    const params: unknown[] = [brandId, options.limit + 1];
    const where = ['f.brand_id = $1', 'f.merged_into_id IS NULL'];
    if (options.q) {
      params.push(`%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const p = `$${params.length}`;
      where.push(`(f.display_name ILIKE ${p} OR f.email ILIKE ${p} OR EXISTS (
        SELECT 1 FROM fan_identity i WHERE i.brand_id = f.brand_id AND i.fan_id = f.id
           AND (i.handle ILIKE ${p} OR i.external_id ILIKE ${p} OR i.display_name ILIKE ${p} OR i.email ILIKE ${p})))`);
    }
    const column = options.sort === 'points' ? 'f.balance' : 'f.last_active_at';
    if (options.after) {
      params.push(options.after.key, options.after.id);
      const cast = options.sort === 'points' ? 'bigint' : 'timestamptz';
      where.push(`(${column}, f.id) < ($${params.length - 1}::${cast}, $${params.length}::uuid)`);
    }
    const rows: Array<Record<string, unknown>> = await this.tx.manager.query(
      `SELECT f.* FROM fan f WHERE ${where.join(' AND ')} ORDER BY ${column} DESC, f.id DESC LIMIT $2`,
      params,
    );
    return rows.map(toFanRow);
  }

  /** Everything stored about a fan besides identities and ledger: events and tier changes. */
  /** The fans' events, newest first (by when they happened), with the names of what they earned in. */
  async timelineOf(
    brandId: string,
    fanIds: string[],
    limit: number,
    after?: { occurredAt: Date; id: string },
  ): Promise<TimelineEvent[]> {
    const rows: Array<{
      id: string;
      external_id: string;
      type: string;
      channel: string | null;
      occurred_at: Date;
      received_at: Date;
      status: TimelineEvent['status'];
      points: string;
      reasons: string[] | null;
      awards: TimelineEvent['awards'];
      retracted_at: Date | null;
      retracts_external_id: string | null;
      properties: Record<string, unknown> | null;
    }> = await this.tx.manager.query(
      `SELECT e.id, e.external_id, e.type, e.channel, e.occurred_at, e.received_at, e.status, e.points,
              e.retracted_at, e.retracts_external_id, e.properties,
              (SELECT array_agg(r ORDER BY n) FROM jsonb_array_elements_text(coalesce(e.outcome->'reasons', '[]'))
                 WITH ORDINALITY AS x(r, n)) AS reasons,
              (SELECT coalesce(jsonb_agg(jsonb_build_object(
                        'ruleId', a->>'ruleId', 'campaignId', a->>'campaignId', 'points', (a->>'points')::bigint,
                        'ruleName', r.definition->>'name', 'campaignName', c.name) ORDER BY n), '[]'::jsonb)
                 FROM jsonb_array_elements(coalesce(e.outcome->'awards', '[]')) WITH ORDINALITY AS x(a, n)
                 LEFT JOIN reward_rule r ON r.brand_id = e.brand_id AND r.id = (a->>'ruleId')::uuid
                 LEFT JOIN campaign c ON c.brand_id = e.brand_id AND c.id = (a->>'campaignId')::uuid) AS awards
         FROM engagement_event e
        WHERE e.brand_id = $1 AND e.fan_id = ANY($2::uuid[])
          ${after ? 'AND (e.occurred_at, e.id) < ($4::timestamptz, $5::uuid)' : ''}
        ORDER BY e.occurred_at DESC, e.id DESC
        LIMIT $3`,
      after ? [brandId, fanIds, limit + 1, after.occurredAt, after.id] : [brandId, fanIds, limit + 1],
    );
    return rows.map((row) => ({
      id: row.id,
      externalId: row.external_id,
      type: row.type,
      channel: row.channel,
      occurredAt: row.occurred_at,
      receivedAt: row.received_at,
      status: row.status,
      points: Number(row.points),
      reasons: row.reasons ?? [],
      awards: row.awards,
      retractedAt: row.retracted_at,
      retracts: row.retracts_external_id,
      properties: row.properties,
    }));
  }

  async historyOf(
    brandId: string,
    fanId: string,
  ): Promise<{ events: Array<Record<string, unknown>>; tierChanges: Array<Record<string, unknown>> }> {
    const events: Array<Record<string, unknown>> = await this.tx.manager.query(
      `SELECT external_id AS id, type, channel, occurred_at AS "occurredAt", received_at AS "receivedAt",
              properties, status, points::float8 AS points, retracted_at AS "retractedAt"
         FROM engagement_event WHERE brand_id = $1 AND fan_id = $2 ORDER BY occurred_at, id`,
      [brandId, fanId],
    );
    const tierChanges: Array<Record<string, unknown>> = await this.tx.manager.query(
      `SELECT from_tier AS "fromTier", to_tier AS "toTier", changed_at AS "changedAt", cause
         FROM fan_tier_change WHERE brand_id = $1 AND fan_id = $2 ORDER BY changed_at, id`,
      [brandId, fanId],
    );
    return { events, tierChanges };
  }

  /**
   * Removes a fan's personal data: names, emails and handles, the free text of its events and the
   * raw webhook deliveries that named her.
   * External ids are replaced by a keyed hash, so the ledger's totals stay and nothing leads back.
   */
  async erase(brandId: string, fanId: string, hashedIds: Map<string, string>, at: Date): Promise<void> {
    await this.tx.manager.query(
      `UPDATE fan SET display_name = NULL, email = NULL, consent_marketing = NULL, consent_marketing_at = NULL,
              consent_marketing_version = NULL, consent_profiling = NULL, consent_profiling_at = NULL,
              consent_profiling_version = NULL, erased_at = $3, updated_at = now()
        WHERE brand_id = $1 AND id = $2`,
      [brandId, fanId, at],
    );
    await this.tx.manager.query(
      `UPDATE fan_identity i SET handle = NULL, display_name = NULL, email = NULL, external_id = h.hashed, source = 'erased'
         FROM unnest($3::uuid[], $4::text[]) AS h(id, hashed)
        WHERE i.brand_id = $1 AND i.fan_id = $2 AND i.id = h.id`,
      [brandId, fanId, [...hashedIds.keys()], [...hashedIds.values()]],
    );
    // Free text goes; the facts rules and reports count (type, time, amounts, hashtags) stay.
    await this.tx.manager.query(
      `UPDATE engagement_event
          SET properties = properties - 'text' - 'message' - 'caption' - 'comment' - 'name' - 'email' - 'handle' - 'username'
        WHERE brand_id = $1 AND fan_id = $2 AND properties IS NOT NULL`,
      [brandId, fanId],
    );
    // Raw webhook bodies that named her (or a fan merged into her) go before their retention ends.
    await this.tx.manager.query(
      `UPDATE hook_delivery SET body = NULL
        WHERE brand_id = $1 AND body IS NOT NULL
          AND fan_ids && ARRAY(SELECT id FROM fan WHERE brand_id = $1 AND (id = $2 OR merged_into_id = $2))`,
      [brandId, fanId],
    );
  }

  /**
   * Moves identities and events of `mergedId` to `survivorId` and marks it merged; fans merged into
   * it before now point at the survivor too, so every old id resolves in one step.
   */
  async merge(brandId: string, survivorId: string, mergedId: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE fan_identity SET fan_id = $2, source = 'merge' WHERE brand_id = $1 AND fan_id = $3`,
      [brandId, survivorId, mergedId],
    );
    await this.tx.manager.query(
      `UPDATE engagement_event SET fan_id = $2 WHERE brand_id = $1 AND fan_id = $3`,
      [brandId, survivorId, mergedId],
    );
    await this.tx.manager.query(
      `UPDATE fan SET merged_into_id = $2, updated_at = now() WHERE brand_id = $1 AND (id = $3 OR merged_into_id = $3)`,
      [brandId, survivorId, mergedId],
    );
  }

  /** The fans merged into `fanId` (their ledger entries are part of its history). */
  async mergedInto(brandId: string, fanId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.tx.manager.query(
      'SELECT id FROM fan WHERE brand_id = $1 AND merged_into_id = $2',
      [brandId, fanId],
    );
    return rows.map((row) => row.id);
  }

  async identitiesOf(brandId: string, fanIds: string[]): Promise<IdentityRow[]> {
    if (fanIds.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.tx.manager.query(
      `SELECT fan_id, id, channel, external_id, handle, display_name, email, source, proof, created_at
         FROM fan_identity WHERE brand_id = $1 AND fan_id = ANY($2::uuid[]) ORDER BY created_at, id`,
      [brandId, fanIds],
    );
    return rows.map((row) => ({
      fanId: row.fan_id as string,
      id: row.id as string,
      channel: row.channel as string,
      externalId: row.external_id as string,
      handle: row.handle as string | null,
      displayName: row.display_name as string | null,
      email: row.email as string | null,
      source: row.source as string,
      proof: row.proof as Record<string, unknown> | null,
      createdAt: row.created_at as Date,
    }));
  }
}

export interface FanRow {
  id: string;
  displayName: string | null;
  email: string | null;
  balance: string;
  lifetimePoints: string;
  tierName: string | null;
  tierChangedAt: Date | null;
  firstSeenAt: Date;
  lastActiveAt: Date;
  consentMarketing: boolean | null;
  consentMarketingAt: Date | null;
  consentMarketingVersion: string | null;
  consentProfiling: boolean | null;
  consentProfilingAt: Date | null;
  consentProfilingVersion: string | null;
  erasedAt: Date | null;
  createdAt: Date;
}

export interface IdentityRow {
  fanId: string;
  id: string;
  channel: string;
  externalId: string;
  handle: string | null;
  displayName: string | null;
  email: string | null;
  source: string;
  proof: Record<string, unknown> | null;
  createdAt: Date;
}

export type FanSort = 'last_active' | 'points';

function toFanRow(row: Record<string, unknown>): FanRow {
  return {
    id: row.id as string,
    displayName: row.display_name as string | null,
    email: row.email as string | null,
    balance: row.balance as string,
    lifetimePoints: row.lifetime_points as string,
    tierName: row.tier_name as string | null,
    tierChangedAt: row.tier_changed_at as Date | null,
    firstSeenAt: row.first_seen_at as Date,
    lastActiveAt: row.last_active_at as Date,
    consentMarketing: row.consent_marketing as boolean | null,
    consentMarketingAt: row.consent_marketing_at as Date | null,
    consentMarketingVersion: row.consent_marketing_version as string | null,
    consentProfiling: row.consent_profiling as boolean | null,
    consentProfilingAt: row.consent_profiling_at as Date | null,
    consentProfilingVersion: row.consent_profiling_version as string | null,
    erasedAt: row.erased_at as Date | null,
    createdAt: row.created_at as Date,
  };
}
