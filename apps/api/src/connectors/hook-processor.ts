import { Injectable, Logger } from '@nestjs/common';
import { In } from 'typeorm';

import { DomainError } from '../common/errors/domain-error';
import { Transactions } from '../database/transactions';
import { type EventOutcome, EventsService } from '../events/events.service';
import { bodyKind, fromCloudEvents } from './cloudevents';
import { ConnectionsService } from './connections.service';
import { HookDeliveryEntity } from './entities/hook-delivery.entity';
import { LINKABLE_CHANNELS, type LinkableChannel } from './entities/link-code.entity';
import { codesIn, type LinkOutcome, LinkingService } from './linking.service';
import { mapMetaDelivery, type MappedItem, MetaPayloadError, type SkippedItem } from './meta-mapping';

/** A delivery is given up (failed) after this many attempts. */
export const MAX_DELIVERY_ATTEMPTS = 8;
const BATCH = 1000;
/** Pending deliveries of a brand processed together, and groups per job. */
const GROUP = 200;
const MAX_ROUNDS = 25;

/** The job stopped with deliveries left; it is sent again. */
export class MoreToDo extends Error {
  constructor() {
    super('more deliveries pending');
  }
}
const LISTED = 50;

/** What a delivery came to, kept as its log entry. */
export interface DeliverySummary {
  test: boolean;
  /** Events and retractions the delivery held. */
  events: number;
  /** Outcomes by status: awarded, no_match, capped, rejected, retracted, duplicate. */
  outcomes: Record<string, number>;
  points: number;
  skipped: number;
  skippedItems: SkippedItem[];
  rejectedItems: Array<{ id: string | null; reasons: string[] }>;
  links: LinkOutcome[];
  /** For test deliveries: what would have been booked. */
  preview?: unknown[];
}

class PermanentFailure extends Error {}

interface Plan {
  events: unknown[];
  /** Meta items, for the linking codes in their text. */
  items: MappedItem[];
  skipped: SkippedItem[];
  rejected: Array<{ id: string | null; reasons: string[] }>;
}

/**
 * Processes one stored delivery on the job queue: maps it to Fanfare events, links accounts whose
 * signed comment or message carries a linking code, and books the events through the engine in
 * batches. Event ids make every step repeatable: a retry after a crash books nothing twice.
 */
@Injectable()
export class HookProcessor {
  private readonly logger = new Logger('HookProcessor');

  constructor(
    private readonly tx: Transactions,
    private readonly connections: ConnectionsService,
    private readonly events: EventsService,
    private readonly linking: LinkingService,
  ) {}

  /**
   * Drains the brand's pending deliveries, oldest first, in groups of up to GROUP: a group's events
   * are booked in shared batches of up to 1000, which keeps a burst of small deliveries (Meta sends
   * one per comment when it does not batch) as cheap as one large one. A group is claimed for a
   * while (`claimed_until`), so two workers never process the same delivery at once.
   */
  async drain(brandId: string): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const group = await this.claim(brandId);
      if (group.length === 0) return;
      await this.processGroup(group);
    }
    // More than a job should do at once: the rest in the next job (see HooksService.queue).
    throw new MoreToDo();
  }

  private async claim(brandId: string): Promise<HookDeliveryEntity[]> {
    // An UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [claimed] = await this.tx.manager.query<[Array<{ id: string }>, number]>(
      `UPDATE hook_delivery SET attempts = attempts + 1, claimed_until = now() + interval '5 minutes'
        WHERE brand_id = $1 AND id IN (
              SELECT id FROM hook_delivery
               WHERE brand_id = $1 AND status = 'pending' AND attempts < $3
                 AND (claimed_until IS NULL OR claimed_until < now())
               ORDER BY received_at, id LIMIT $2
                 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [brandId, GROUP, MAX_DELIVERY_ATTEMPTS],
    );
    if (claimed.length === 0) return [];
    const rows = await this.tx.manager.find(HookDeliveryEntity, {
      where: { brandId, id: In(claimed.map((row) => row.id)) },
      order: { receivedAt: 'ASC', id: 'ASC' },
    });
    return rows;
  }

  private async processGroup(group: HookDeliveryEntity[]): Promise<void> {
    try {
      const planned: Array<{ delivery: HookDeliveryEntity; plan: Plan }> = [];
      for (const delivery of group) {
        const plan = await this.planOrFail(delivery);
        if (!plan) continue;
        if (delivery.test) {
          await this.finish(delivery, 'processed', null, this.preview(plan).summary, []);
        } else {
          planned.push({ delivery, plan });
        }
      }
      await this.book(planned);
    } catch (error) {
      // Transient (the database, a deadlock): released for the retry; out of attempts: failed.
      for (const delivery of group) {
        if (delivery.attempts >= MAX_DELIVERY_ATTEMPTS) {
          await this.finish(
            delivery,
            'failed',
            `Given up after ${MAX_DELIVERY_ATTEMPTS} attempts: ${(error as Error).message}`,
            null,
            [],
          );
        }
      }
      await this.tx.manager.query(
        `UPDATE hook_delivery SET claimed_until = NULL WHERE brand_id = $1 AND id = ANY($2::uuid[]) AND status = 'pending'`,
        [group[0]?.brandId, group.map((delivery) => delivery.id)],
      );
      throw error;
    }
  }

  /** The delivery's plan, or null when it can never be processed (then it is marked failed). */
  private async planOrFail(delivery: HookDeliveryEntity): Promise<Plan | null> {
    try {
      if (!delivery.body)
        throw new PermanentFailure('The raw body was deleted before the delivery was processed.');
      return await this.plan(delivery, delivery.body);
    } catch (error) {
      if (error instanceof PermanentFailure || error instanceof MetaPayloadError || isClientError(error)) {
        await this.finish(delivery, 'failed', (error as Error).message, null, []);
        return null;
      }
      throw error;
    }
  }

  private async plan(delivery: HookDeliveryEntity, body: Buffer): Promise<Plan> {
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      throw new PermanentFailure('The body is not valid JSON.');
    }
    if (delivery.source === 'meta') {
      const found = await this.connections.metaSecrets(delivery.brandId, true);
      if (!found)
        throw new PermanentFailure('The Meta connection was removed before the delivery was processed.');
      const { items, skipped } = mapMetaDelivery(json, found.connection, delivery.receivedAt);
      return { events: items.map((item) => item.event), items, skipped, rejected: [] };
    }
    const kind = bodyKind(delivery.contentType ?? undefined);
    if (kind === 'fanfare') {
      const events = isRecord(json) && Array.isArray(json.events) ? json.events : [json];
      return { events, items: [], skipped: [], rejected: [] };
    }
    const results = fromCloudEvents(json, kind, delivery.receivedAt);
    return {
      events: results.flatMap((result) => (result.ok ? [result.event] : [])),
      items: [],
      skipped: [],
      rejected: results.flatMap((result) =>
        result.ok
          ? []
          : [{ id: null, reasons: result.errors.map((e) => `${e.field || 'body'} ${e.reason}`) }],
      ),
    };
  }

  /** Links, then books the group's events in shared batches, and logs each delivery's part. */
  private async book(planned: Array<{ delivery: HookDeliveryEntity; plan: Plan }>): Promise<void> {
    if (planned.length === 0) return;
    const brandId = planned[0]?.delivery.brandId ?? '';
    const links = new Map<string, LinkOutcome[]>();
    const events: unknown[] = [];
    const ranges = new Map<string, [number, number]>();
    for (const { delivery, plan } of planned) {
      links.set(delivery.id, await this.link(delivery, plan.items));
      ranges.set(delivery.id, [events.length, events.length + plan.events.length]);
      events.push(...plan.events);
    }
    const outcomes: EventOutcome[] = [];
    for (let i = 0; i < events.length; i += BATCH) {
      const { results } = await this.events.ingest(brandId, { events: events.slice(i, i + BATCH) });
      outcomes.push(...results);
    }
    const finished = planned.map(({ delivery, plan }) => {
      const [start, end] = ranges.get(delivery.id) ?? [0, 0];
      const own = outcomes.slice(start, end);
      return {
        delivery,
        summary: summarize(plan, own, links.get(delivery.id) ?? []),
        fanIds: [...new Set(own.flatMap((outcome) => (outcome.fanId ? [outcome.fanId] : [])))],
      };
    });
    // One statement for the whole group's log entries.
    await this.tx.manager.query(
      `UPDATE hook_delivery d SET status = 'processed', error = NULL, summary = f.summary, processed_at = now(),
              claimed_until = NULL,
              fan_ids = ARRAY(SELECT jsonb_array_elements_text(f.fans)::uuid)
         FROM unnest($2::uuid[], $3::jsonb[], $4::jsonb[]) AS f(id, summary, fans)
        WHERE d.brand_id = $1 AND d.id = f.id`,
      [
        brandId,
        finished.map((row) => row.delivery.id),
        finished.map((row) => JSON.stringify(row.summary)),
        finished.map((row) => JSON.stringify(row.fanIds)),
      ],
    );
  }

  /** A test delivery: mapped and shown, never booked nor linked. */
  private preview(plan: Plan): { summary: DeliverySummary; fanIds: string[] } {
    return {
      summary: {
        test: true,
        events: plan.events.length,
        outcomes: {},
        points: 0,
        skipped: plan.skipped.length,
        skippedItems: plan.skipped.slice(0, LISTED),
        rejectedItems: plan.rejected.slice(0, LISTED),
        links: [],
        preview: plan.events.slice(0, LISTED),
      },
      fanIds: [],
    };
  }

  /**
   * Links accounts whose comment or message carries a linking code. Only Meta's deliveries do:
   * Meta vouches for who wrote them, which a brand's own sender cannot.
   */
  private async link(delivery: HookDeliveryEntity, items: MappedItem[]): Promise<LinkOutcome[]> {
    const outcomes: LinkOutcome[] = [];
    for (const item of items) {
      const event = item.event;
      if (!item.text || event.type === 'retract' || !event.fan || !isLinkable(event.channel)) continue;
      for (const code of codesIn(item.text)) {
        const outcome = await this.linking.linkByCode(
          delivery.brandId,
          code,
          {
            channel: event.channel,
            externalId: event.fan.externalId,
            handle: event.fan.handle ?? null,
            displayName: event.fan.displayName ?? null,
          },
          { via: event.type === 'chat' ? 'message' : event.type, deliveryId: delivery.id, eventId: event.id },
          delivery.receivedAt,
        );
        outcomes.push(outcome);
        if (!outcome.linked)
          this.logger.log(`code ${code} in delivery ${delivery.id} did not link: ${outcome.reason}`);
      }
    }
    return outcomes;
  }

  private async finish(
    delivery: HookDeliveryEntity,
    status: 'processed' | 'failed',
    error: string | null,
    summary: DeliverySummary | null,
    fanIds: string[],
  ): Promise<void> {
    await this.tx.manager.query(
      `UPDATE hook_delivery SET status = $3, error = $4, summary = $5, fan_ids = $6, processed_at = now(),
              claimed_until = NULL
        WHERE brand_id = $1 AND id = $2`,
      [delivery.brandId, delivery.id, status, error, summary, fanIds],
    );
  }
}

function summarize(plan: Plan, outcomes: EventOutcome[], links: LinkOutcome[]): DeliverySummary {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
  const rejected = outcomes
    .filter((outcome) => outcome.status === 'rejected')
    .map((outcome) => ({
      id: outcome.id,
      reasons: [...(outcome.errors ?? []).map((e) => `${e.field} ${e.reason}`), ...(outcome.reasons ?? [])],
    }));
  return {
    test: false,
    events: plan.events.length,
    outcomes: counts,
    // A duplicate's outcome repeats the points of its first arrival: they were not booked now.
    points: outcomes.reduce((sum, outcome) => sum + (outcome.status === 'duplicate' ? 0 : outcome.points), 0),
    skipped: plan.skipped.length,
    skippedItems: plan.skipped.slice(0, LISTED),
    rejectedItems: [...plan.rejected, ...rejected].slice(0, LISTED),
    links,
  };
}

function isLinkable(channel: string): channel is LinkableChannel {
  return (LINKABLE_CHANNELS as readonly string[]).includes(channel);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A 4xx from the engine (e.g. a body that is not events): retrying would not help. */
function isClientError(error: unknown): boolean {
  return error instanceof DomainError && error.status >= 400 && error.status < 500;
}
