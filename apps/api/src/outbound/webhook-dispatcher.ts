import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnModuleInit,
} from '@nestjs/common';

import { Agent, fetch, type Response } from 'undici';

import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type RuntimeConfig } from '../config/config.module';
import { signWebhook } from '../connectors/standard-webhooks';
import { Transactions } from '../database/transactions';
import { Jobs } from '../jobs/jobs.service';
import { PrivateAddressError, privateLiteralHost, publicOnlyLookup } from './address-guard';
import { EndpointSecrets } from './endpoint-secrets';
import { type AttemptResult, type ClaimedDelivery, OutboundRepository } from './outbound.repository';
import { retryDelayMs } from './retry-schedule';

export const WEBHOOK_DISPATCH_QUEUE = 'webhook-dispatch';
export const WEBHOOK_USER_AGENT = 'Fanfare-Webhooks/1';
/** Deliveries claimed (and sent side by side) at a time, per endpoint. */
const CLAIM_BATCH = 50;
export const ATTEMPT_TIMEOUT_MS = 15_000;
/** Longer than an attempt can take: a claim is only due again when its dispatcher is gone. */
const LEASE_MS = 60_000;
/** Retries due within this are woken by a timer; later ones are found by the sweep each minute. */
const WAKE_HORIZON_MS = 10 * 60_000;
/** What is kept of an endpoint's answer to a failed attempt. */
const ANSWER_SNIPPET_CHARS = 300;
const PURGE_BATCH = 5_000;
const SYSTEM_ACTOR = { type: 'system', label: 'webhook delivery' } as const;

/**
 * Sends the outbox. Each endpoint is sent to on its own, so that a slow or failing receiver holds
 * up only its own deliveries: its due deliveries are claimed in batches and sent side by side as
 * Standard Webhooks (the message id as `webhook-id`, stable across retries and replays); each
 * attempt is recorded; failures retry on the configured schedule with jitter until it is used up;
 * 410 Gone disables the endpoint. What is due is always in the database: the outbox listener
 * starts a dispatch right after a commit, timers wake retries due soon, and a sweep every minute
 * (on the job queue) finds whatever those missed, e.g. after a restart. Unless private networks
 * are allowed (`FANFARE_WEBHOOK_PRIVATE_NETWORKS`), nothing is sent to an address that is not
 * public.
 */
@Injectable()
export class WebhookDispatcher implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  /** Endpoints (`brand endpoint`) being sent to in this process; `again`: more was committed meanwhile. */
  private readonly running = new Map<string, { again: boolean; done: Promise<void> }>();
  private readonly wakes = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  private readonly stopping = new AbortController();
  private readonly agent: Agent;

  constructor(
    private readonly tx: Transactions,
    private readonly outbound: OutboundRepository,
    private readonly secrets: EndpointSecrets,
    private readonly audit: AuditService,
    private readonly jobs: Jobs,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {
    this.agent = new Agent({
      connect: config.webhookPrivateNetworks ? {} : { lookup: publicOnlyLookup },
      // Endpoints are few per brand and called in bursts: keep connections, not too long.
      keepAliveTimeout: 10_000,
    });
  }

  onModuleInit(): void {
    this.jobs.register<{ brandId: string }>({
      queue: WEBHOOK_DISPATCH_QUEUE,
      // Starts the brand's dispatch here and returns: a long dispatch (a slow receiver with a
      // backlog) must not hold a queue worker that other brands' dispatches wait for.
      handle: ({ brandId }) => {
        this.kick(brandId);
        return Promise.resolve();
      },
      retryLimit: 2,
    });
    this.jobs.register({ queue: 'webhook-sweep', cron: '* * * * *', handle: () => this.sweep() });
    this.jobs.register({
      queue: 'webhook-retention',
      cron: '41 * * * *',
      handle: async () => {
        await this.purge(new Date());
      },
    });
  }

  /** Starts dispatching the brand in the background (the outbox listener calls this). */
  kick(brandId: string): void {
    void this.drain(brandId);
  }

  /** Sends the brand's due deliveries, each endpoint on its own, until none is due. */
  async drain(brandId: string): Promise<void> {
    if (this.stopping.signal.aborted) return;
    try {
      const endpoints = await this.outbound.endpointsDue(brandId);
      await Promise.all(endpoints.map((endpointId) => this.drainEndpoint(brandId, endpointId)));
      await this.wakeForNext(brandId);
    } catch (error) {
      this.logger.error(`dispatching brand ${brandId} failed: ${(error as Error).message}`);
    }
  }

  /**
   * Sends the endpoint's due deliveries until none is left, then sets a timer for the brand's next
   * retry due soon. One run per endpoint in this process: a call during a run makes it look once more.
   */
  private drainEndpoint(brandId: string, endpointId: string): Promise<void> {
    const key = `${brandId} ${endpointId}`;
    const current = this.running.get(key);
    if (current) {
      current.again = true;
      return current.done;
    }
    const run = { again: true, done: Promise.resolve() };
    run.done = (async () => {
      try {
        for (;;) {
          while (run.again && !this.stopping.signal.aborted) {
            run.again = false;
            while ((await this.dispatchDue(brandId, endpointId)) > 0 && !this.stopping.signal.aborted) {
              // until nothing is due
            }
          }
          await this.wakeForNext(brandId);
          // A commit while the timer was being set asked for another look; none can come in between
          // this check and the end of the run (nothing is awaited there).
          if (!run.again || this.stopping.signal.aborted) break;
        }
      } catch (error) {
        this.logger.error(`dispatching to endpoint ${endpointId} failed: ${(error as Error).message}`);
      } finally {
        this.running.delete(key);
      }
    })();
    this.running.set(key, run);
    return run.done;
  }

  /**
   * Claims up to one batch of the endpoint's due deliveries, sends them side by side and records
   * each attempt; answers how many it claimed. Safe to run concurrently, in any number of processes.
   */
  async dispatchDue(brandId: string, endpointId: string): Promise<number> {
    const claimed = await this.outbound.claim(brandId, endpointId, CLAIM_BATCH, LEASE_MS);
    await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
    return claimed.length;
  }

  /** Every minute: queues a dispatch of each brand that has deliveries due. */
  async sweep(): Promise<void> {
    for (const brandId of await this.outbound.brandsPending(true)) {
      await this.jobs.send(WEBHOOK_DISPATCH_QUEUE, { brandId }, { singletonKey: brandId });
    }
  }

  /** At start and when the listener (re)connects: dispatches here every brand with deliveries waiting. */
  async resume(): Promise<void> {
    for (const brandId of await this.outbound.brandsPending(false)) this.kick(brandId);
  }

  /** Deletes messages (with their deliveries and attempts) past the retention that none waits for. */
  async purge(now: Date): Promise<number> {
    const before = new Date(now.getTime() - this.config.webhookRetentionDays * 86_400_000);
    let total = 0;
    for (;;) {
      const deleted = await this.outbound.purgeMessages(before, PURGE_BATCH);
      total += deleted;
      if (deleted < PURGE_BATCH) return total;
    }
  }

  /** Stops sending: attempts in flight are cut off unrecorded (their claims are due again after the lease). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    for (const { timer } of this.wakes.values()) clearTimeout(timer);
    this.wakes.clear();
    await Promise.all([...this.running.values()].map((run) => run.done));
    await this.agent.close();
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    if (!delivery.enabled) {
      // Disabled after the delivery was written, by a transaction that did not see it yet.
      await this.outbound.failPending(
        delivery.brandId,
        delivery.endpointId,
        'Not sent: the endpoint was disabled.',
      );
      return;
    }
    const attemptedAt = new Date();
    const secrets = this.secrets.signing(delivery, attemptedAt);
    const answer = secrets
      ? await this.post(delivery, secrets, attemptedAt)
      : {
          statusCode: null,
          error: 'The signing secret cannot be read (the server secret changed): rotate the endpoint secret.',
          durationMs: 0,
        };
    if (answer === null) return; // shutting down
    const attempts = delivery.attempts + 1;
    if (answer.statusCode !== null && answer.statusCode >= 200 && answer.statusCode < 300) {
      await this.record(delivery, { attemptedAt, ...answer, status: 'succeeded', nextAttemptAt: null });
    } else if (answer.statusCode === 410) {
      await this.gone(delivery, { attemptedAt, ...answer, status: 'failed', nextAttemptAt: null });
    } else {
      const delay = retryDelayMs(this.config.webhookRetryScheduleMs, attempts);
      await this.record(delivery, {
        attemptedAt,
        ...answer,
        status: delay === null ? 'failed' : 'pending',
        nextAttemptAt: delay === null ? null : new Date(Date.now() + delay),
      });
    }
  }

  /** One POST; null when cut off by the shutdown. */
  private async post(
    delivery: ClaimedDelivery,
    secrets: string[],
    at: Date,
  ): Promise<{ statusCode: number | null; error: string | null; durationMs: number } | null> {
    const webhookId = `msg_${delivery.messageId}`;
    const timestamp = Math.floor(at.getTime() / 1000);
    const body = JSON.stringify(delivery.payload);
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    const literal = this.config.webhookPrivateNetworks ? null : privateLiteralHost(new URL(delivery.url));
    if (literal !== null) {
      return { statusCode: null, error: new PrivateAddressError(literal, literal).message, durationMs: 0 };
    }
    try {
      const response = await fetch(delivery.url, {
        dispatcher: this.agent,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': WEBHOOK_USER_AGENT,
          'webhook-id': webhookId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': secrets
            .map((secret) => signWebhook(secret, webhookId, timestamp, body))
            .join(' '),
        },
        body,
        // A redirect is an answer like any other that is not 2xx: following it could lead anywhere.
        redirect: 'manual',
        signal: AbortSignal.any([this.stopping.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
      });
      const ok = response.status >= 200 && response.status < 300;
      const text = ok ? '' : await snippet(response);
      if (ok) await response.body?.cancel();
      return {
        statusCode: response.status,
        error: ok ? null : `Answered ${response.status}${text ? `: ${text}` : ''}`,
        durationMs: elapsed(),
      };
    } catch (error) {
      if (this.stopping.signal.aborted) return null;
      return { statusCode: null, error: describe(error), durationMs: elapsed() };
    }
  }

  private async record(delivery: ClaimedDelivery, result: AttemptResult): Promise<void> {
    await this.outbound.recordAttempt(delivery.brandId, delivery.id, result);
  }

  /** 410 Gone: the receiver says the endpoint is no more. Disable it, in the log and the audit. */
  private async gone(delivery: ClaimedDelivery, result: AttemptResult): Promise<void> {
    await this.tx.run(async () => {
      await this.outbound.recordAttempt(delivery.brandId, delivery.id, result);
      const reason = 'The endpoint answered 410 Gone.';
      if (await this.outbound.disableEndpoint(delivery.brandId, delivery.endpointId, reason)) {
        await this.audit.record(SYSTEM_ACTOR, null, {
          brandId: delivery.brandId,
          action: 'webhook_endpoint.disabled',
          targetType: 'webhook_endpoint',
          targetId: delivery.endpointId,
          targetLabel: delivery.url,
          changes: { enabled: { from: true, to: false }, disabledReason: { to: reason } },
        });
      }
    });
    this.logger.warn(`webhook endpoint ${delivery.endpointId} answered 410 and is disabled`);
  }

  /** A timer for the brand's next retry when it is due soon; the sweep finds later ones. */
  private async wakeForNext(brandId: string): Promise<void> {
    const next = await this.outbound.nextDue(brandId);
    const existing = this.wakes.get(brandId);
    if (next === null || this.stopping.signal.aborted) return;
    const at = next.getTime();
    if (at - Date.now() > WAKE_HORIZON_MS || (existing && existing.at <= at)) return;
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(
      () => {
        this.wakes.delete(brandId);
        this.kick(brandId);
      },
      Math.max(0, at - Date.now()) + 5,
    );
    timer.unref();
    this.wakes.set(brandId, { at, timer });
  }
}

/** The start of a failed answer's body, on one line, for the delivery log. */
async function snippet(response: Response): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early cancels the rest of the body.
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= ANSWER_SNIPPET_CHARS * 4) break;
  }
  const text = Buffer.concat(chunks).toString('utf8').replace(/\s+/g, ' ').trim();
  return text.length > ANSWER_SNIPPET_CHARS ? `${text.slice(0, ANSWER_SNIPPET_CHARS)}…` : text;
}

/** Why a request got no answer: a timeout, a refused connection, a name that did not resolve… */
function describe(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `No answer within ${ATTEMPT_TIMEOUT_MS / 1000} s.`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error).message;
  return `Request failed: ${detail}`;
}
