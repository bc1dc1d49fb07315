import { createHmac } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { isUuid, tierFor, uuidv7 } from '@fanfare/shared';

import { type AuditActor, auditActorLabel, AuditService } from '../audit/audit.service';
import { type Actor, type RequestMeta } from '../auth/actor';
import { Conflict, NotFound, ValidationFailed } from '../common/errors/domain-error';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { APP_CONFIG, type RuntimeConfig } from '../config/config.module';
import { assertIdempotencyKey } from '../common/http/idempotency-key';
import { Transactions } from '../database/transactions';
import { type LedgerEntryRow, LedgerRepository, type NewLedgerEntry } from '../ledger/ledger.repository';
import { ActivityWriter } from '../reports/activity-writer';
import { TiersService } from '../tiers/tiers.service';
import {
  type FanRow,
  FansRepository,
  type FanSort,
  type IdentityRow,
  type TimelineEvent,
} from './fans.repository';

export interface FanWithIdentities {
  fan: FanRow;
  identities: IdentityRow[];
}

@Injectable()
export class FansService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly tx: Transactions,
    private readonly fans: FansRepository,
    private readonly ledger: LedgerRepository,
    private readonly audit: AuditService,
    private readonly tiers: TiersService,
    private readonly activity: ActivityWriter,
  ) {}

  async search(
    brandId: string,
    query: { q?: string; sort?: FanSort; limit?: number; cursor?: string },
  ): Promise<Page<FanWithIdentities>> {
    const sort = query.sort ?? 'last_active';
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 2);
    if (after && (typeof after[1] !== 'string' || !isUuid(after[1]))) {
      throw new ValidationFailed([{ field: 'cursor', reason: 'is not a cursor this list handed out' }]);
    }
    const rows = await this.fans.search(brandId, {
      ...(query.q?.trim() ? { q: query.q.trim() } : {}),
      sort,
      limit,
      ...(after ? { after: { key: String(after[0]), id: String(after[1]) } } : {}),
    });
    const page = toPage(
      rows,
      limit,
      (row) => row,
      (row) => [sort === 'points' ? row.balance : row.lastActiveAt.toISOString(), row.id],
    );
    const identities = await this.fans.identitiesOf(
      brandId,
      page.items.map((fan) => fan.id),
    );
    return {
      items: page.items.map((fan) => ({
        fan,
        identities: identities.filter((identity) => identity.fanId === fan.id),
      })),
      nextCursor: page.nextCursor,
    };
  }

  async get(brandId: string, fanId: string): Promise<FanWithIdentities> {
    const fan = await this.fans.findResolved(brandId, fanId);
    if (!fan) throw new NotFound('Fan');
    return { fan, identities: await this.fans.identitiesOf(brandId, [fan.id]) };
  }

  /** The fan's events with their outcomes, newest first; those of fans merged into it included. */
  async timelineOf(
    brandId: string,
    fanId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<TimelineEvent>> {
    const fan = await this.fans.findResolved(brandId, fanId);
    if (!fan) throw new NotFound('Fan');
    const after = decodeCursor(cursor, 2);
    const at = after ? new Date(String(after[0])) : undefined;
    if (after && (!at || Number.isNaN(at.getTime()) || typeof after[1] !== 'string' || !isUuid(after[1]))) {
      throw new ValidationFailed([{ field: 'cursor', reason: 'is not a cursor this list handed out' }]);
    }
    const fanIds = [fan.id, ...(await this.fans.mergedInto(brandId, fan.id))];
    const rows = await this.fans.timelineOf(
      brandId,
      fanIds,
      limit,
      after && at ? { occurredAt: at, id: String(after[1]) } : undefined,
    );
    return toPage(
      rows,
      limit,
      (row) => row,
      (row) => [row.occurredAt.toISOString(), row.id],
    );
  }

  async ledgerOf(
    brandId: string,
    fanId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<LedgerEntryRow>> {
    const fan = await this.fans.findResolved(brandId, fanId);
    if (!fan) throw new NotFound('Fan');
    const after = decodeCursor(cursor, 1)?.[0];
    if (after !== undefined && (typeof after !== 'string' || !isUuid(after))) {
      throw new ValidationFailed([{ field: 'cursor', reason: 'is not a cursor this list handed out' }]);
    }
    const fanIds = [fan.id, ...(await this.fans.mergedInto(brandId, fan.id))];
    const rows = await this.ledger.listForFan(brandId, fanIds, limit, after);
    return toPage(
      rows,
      limit,
      (row) => row,
      (row) => [row.id],
    );
  }

  /**
   * Adds or takes points by hand. With an Idempotency-Key a retry answers the first booking and
   * books nothing; the same key with another body is refused.
   */
  async adjust(
    brandId: string,
    fanId: string,
    input: { points: number; reason: string },
    idempotencyKey: string | undefined,
    actor: Actor,
    meta: RequestMeta,
  ): Promise<{ entry: LedgerEntryRow; fan: FanWithIdentities }> {
    assertIdempotencyKey(idempotencyKey);
    const reason = input.reason.trim();
    const entryId = await this.tx.run(async () => {
      const resolved = await this.fans.findResolved(brandId, fanId);
      if (!resolved) throw new NotFound('Fan');
      const locked = (await this.fans.lock(brandId, [resolved.id])).get(resolved.id);
      if (!locked) throw new NotFound('Fan');
      const causeKey = `adjust:${idempotencyKey ?? uuidv7()}`;
      const previous = await this.ledger.findByCause(brandId, causeKey);
      if (previous) {
        if (
          previous.fanId !== resolved.id ||
          Number(previous.points) !== input.points ||
          previous.reason !== reason
        ) {
          throw new Conflict(
            'idempotency_key_reused',
            'This Idempotency-Key was used for another adjustment.',
          );
        }
        return previous.id;
      }
      if (locked.balance + BigInt(input.points) < 0n) {
        throw new Conflict(
          'insufficient_balance',
          `The fan has ${locked.balance} points: ${-input.points} cannot be taken away.`,
          [{ field: 'points', reason: `must be at least ${-locked.balance}` }],
        );
      }
      const id = uuidv7();
      const actorLabel = actor.type === 'user' ? actor.user.email : actor.keyName;
      await this.ledger.insert(brandId, [
        {
          id,
          fanId: resolved.id,
          kind: 'adjust',
          points: BigInt(input.points),
          causeKey,
          eventId: null,
          campaignId: null,
          ruleId: null,
          ruleVersion: null,
          occurredAt: new Date(),
          reversesEntryId: null,
          reason,
          explanation: null,
          actorLabel,
        },
      ]);
      await this.fans.apply(brandId, [
        {
          fanId: resolved.id,
          balanceDelta: BigInt(input.points),
          lifetimeDelta: 0n,
          firstSeenAt: locked.firstSeenAt,
          lastActiveAt: locked.lastActiveAt,
          tierName: locked.tierName,
          tierChanged: false,
        },
      ]);
      await this.audit.record(actor, meta, {
        brandId,
        action: 'fan.points_adjusted',
        targetType: 'fan',
        targetId: resolved.id,
        targetLabel: resolved.displayName ?? resolved.email ?? resolved.id,
        changes: {
          balance: { from: Number(locked.balance), to: Number(locked.balance) + input.points },
          reason: { to: reason },
        },
      });
      return id;
    });
    const entry = await this.ledger.findEntry(brandId, entryId);
    if (!entry) throw new NotFound('Ledger entry');
    return { entry, fan: await this.get(brandId, fanId) };
  }

  /**
   * Merges `otherId` into `fanId`: identities and events move, the other fan's balance moves by a
   * pair of ledger entries (out of one, into the other), lifetime points add up and the survivor's
   * tier follows. The merged id keeps resolving to the survivor. Nothing is lost: the merged fan's
   * entries stay in the append-only ledger and show in the survivor's history.
   */
  async merge(
    brandId: string,
    fanId: string,
    otherId: string,
    actor: AuditActor,
    meta: RequestMeta | null,
  ): Promise<FanWithIdentities> {
    await this.tx.run(async () => {
      const survivor = await this.fans.findResolved(brandId, fanId);
      const other = await this.fans.findResolved(brandId, otherId);
      if (!survivor) throw new NotFound('Fan');
      if (!other) throw new NotFound('Fan to merge');
      if (survivor.id === other.id) {
        throw new Conflict(
          'already_merged',
          'These are the same fan (or one was already merged into the other).',
        );
      }
      const locked = await this.fans.lock(brandId, [survivor.id, other.id]);
      const a = locked.get(survivor.id);
      const b = locked.get(other.id);
      if (!a || !b || a.mergedIntoId !== null || b.mergedIntoId !== null) {
        throw new Conflict('merge_conflict', 'One of the fans was merged meanwhile; reload and try again.');
      }
      if (a.erasedAt !== null || b.erasedAt !== null) {
        throw new Conflict('fan_erased', 'An erased fan cannot be merged.');
      }
      const now = new Date();
      if (b.balance > 0n) {
        await this.ledger.insert(brandId, [
          transfer(b.id, -b.balance, `merge:${b.id}:out`, `merged into ${a.id}`, now, actor),
          transfer(a.id, b.balance, `merge:${b.id}:in`, `merged from ${b.id}`, now, actor),
        ]);
      }
      await this.fans.merge(brandId, a.id, b.id);
      await this.activity.merge(brandId, a, b);
      const ladder = await this.tiers.ladder(brandId);
      const lifetime = a.lifetimePoints + b.lifetimePoints;
      const tierName =
        ladder.tiers.length > 0 && ladder.basis === 'lifetime'
          ? (tierFor(Number(lifetime), ladder.tiers)?.name ?? null)
          : a.tierName;
      await this.fans.apply(brandId, [
        {
          fanId: a.id,
          balanceDelta: b.balance,
          lifetimeDelta: b.lifetimePoints,
          firstSeenAt: b.firstSeenAt < a.firstSeenAt ? b.firstSeenAt : a.firstSeenAt,
          lastActiveAt: b.lastActiveAt > a.lastActiveAt ? b.lastActiveAt : a.lastActiveAt,
          tierName,
          tierChanged: tierName !== a.tierName,
        },
        {
          fanId: b.id,
          balanceDelta: -b.balance,
          lifetimeDelta: -b.lifetimePoints,
          firstSeenAt: b.firstSeenAt,
          lastActiveAt: b.lastActiveAt,
          tierName: null,
          tierChanged: b.tierName !== null,
        },
      ]);
      if (tierName !== a.tierName) {
        await this.fans.recordTierChanges(brandId, [
          { fanId: a.id, fromTier: a.tierName, toTier: tierName, cause: 'merge' },
        ]);
      }
      await this.audit.record(actor, meta, {
        brandId,
        action: 'fan.merged',
        targetType: 'fan',
        targetId: a.id,
        targetLabel: survivor.displayName ?? survivor.email ?? a.id,
        changes: {
          merged: { to: b.id },
          balance: { from: Number(a.balance), to: Number(a.balance + b.balance) },
        },
      });
    });
    return this.get(brandId, fanId);
  }

  /** Everything stored about the fan (GDPR Art. 20): profile, identities, events, ledger, tier changes. */
  async export(brandId: string, fanId: string): Promise<FanExport> {
    const { fan, identities } = await this.get(brandId, fanId);
    const { events, tierChanges } = await this.fans.historyOf(brandId, fan.id);
    const fanIds = [fan.id, ...(await this.fans.mergedInto(brandId, fan.id))];
    const ledger = await this.ledger.listForFan(brandId, fanIds, 1_000_000);
    return { exportedAt: new Date(), fan, identities, events, ledger: ledger.reverse(), tierChanges };
  }

  /**
   * Erases the fan's personal data (GDPR Art. 17) while its pseudonymous ledger totals stay, so
   * reports remain correct. Erasing again changes nothing.
   */
  async erase(brandId: string, fanId: string, actor: Actor, meta: RequestMeta): Promise<FanWithIdentities> {
    await this.tx.run(async () => {
      const resolved = await this.fans.findResolved(brandId, fanId);
      if (!resolved) throw new NotFound('Fan');
      const locked = (await this.fans.lock(brandId, [resolved.id])).get(resolved.id);
      // Read under the lock: two erasures at once erase (and audit) once.
      if (!locked || locked.erasedAt !== null) return;
      const identities = await this.fans.identitiesOf(brandId, [resolved.id]);
      const hashed = new Map(
        identities.map((identity) => [
          identity.id,
          `erased:${createHmac('sha256', this.config.sessionSecret)
            .update(`${brandId}:${identity.channel}:${identity.externalId}`)
            .digest('hex')
            .slice(0, 32)}`,
        ]),
      );
      const erasedAt = new Date();
      await this.fans.erase(brandId, resolved.id, hashed, erasedAt);
      await this.activity.erase(brandId, resolved.id, erasedAt);
      await this.audit.forgetTargetName(brandId, 'fan', resolved.id);
      await this.audit.record(actor, meta, {
        brandId,
        action: 'fan.erased',
        targetType: 'fan',
        targetId: resolved.id,
        changes: { personalData: { from: 'stored', to: 'erased' } },
      });
    });
    return this.get(brandId, fanId);
  }
}

export interface FanExport {
  exportedAt: Date;
  fan: FanRow;
  identities: IdentityRow[];
  events: Array<Record<string, unknown>>;
  ledger: LedgerEntryRow[];
  tierChanges: Array<Record<string, unknown>>;
}

function transfer(
  fanId: string,
  points: bigint,
  causeKey: string,
  reason: string,
  at: Date,
  actor: AuditActor,
): NewLedgerEntry {
  return {
    id: uuidv7(),
    fanId,
    kind: 'adjust',
    points,
    causeKey,
    eventId: null,
    campaignId: null,
    ruleId: null,
    ruleVersion: null,
    occurredAt: at,
    reversesEntryId: null,
    reason,
    explanation: { merge: true },
    actorLabel: auditActorLabel(actor),
  };
}
