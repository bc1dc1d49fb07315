import { Injectable } from '@nestjs/common';

import {
  computeAward,
  matchRule,
  tierFor,
  type TierDefinition,
  uuidv7,
  windowEnd,
  windowStart,
} from '@fanfare/shared';

import { type ActiveRule, groupActiveRules } from '../campaigns/campaigns.service';
import { type FieldError, NotFound } from '../common/errors/domain-error';
import { type Statement } from '../database/statement';
import { Transactions } from '../database/transactions';
import { FansRepository, identityKey, type LockedFan } from '../fans/fans.repository';
import { LedgerRepository, type NewLedgerEntry, type WindowQuery } from '../ledger/ledger.repository';
import {
  type ActivityFact,
  activityUpdate,
  ActivityWriter,
  type AnalyticsSettingsRow,
  isAnalyticsSettingsChanged,
} from '../reports/activity-writer';
import { type TierLadder, toTierDefinition } from '../tiers/tiers.service';
import { type EventStatus } from './entities/engagement-event.entity';
import {
  type IncomingEvent,
  type IncomingRetraction,
  MAX_BATCH,
  parseEvent,
  type ParsedEvent,
  readBody,
} from './event-input';
import { EventsRepository, type NewEvent, type StoredEvent } from './events.repository';

export type OutcomeStatus = EventStatus | 'duplicate';

export interface Award {
  ruleId: string;
  campaignId: string;
  points: number;
}

export interface EventOutcome {
  id: string | null;
  status: OutcomeStatus;
  points: number;
  fanId: string | null;
  awards: Award[];
  /** Why nothing (or less) was awarded: rule caps, budget, an unattributed event… */
  reasons?: string[];
  errors?: FieldError[];
  /** For duplicates: the status the event got when it was first received. */
  originalStatus?: EventStatus;
}

interface Evaluation {
  status: EventStatus;
  awards: Array<Award & { ruleVersion: number; explanation: Record<string, unknown>; detail: string }>;
  reasons: string[];
}

const MS_PER_DAY = 86_400_000;
/** Groups of single events one brand may have in flight at once. */
const GROUP_RUNNERS = 2;

interface BrandContext {
  timeZone: string;
  ladder: TierLadder;
  rules: Map<string, ActiveRule[]>;
  analytics: AnalyticsSettingsRow;
}

interface Waiter {
  item: IncomingEvent | IncomingRetraction;
  resolve: (outcome: EventOutcome) => void;
  reject: (error: unknown) => void;
}

interface Lane {
  waiting: Waiter[];
  running: number;
}

/** Signals a retry: a fan of the batch was merged into another while the batch waited for it. */
class FanMergedMeanwhile extends Error {}

/**
 * Ingests engagement events: recognises fans, evaluates the brand's active rules, and books points
 * exactly once. A batch is one transaction. Locks are always taken in one order — the events' ids
 * (advisory), then fans, then budgeted campaigns, each sorted — so concurrent batches serialise
 * where they overlap and never deadlock.
 */
@Injectable()
export class EventsService {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly tx: Transactions,
    private readonly fans: FansRepository,
    private readonly events: EventsRepository,
    private readonly ledger: LedgerRepository,
    private readonly activity: ActivityWriter,
  ) {}

  async ingest(brandId: string, body: unknown): Promise<{ batch: boolean; results: EventOutcome[] }> {
    const now = new Date();
    const { batch, items } = readBody(body);
    const parsed = items.map((raw, index) => parseEvent(raw, index, now, batch ? `events.${index}.` : ''));
    const [only] = parsed;
    if (!batch && only && only.kind !== 'rejected') {
      return { batch, results: [await this.groupCommit(brandId, only)] };
    }
    return { batch, results: await this.processBatch(brandId, parsed, now) };
  }

  /**
   * Group commit for single events: events of one brand that arrive while an earlier group is being
   * booked wait and are then booked together, in one transaction (a batch). Each sender still gets
   * its own outcome, and a repeat of an id within a group answers `duplicate` like a repeat across
   * requests. Under load this turns many small transactions into a few larger ones; alone, an event
   * is booked at once.
   */
  private groupCommit(brandId: string, item: IncomingEvent | IncomingRetraction): Promise<EventOutcome> {
    return new Promise<EventOutcome>((resolve, reject) => {
      let lane = this.lanes.get(brandId);
      if (!lane) {
        lane = { waiting: [], running: 0 };
        this.lanes.set(brandId, lane);
      }
      lane.waiting.push({ item, resolve, reject });
      if (lane.running < GROUP_RUNNERS) {
        lane.running += 1;
        const started = lane;
        // Let requests that arrived in the same turn of the event loop join the first group.
        setImmediate(() => void this.drain(brandId, started));
      }
    });
  }

  private async drain(brandId: string, lane: Lane): Promise<void> {
    try {
      while (lane.waiting.length > 0) {
        await this.commitGroup(brandId, lane.waiting.splice(0, MAX_BATCH));
      }
    } finally {
      lane.running -= 1;
      if (lane.running === 0 && lane.waiting.length === 0) this.lanes.delete(brandId);
    }
  }

  private async commitGroup(brandId: string, group: Waiter[]): Promise<void> {
    try {
      const results = await this.processBatch(
        brandId,
        group.map((waiter, index) => ({ ...waiter.item, index })),
        new Date(),
      );
      group.forEach((waiter, i) => waiter.resolve(results[i]!));
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(error);
        return;
      }
      // Whatever failed the group must not fail the other senders: each event alone, once more.
      await Promise.all(
        group.map(async (waiter) => {
          try {
            const [result] = await this.processBatch(brandId, [{ ...waiter.item, index: 0 }], new Date());
            waiter.resolve(result!);
          } catch (single) {
            waiter.reject(single);
          }
        }),
      );
    }
  }

  private async processBatch(brandId: string, parsed: ParsedEvent[], now: Date): Promise<EventOutcome[]> {
    const identities = parsed.flatMap((event) =>
      event.kind === 'event' && event.fan
        ? [
            {
              channel: event.channel,
              externalId: event.fan.externalId,
              handle: event.fan.handle,
              displayName: event.fan.displayName,
              email: event.fan.email,
              seenAt: event.occurredAt,
            },
          ]
        : [],
    );
    // The brand's time zone, ladder, rules and analytics settings are read before the transaction,
    // in one query (new fans are created in a statement of their own). None of it needs the batch's
    // locks: budgets are read again under their lock, and the analytics settings are checked when
    // the rollups are written.
    const types = [...new Set(parsed.flatMap((event) => (event.kind === 'event' ? [event.type] : [])))];
    for (let attempt = 1; ; attempt += 1) {
      const context = await this.brandContext(brandId, types, now);
      // A fan merged between looking up its identity and locking it: look up again. Rollups computed
      // with analytics settings that changed meanwhile: compute them again.
      const fanOf = await this.fans.resolveIdentities(brandId, identities);
      try {
        return await this.tx.run(() => this.process(brandId, context, parsed, fanOf));
      } catch (error) {
        const retry = error instanceof FanMergedMeanwhile || isAnalyticsSettingsChanged(error);
        if (!retry || attempt >= 3) throw error;
      }
    }
  }

  private async brandContext(brandId: string, types: string[], now: Date): Promise<BrandContext> {
    const context = await this.events.brandContext(brandId, types, now);
    if (context === null) throw new NotFound('Brand');
    return {
      timeZone: context.timeZone,
      ladder: { basis: context.tierBasis, tiers: context.tiers.map(toTierDefinition) },
      rules: groupActiveRules(
        context.rules.map((rule) => ({
          ...rule,
          campaignStartsAt: new Date(rule.campaignStartsAt),
          campaignEndsAt: rule.campaignEndsAt === null ? null : new Date(rule.campaignEndsAt),
        })),
      ),
      analytics: {
        timeZone: context.timeZone,
        windowDays: context.windowDays,
        engagementTypes: context.engagementTypes,
        version: context.analyticsVersion,
      },
    };
  }

  private async process(
    brandId: string,
    { timeZone, ladder, rules, analytics }: BrandContext,
    parsed: ParsedEvent[],
    fanOf: Map<string, string>,
  ): Promise<EventOutcome[]> {
    const results: EventOutcome[] = new Array<EventOutcome>(parsed.length);

    // Rejected events, and repeats of an id within this batch.
    const firstIndex = new Map<string, number>();
    const fresh: Array<IncomingEvent | IncomingRetraction> = [];
    for (const item of parsed) {
      if (item.kind === 'rejected') {
        results[item.index] = {
          id: item.id,
          status: 'rejected',
          points: 0,
          fanId: null,
          awards: [],
          errors: item.errors,
        };
      } else if (firstIndex.has(item.id)) {
        results[item.index] = { id: item.id, status: 'duplicate', points: 0, fanId: null, awards: [] };
      } else {
        firstIndex.set(item.id, item.index);
        fresh.push(item);
      }
    }
    if (fresh.length === 0) return results;

    const retractions = fresh.filter((item): item is IncomingRetraction => item.kind === 'retract');
    await this.lockIds(brandId, [...fresh.map((item) => item.id), ...retractions.map((r) => r.retracts)]);

    // Deliveries seen before (committed by earlier requests) answer their stored outcome; events
    // whose retraction came first will earn nothing.
    const { stored, retractedEarlier } = await this.events.findForIngest(
      brandId,
      [...fresh.map((item) => item.id), ...retractions.map((r) => r.retracts)],
      fresh.filter((item) => item.kind === 'event').map((item) => item.id),
    );
    const todo = fresh.filter((item) => {
      const previous = stored.get(item.id);
      if (previous) results[item.index] = duplicateOf(item.id, previous);
      return !previous;
    });
    const newEvents = todo.filter((item): item is IncomingEvent => item.kind === 'event');
    const newRetractions = todo.filter((item): item is IncomingRetraction => item.kind === 'retract');

    const eventFan = (event: IncomingEvent): string | null =>
      event.fan ? (fanOf.get(identityKey(event.channel, event.fan.externalId)) ?? null) : null;
    const retractedOriginalFans = newRetractions.flatMap((r) => {
      const fanId = stored.get(r.retracts)?.fanId;
      return fanId ? [fanId] : [];
    });
    const locked = await this.fans.lock(brandId, [
      ...newEvents.flatMap((event) => eventFan(event) ?? []),
      ...retractedOriginalFans,
    ]);
    if ([...locked.values()].some((fan) => fan.mergedIntoId !== null)) {
      throw new FanMergedMeanwhile();
    }

    // Phase 1: evaluate and book the new events.
    const evaluations = await this.evaluate(
      brandId,
      timeZone,
      newEvents,
      eventFan,
      locked,
      rules,
      ladder.tiers,
      retractedEarlier,
    );

    const rows: NewEvent[] = [];
    const eventIds = new Map<string, string>();
    newEvents.forEach((event, i) => {
      const evaluation = evaluations[i]!;
      const id = uuidv7();
      eventIds.set(event.id, id);
      const points = evaluation.awards.reduce((sum, award) => sum + award.points, 0);
      const fanId = eventFan(event);
      const outcome: EventOutcome = {
        id: event.id,
        status: evaluation.status,
        points,
        fanId,
        awards: evaluation.awards.map(({ ruleId, campaignId, points: awarded }) => ({
          ruleId,
          campaignId,
          points: awarded,
        })),
        ...(evaluation.reasons.length > 0 ? { reasons: evaluation.reasons } : {}),
      };
      results[event.index] = outcome;
      rows.push({
        id,
        externalId: event.id,
        fanId,
        type: event.type,
        channel: event.channel,
        occurredAt: event.occurredAt,
        properties: event.properties,
        retractsExternalId: null,
        status: evaluation.status,
        points: BigInt(points),
        outcome: { ...outcome },
      });
    });
    const inserted = await this.events.insert(brandId, rows);
    // The id locks make this rare, but a delivery that lost the race to the same id is a duplicate.
    const lost = newEvents.filter((event) => !inserted.has(event.id));
    if (lost.length > 0) {
      const winners = await this.events.findByExternalIds(
        brandId,
        lost.map((event) => event.id),
      );
      for (const event of lost) {
        const winner = winners.get(event.id);
        if (winner) results[event.index] = duplicateOf(event.id, winner);
      }
    }
    const fanDeltas = new Map<string, { balance: bigint; lifetime: bigint; first: Date; last: Date }>();
    const issued = new Map<string, bigint>();
    const entries: NewLedgerEntry[] = [];
    newEvents.forEach((event, i) => {
      if (!inserted.has(event.id)) return;
      const fanId = eventFan(event);
      if (!fanId) return;
      const delta = deltaOf(fanDeltas, fanId, event.occurredAt, locked.get(fanId));
      for (const award of evaluations[i]!.awards) {
        entries.push({
          id: uuidv7(),
          fanId,
          kind: 'earn',
          points: BigInt(award.points),
          causeKey: `event:${eventIds.get(event.id)!}:rule:${award.ruleId}`,
          eventId: eventIds.get(event.id)!,
          campaignId: award.campaignId,
          ruleId: award.ruleId,
          ruleVersion: award.ruleVersion,
          occurredAt: event.occurredAt,
          reversesEntryId: null,
          reason: award.detail,
          explanation: award.explanation,
          actorLabel: null,
        });
        delta.balance += BigInt(award.points);
        delta.lifetime += BigInt(award.points);
        issued.set(award.campaignId, (issued.get(award.campaignId) ?? 0n) + BigInt(award.points));
      }
    });
    // The ledger, the fans and the campaigns' totals are written in one statement (one round trip)
    // at the end — unless retractions or rolling tiers need to read the new entries first.
    const writes: Statement[] = [];
    const ledgerInsert = this.ledger.insertStatement(brandId, entries);
    if (ledgerInsert !== null) writes.push(ledgerInsert);
    if (newRetractions.length > 0 || (ladder.basis === 'rolling_12_months' && ladder.tiers.length > 0)) {
      await this.tx.combined(writes.splice(0));
    }

    // Phase 2: retractions reverse what their original earned, once.
    await this.retract(brandId, newRetractions, stored, eventIds, locked, fanDeltas, issued, results);

    writes.push(...(await this.fanChanges(brandId, locked, fanDeltas, ladder)));
    // The rollups: the fans' activity in each dimension and what it changes in the reports.
    const facts: ActivityFact[] = newEvents.flatMap((event, i) => {
      const fanId = eventFan(event);
      if (!fanId || !inserted.has(event.id)) return [];
      const campaignIds = evaluations[i]!.awards.map((award) => award.campaignId);
      return [{ fanId, occurredAt: event.occurredAt, type: event.type, channel: event.channel, campaignIds }];
    });
    if (facts.length > 0) {
      const existing = await this.activity.read(
        brandId,
        facts.map((fact) => fact.fanId),
      );
      const update = activityUpdate(analytics, existing, locked, facts);
      writes.push(...this.activity.statements(brandId, analytics.version, update));
    }
    // Last before the commit: every award of a campaign updates its one row, so it is held briefly.
    const issuedUpdate = this.ledger.addIssuedStatement(brandId, issued);
    if (issuedUpdate !== null) writes.push(issuedUpdate);
    await this.tx.combined(writes);
    // A repeat within the batch answers like a repeat across requests: the first one's outcome.
    for (const item of parsed) {
      const first = item.kind === 'rejected' ? undefined : firstIndex.get(item.id);
      const original = first === undefined || first === item.index ? undefined : results[first];
      if (!original || original.status === 'rejected') continue;
      results[item.index] =
        original.status === 'duplicate'
          ? { ...original }
          : { ...original, status: 'duplicate', originalStatus: original.status };
    }
    return results;
  }

  private async lockIds(brandId: string, externalIds: string[]): Promise<void> {
    await this.tx.prepared(
      `SELECT pg_advisory_xact_lock(k)
         FROM (SELECT DISTINCT hashtextextended($1 || ':' || id, 11) AS k FROM unnest($2::text[]) AS id ORDER BY 1) AS keys`,
      [brandId, externalIds],
    );
  }

  private async evaluate(
    brandId: string,
    timeZone: string,
    events: IncomingEvent[],
    eventFan: (event: IncomingEvent) => string | null,
    locked: Map<string, LockedFan>,
    rulesByType: Map<string, ActiveRule[]>,
    ladder: TierDefinition[],
    retractedEarlier: Set<string>,
  ): Promise<Evaluation[]> {
    // Which rules each event matches (pure), and the cap windows to count for them.
    const candidates = events.map((event) => {
      const fanId = eventFan(event);
      if (!fanId || retractedEarlier.has(event.id)) return [];
      return (rulesByType.get(event.type) ?? []).filter((rule) => {
        if (event.occurredAt < rule.campaignStartsAt) return false;
        if (rule.campaignEndsAt && event.occurredAt >= rule.campaignEndsAt) return false;
        return matchRule(rule.definition, facts(event)).matched;
      });
    });
    const queries: WindowQuery[] = [];
    const queryIndex = new Map<string, number>();
    events.forEach((event, i) => {
      const fanId = eventFan(event);
      for (const rule of candidates[i]!) {
        for (const limit of rule.definition.limits) {
          const start = windowStart(limit.window, event.occurredAt, timeZone, rule.campaignStartsAt);
          const end =
            limit.window === 'day' || limit.window === 'week' || limit.window === 'month'
              ? windowEnd(limit.window, event.occurredAt, timeZone)
              : null;
          queryIndex.set(`${i}:${rule.ruleId}:${limit.window}`, queries.length);
          queries.push({ fanId: fanId!, ruleId: rule.ruleId, start, end });
        }
      }
    });
    const counts = await this.ledger.countAwards(brandId, queries);
    const cooldownPairs = events.flatMap((event, i) =>
      candidates[i]!.filter((rule) => (rule.definition.cooldownSeconds ?? 0) > 0).map((rule) => ({
        fanId: eventFan(event)!,
        ruleId: rule.ruleId,
      })),
    );
    const lastAwards = await this.ledger.lastAwards(brandId, cooldownPairs);
    const budgets = await this.ledger.lockBudgets(
      brandId,
      candidates.flatMap((rules) =>
        rules.filter((rule) => rule.budgetPoints !== null).map((rule) => rule.campaignId),
      ),
    );

    // Awards made earlier in this batch count against caps, cooldowns and budgets too.
    const batchAwards: Array<{ fanId: string; ruleId: string; at: Date }> = [];
    const spent = new Map<string, bigint>();

    return events.map((event, i) => {
      const fanId = eventFan(event);
      if (retractedEarlier.has(event.id)) {
        return { status: 'retracted', awards: [], reasons: ['retracted before it arrived'] };
      }
      if (!fanId) {
        return { status: 'no_match', awards: [], reasons: ['unattributed: the event names no fan'] };
      }
      const rules = candidates[i]!;
      if (rules.length === 0) return { status: 'no_match', awards: [], reasons: [] };
      const fan = locked.get(fanId);
      const tier = fan ? tierNamed(ladder, fan.tierName) : null;
      const multiplier = tier?.multiplier ?? 1;
      const awards: Evaluation['awards'] = [];
      const reasons: string[] = [];
      for (const rule of rules) {
        const capped = rule.definition.limits.find((limit) => {
          const q = queries[queryIndex.get(`${i}:${rule.ruleId}:${limit.window}`)!]!;
          const inBatch = batchAwards.filter(
            (a) =>
              a.fanId === fanId &&
              a.ruleId === rule.ruleId &&
              (q.start === null || a.at >= q.start) &&
              (q.end === null || a.at < q.end),
          ).length;
          return counts[queryIndex.get(`${i}:${rule.ruleId}:${limit.window}`)!]! + inBatch >= limit.max;
        });
        if (capped) {
          reasons.push(`${rule.definition.name}: the limit of ${capped.max} per ${capped.window} is reached`);
          continue;
        }
        const cooldown = rule.definition.cooldownSeconds ?? 0;
        if (cooldown > 0) {
          const last = [
            lastAwards.get(`${fanId}:${rule.ruleId}`),
            ...batchAwards.filter((a) => a.fanId === fanId && a.ruleId === rule.ruleId).map((a) => a.at),
          ]
            .filter((at): at is Date => at !== undefined)
            .sort((a, b) => b.getTime() - a.getTime())[0];
          if (last && Math.abs(event.occurredAt.getTime() - last.getTime()) < cooldown * 1000) {
            reasons.push(`${rule.definition.name}: cooling down (${cooldown} s between awards)`);
            continue;
          }
        }
        const award = computeAward(rule.definition.award, event.properties, multiplier);
        if (award.points <= 0) {
          reasons.push(`${rule.definition.name}: ${award.detail}`);
          continue;
        }
        const budget = budgets.get(rule.campaignId);
        if (budget) {
          const used = budget.issued + (spent.get(rule.campaignId) ?? 0n);
          if (used + BigInt(award.points) > budget.budget) {
            reasons.push(`${rule.definition.name}: the campaign budget is used up`);
            continue;
          }
          spent.set(rule.campaignId, (spent.get(rule.campaignId) ?? 0n) + BigInt(award.points));
        }
        batchAwards.push({ fanId, ruleId: rule.ruleId, at: event.occurredAt });
        awards.push({
          ruleId: rule.ruleId,
          campaignId: rule.campaignId,
          points: award.points,
          ruleVersion: rule.version,
          detail: award.detail,
          explanation: {
            rule: rule.definition.name,
            ruleVersion: rule.version,
            basePoints: award.basePoints,
            multiplier: award.multiplier,
            tier: tier?.name ?? null,
            detail: award.detail,
          },
        });
      }
      return { status: awards.length > 0 ? 'awarded' : 'capped', awards, reasons };
    });
  }

  private async retract(
    brandId: string,
    retractions: IncomingRetraction[],
    stored: Map<string, StoredEvent>,
    batchEventIds: Map<string, string>,
    locked: Map<string, LockedFan>,
    fanDeltas: Map<string, { balance: bigint; lifetime: bigint; first: Date; last: Date }>,
    issued: Map<string, bigint>,
    results: EventOutcome[],
  ): Promise<void> {
    if (retractions.length === 0) return;
    const originalIds = retractions.flatMap((r) => {
      const id = stored.get(r.retracts)?.id ?? batchEventIds.get(r.retracts);
      return id ? [id] : [];
    });
    const open = await this.ledger.openAwardsOfEvents(brandId, originalIds);
    const entries: NewLedgerEntry[] = [];
    const rows: NewEvent[] = [];
    const retractedEvents: string[] = [];
    for (const retraction of retractions) {
      const originalId = stored.get(retraction.retracts)?.id ?? batchEventIds.get(retraction.retracts);
      const awards = originalId ? open.filter((award) => award.eventId === originalId) : [];
      const reversed: Award[] = [];
      let fanId: string | null = null;
      const reasons: string[] = [];
      for (const award of awards) {
        // The stored event names the fan today (after a merge, the survivor); the award may name the merged one.
        const debited = stored.get(retraction.retracts)?.fanId ?? award.fanId;
        fanId = debited;
        const fan = locked.get(debited);
        const delta = deltaOf(fanDeltas, debited, null, fan);
        const available = (fan?.balance ?? 0n) + delta.balance;
        const amount = award.points <= available ? award.points : available > 0n ? available : 0n;
        if (amount < award.points) {
          reasons.push(
            `${award.points - amount} of ${award.points} points were already spent and could not be taken back`,
          );
        }
        if (amount === 0n) continue;
        entries.push({
          id: uuidv7(),
          fanId: debited,
          kind: 'reverse',
          points: -amount,
          causeKey: `reverse:${award.id}`,
          eventId: award.eventId,
          campaignId: award.campaignId,
          ruleId: award.ruleId,
          ruleVersion: null,
          occurredAt: award.occurredAt,
          reversesEntryId: award.id,
          reason: `retracted by ${retraction.id}`,
          explanation: { retraction: retraction.id, original: retraction.retracts },
          actorLabel: null,
        });
        delta.balance -= amount;
        delta.lifetime -= amount;
        if (award.campaignId) issued.set(award.campaignId, (issued.get(award.campaignId) ?? 0n) - amount);
        if (award.campaignId && award.ruleId)
          reversed.push({ ruleId: award.ruleId, campaignId: award.campaignId, points: -Number(amount) });
      }
      if (originalId) retractedEvents.push(originalId);
      else reasons.push('the original event has not arrived yet: it will earn nothing when it does');
      const points = reversed.reduce((sum, award) => sum + award.points, 0);
      const outcome: EventOutcome = {
        id: retraction.id,
        status: 'retracted',
        points,
        fanId,
        awards: reversed,
        ...(reasons.length > 0 ? { reasons } : {}),
      };
      results[retraction.index] = outcome;
      rows.push({
        id: uuidv7(),
        externalId: retraction.id,
        fanId,
        type: 'retract',
        channel: null,
        occurredAt: retraction.occurredAt,
        properties: null,
        retractsExternalId: retraction.retracts,
        status: 'retracted',
        points: BigInt(points),
        outcome: { ...outcome },
      });
    }
    await this.events.insert(brandId, rows);
    await this.ledger.insert(brandId, entries);
    await this.events.markRetracted(brandId, retractedEvents);
  }

  /** The fans' new balances and tiers, and the tier changes, as statements to run with the others. */
  private async fanChanges(
    brandId: string,
    locked: Map<string, LockedFan>,
    deltas: Map<string, { balance: bigint; lifetime: bigint; first: Date; last: Date }>,
    ladder: { basis: 'lifetime' | 'rolling_12_months'; tiers: TierDefinition[] },
  ): Promise<Statement[]> {
    const fanIds = [...deltas.keys()];
    const rolling =
      ladder.basis === 'rolling_12_months' && ladder.tiers.length > 0
        ? await this.ledger.earnedSince(brandId, fanIds, new Date(Date.now() - 365 * MS_PER_DAY))
        : new Map<string, bigint>();
    const tierChanges: Array<{
      fanId: string;
      fromTier: string | null;
      toTier: string | null;
      cause: string;
    }> = [];
    const changes = fanIds.map((fanId) => {
      const delta = deltas.get(fanId)!;
      const fan = locked.get(fanId);
      const lifetime = (fan?.lifetimePoints ?? 0n) + delta.lifetime;
      const basisPoints = ladder.basis === 'lifetime' ? lifetime : (rolling.get(fanId) ?? 0n);
      const tierName =
        ladder.tiers.length > 0
          ? (tierFor(Number(basisPoints), ladder.tiers)?.name ?? null)
          : (fan?.tierName ?? null);
      const tierChanged = tierName !== (fan?.tierName ?? null);
      if (tierChanged)
        tierChanges.push({ fanId, fromTier: fan?.tierName ?? null, toTier: tierName, cause: 'points' });
      return {
        fanId,
        balanceDelta: delta.balance,
        lifetimeDelta: delta.lifetime,
        firstSeenAt: delta.first,
        lastActiveAt: delta.last,
        tierName,
        tierChanged,
      };
    });
    return [
      this.fans.applyStatement(brandId, changes),
      this.fans.tierChangesStatement(brandId, tierChanges),
    ].filter((statement): statement is Statement => statement !== null);
  }
}

function facts(event: IncomingEvent): {
  type: string;
  channel: IncomingEvent['channel'];
  occurredAt: Date;
  properties: Record<string, unknown>;
} {
  return {
    type: event.type,
    channel: event.channel,
    occurredAt: event.occurredAt,
    properties: event.properties,
  };
}

function tierNamed(ladder: TierDefinition[], name: string | null): TierDefinition | null {
  return name === null ? null : (ladder.find((tier) => tier.name === name) ?? null);
}

/** The running change of one fan in this batch; `at` is activity (null for a retraction). */
function deltaOf(
  deltas: Map<string, { balance: bigint; lifetime: bigint; first: Date; last: Date }>,
  fanId: string,
  at: Date | null,
  fan: LockedFan | undefined,
): { balance: bigint; lifetime: bigint; first: Date; last: Date } {
  let delta = deltas.get(fanId);
  if (!delta) {
    const first = fan?.firstSeenAt ?? at ?? new Date();
    const last = fan?.lastActiveAt ?? at ?? new Date();
    delta = { balance: 0n, lifetime: 0n, first, last };
    deltas.set(fanId, delta);
  }
  if (at !== null && at < delta.first) delta.first = at;
  if (at !== null && at > delta.last) delta.last = at;
  return delta;
}

/** A repeat delivery answers what the first one got; nothing is booked again. */
function duplicateOf(id: string, previous: StoredEvent): EventOutcome {
  const original = previous.outcome as Partial<EventOutcome>;
  return {
    id,
    status: 'duplicate',
    points: Number(previous.points),
    fanId: previous.fanId,
    awards: original.awards ?? [],
    originalStatus: previous.status,
  };
}
