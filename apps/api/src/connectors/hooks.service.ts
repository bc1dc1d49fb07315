import { createHmac, timingSafeEqual } from 'node:crypto';

import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';

import { uuidv7 } from '@fanfare/shared';

import { BadRequest, DomainError, Forbidden, NotFound, Unauthenticated } from '../common/errors/domain-error';
import { Transactions } from '../database/transactions';
import { Jobs } from '../jobs/jobs.service';
import { bodyKind } from './cloudevents';
import { ConnectionsService, sha256 } from './connections.service';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { APP_CONFIG, type RuntimeConfig } from '../config/config.module';
import { type HookDeliveryDto, toDeliveryDto } from './dto/deliveries.dto';
import { type HookDeliveryStatus, type HookSource } from './entities/hook-delivery.entity';
import { type MetaConnectionEntity } from './entities/meta-connection.entity';
import { HookProcessor, MAX_DELIVERY_ATTEMPTS, MoreToDo } from './hook-processor';
import { verifyWebhook, WebhookVerificationError } from './standard-webhooks';

export const HOOK_DELIVERY_QUEUE = 'hook-delivery';
/** Deliveries arriving within this time of each other share one job. */
const QUEUE_DELAY_MS = 50;
type Headers = Record<string, string | string[] | undefined>;

export interface Receipt {
  deliveryId: string;
  duplicate: boolean;
}

/**
 * The receiving end of signed webhooks. A delivery is verified against the raw bytes it came
 * as, stored in the inbox (`hook_delivery`) and answered at once; the job queue processes it.
 * Anything that fails verification is refused (401) and nothing of it is stored.
 */
@Injectable()
export class HooksService implements OnModuleInit {
  private readonly logger = new Logger('Hooks');

  constructor(
    private readonly tx: Transactions,
    private readonly connections: ConnectionsService,
    private readonly jobs: Jobs,
    private readonly processor: HookProcessor,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ brandId: string }>({
      queue: HOOK_DELIVERY_QUEUE,
      handle: async ({ brandId }) => {
        try {
          await this.processor.drain(brandId);
        } catch (error) {
          if (!(error instanceof MoreToDo)) throw error;
          await this.queue(brandId);
        }
      },
      retryLimit: MAX_DELIVERY_ATTEMPTS,
      batchSize: 10,
      // One waiting job per brand: it drains whatever is pending when it runs.
      policy: 'short',
    });
    // Deliveries stored but not queued (the process stopped in between), or whose job ran out.
    this.jobs.register({ queue: 'hook-sweep', cron: '* * * * *', handle: () => this.sweep() });
    this.jobs.register({
      queue: 'hook-retention',
      cron: '17 * * * *',
      handle: async () => {
        await this.purgeBodies(new Date());
      },
    });
  }

  /** Queues pending deliveries older than a minute again; gives up those out of attempts. */
  async sweep(): Promise<void> {
    await this.tx.manager.query(
      `UPDATE hook_delivery SET status = 'failed', processed_at = now(),
              error = coalesce(error, 'Given up after ' || attempts || ' attempts.')
        WHERE status = 'pending' AND attempts >= $1 AND (claimed_until IS NULL OR claimed_until < now())`,
      [MAX_DELIVERY_ATTEMPTS],
    );
    const stuck: Array<{ brand_id: string }> = await this.tx.manager.query(
      `SELECT DISTINCT brand_id FROM hook_delivery
        WHERE status = 'pending' AND received_at < now() - interval '1 minute'
          AND (claimed_until IS NULL OR claimed_until < now())`,
    );
    for (const row of stuck) await this.queue(row.brand_id);
  }

  /** Deletes raw bodies older than the retention period; the log entries stay. */
  async purgeBodies(now: Date): Promise<number> {
    const [, count] = await this.tx.manager.query<[unknown, number]>(
      `UPDATE hook_delivery SET body = NULL
        WHERE body IS NOT NULL AND status <> 'pending' AND received_at < $1::timestamptz - make_interval(days => $2)`,
      [now, this.config.hookRetentionDays],
    );
    return count;
  }

  /** The brand's deliveries, newest first. */
  async list(
    brandId: string,
    query: { source?: HookSource; limit?: number; cursor?: string },
  ): Promise<Page<HookDeliveryDto>> {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 2);
    const rows: Array<Record<string, unknown>> = await this.tx.manager.query(
      `SELECT brand_id, id, source, sender_id, received_at, received_at::text AS received_key, status, test,
              attempts, processed_at, error, body_bytes, body IS NOT NULL AS body_kept, summary
         FROM hook_delivery
        WHERE brand_id = $1 AND ($2::text IS NULL OR source = $2)
          AND ($3::timestamptz IS NULL OR (received_at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY received_at DESC, id DESC LIMIT $5`,
      [brandId, query.source ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return toPage(
      rows,
      limit,
      (row) =>
        toDeliveryDto({
          brandId,
          id: row.id as string,
          source: row.source as HookSource,
          senderId: row.sender_id as string | null,
          deliveryKey: '',
          receivedAt: row.received_at as Date,
          contentType: null,
          body: null,
          bodyKept: row.body_kept as boolean,
          bodyBytes: row.body_bytes as number,
          test: row.test as boolean,
          status: row.status as HookDeliveryStatus,
          attempts: row.attempts as number,
          claimedUntil: null,
          processedAt: row.processed_at as Date | null,
          error: row.error as string | null,
          summary: row.summary as Record<string, unknown> | null,
          fanIds: [],
        }),
      // The time as PostgreSQL wrote it, to the microsecond: a Date keeps milliseconds only, and a
      // cursor cut to the millisecond would skip the entries received later in that millisecond.
      (row) => [row.received_key as string, row.id as string],
    );
  }

  /** Meta's subscription handshake: the bare challenge when the token is this brand's verify token. */
  async metaHandshake(brandId: string, query: Record<string, unknown>): Promise<string> {
    const mode = query['hub.mode'];
    const token = query['hub.verify_token'];
    const challenge = query['hub.challenge'];
    if (
      mode !== 'subscribe' ||
      typeof token !== 'string' ||
      typeof challenge !== 'string' ||
      challenge === ''
    ) {
      throw new BadRequest(
        'bad_handshake',
        'A subscription handshake needs hub.mode=subscribe, hub.verify_token and hub.challenge.',
      );
    }
    const found = await this.connections.metaSecrets(brandId);
    const expected = found?.connection.verifyTokenHash;
    // Refused without a configured token: an empty token must not match an empty token.
    if (!expected || expected.length !== 32 || !timingSafeEqual(sha256(token), expected)) {
      throw new Forbidden(
        'bad_verify_token',
        'The verify token does not match the one of this brand’s Meta connection.',
      );
    }
    return challenge;
  }

  /** A Meta delivery: `X-Hub-Signature-256` must be the App Secret's HMAC-SHA256 of the raw body. */
  async receiveMeta(brandId: string, headers: Headers, body: Buffer): Promise<Receipt> {
    const { appSecret } = await this.metaConnection(brandId, true);
    return this.acceptMeta(brandId, appSecret, headers, body, false);
  }

  private async acceptMeta(
    brandId: string,
    appSecret: string,
    headers: Headers,
    body: Buffer,
    test: boolean,
  ): Promise<Receipt> {
    const header = single(headers['x-hub-signature-256']);
    if (!header) throw new Unauthenticated('missing_signature', 'X-Hub-Signature-256 is missing.');
    const expected = createHmac('sha256', appSecret).update(body).digest();
    const given = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim())?.[1];
    if (!given || !timingSafeEqual(Buffer.from(given, 'hex'), expected)) {
      throw new Unauthenticated(
        'bad_signature',
        'X-Hub-Signature-256 does not match the body signed with the App Secret.',
      );
    }
    readJson(body);
    return this.store(brandId, 'meta', null, sha256(body).toString('hex'), body, 'application/json', test);
  }

  /**
   * A test delivery as Meta's dashboard sends one: a comment on the connection's first Page (or
   * Instagram account), signed with the App Secret and received like any other. It is mapped and
   * logged, never booked.
   */
  async sendMetaTest(brandId: string, now: Date): Promise<Receipt> {
    const { connection, appSecret } = await this.metaConnection(brandId, false);
    const seconds = Math.floor(now.getTime() / 1000);
    const pageId = connection.pageIds[0];
    const instagramId = connection.instagramIds[0];
    const delivery = pageId
      ? {
          object: 'page',
          entry: [
            {
              id: pageId,
              time: seconds,
              changes: [
                {
                  field: 'feed',
                  value: {
                    item: 'comment',
                    verb: 'add',
                    from: { id: '0000000000000001', name: 'Test fan' },
                    post_id: `${pageId}_0000000000000002`,
                    comment_id: `0000000000000002_${seconds}`,
                    parent_id: `${pageId}_0000000000000002`,
                    created_time: seconds,
                    message: 'Test comment from Fanfare #test',
                  },
                },
              ],
            },
          ],
        }
      : instagramId
        ? {
            object: 'instagram',
            entry: [
              {
                id: instagramId,
                time: seconds,
                changes: [
                  {
                    field: 'comments',
                    value: {
                      from: { id: '0000000000000001', username: 'test_fan' },
                      comment_id: `${seconds}`,
                      text: 'Test comment from Fanfare #test',
                      media: { id: '0000000000000003', media_product_type: 'FEED' },
                    },
                  },
                ],
              },
            ],
          }
        : null;
    if (!delivery) {
      throw new BadRequest('nothing_connected', 'Add a Facebook Page or an Instagram account id first.');
    }
    const body = Buffer.from(JSON.stringify(delivery));
    const signature = `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
    return this.acceptMeta(brandId, appSecret, { 'x-hub-signature-256': signature }, body, true);
  }

  /** The brand's Meta connection with its App Secret; `recent`: a copy up to a few seconds old will do. */
  private async metaConnection(
    brandId: string,
    recent: boolean,
  ): Promise<{ connection: MetaConnectionEntity; appSecret: string }> {
    const found = await this.connections.metaSecrets(brandId, recent);
    if (!found) throw new NotFound('Meta connection');
    if (!found.appSecret) {
      throw new DomainError(
        503,
        'secret_unreadable',
        'The App Secret cannot be read: enter it again in Settings → Connections.',
      );
    }
    return { connection: found.connection, appSecret: found.appSecret };
  }

  /** A Standard Webhooks delivery from one of the brand's senders: Fanfare events or CloudEvents. */
  async receiveGeneric(brandId: string, headers: Headers, body: Buffer, now: Date): Promise<Receipt> {
    const senders = await this.connections.senderSecrets(brandId, now);
    if (senders.length === 0) throw new NotFound('Webhook sender');
    let verified: { senderId: string; webhookId: string } | null = null;
    let failure: WebhookVerificationError | null = null;
    for (const { sender, secrets } of senders) {
      if (secrets.length === 0) continue;
      try {
        const { id } = verifyWebhook(headers, body, secrets, now);
        verified = { senderId: sender.id, webhookId: id };
        break;
      } catch (error) {
        if (!(error instanceof WebhookVerificationError)) throw error;
        failure = error;
        // Headers or timestamp wrong: no other sender's secret can make it right.
        if (error.reason !== 'bad_signature') break;
      }
    }
    if (!verified) {
      throw new Unauthenticated(
        failure?.reason ?? 'bad_signature',
        failure?.message ?? 'The signature does not match.',
      );
    }
    const contentType = single(headers['content-type']) ?? 'application/json';
    const parsed = readJson(body);
    if (bodyKind(contentType) === 'fanfare' && (typeof parsed !== 'object' || parsed === null)) {
      throw new BadRequest('bad_body', 'The body must be one event or { "events": [...] }.');
    }
    return this.store(
      brandId,
      'generic',
      verified.senderId,
      `${verified.senderId}:${verified.webhookId}`,
      body,
      contentType,
      false,
    );
  }

  /** Stores a verified delivery once (a retry with the same key is a duplicate) and queues it. */
  async store(
    brandId: string,
    source: HookSource,
    senderId: string | null,
    key: string,
    body: Buffer,
    contentType: string,
    test: boolean,
  ): Promise<Receipt> {
    const id = uuidv7();
    const inserted: Array<{ id: string }> = await this.tx.manager.query(
      `INSERT INTO hook_delivery (brand_id, id, source, sender_id, delivery_key, content_type, body, body_bytes, test)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (brand_id, source, delivery_key) DO NOTHING
       RETURNING id`,
      [brandId, id, source, senderId, key, contentType, body, body.length, test],
    );
    if (inserted.length === 0) {
      const [existing] = await this.tx.manager.query<Array<{ id: string }>>(
        'SELECT id FROM hook_delivery WHERE brand_id = $1 AND source = $2 AND delivery_key = $3',
        [brandId, source, key],
      );
      return { deliveryId: existing?.id ?? id, duplicate: true };
    }
    this.queueSoon(brandId);
    return { deliveryId: id, duplicate: false };
  }

  /**
   * Asks for the brand's pending deliveries to be processed, soon: the deliveries of a burst share
   * one job. Every delivery stored before the send is covered by it, and one stored after schedules
   * another send (the queue keeps one waiting job per brand besides a running one). A stop before
   * the send leaves the delivery to the sweep.
   */
  queueSoon(brandId: string): void {
    if (this.scheduled.has(brandId)) return;
    this.scheduled.add(brandId);
    setTimeout(() => {
      this.scheduled.delete(brandId);
      void this.queue(brandId);
    }, QUEUE_DELAY_MS).unref();
  }

  /** Asks for the brand's pending deliveries to be processed; left for the sweep if the queue fails. */
  async queue(brandId: string): Promise<void> {
    try {
      await this.jobs.send(HOOK_DELIVERY_QUEUE, { brandId }, { singletonKey: brandId });
    } catch (error) {
      this.logger.warn(`deliveries of ${brandId} stored, not queued yet: ${(error as Error).message}`);
    }
  }

  private readonly scheduled = new Set<string>();
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The body as JSON; a signed body that is not JSON is refused (400) before it is stored. */
function readJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new BadRequest('bad_json', 'The body is not valid JSON.');
  }
}
