import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { verifyWebhook, WebhookVerificationError } from '../src/connectors/standard-webhooks';
import {
  type WebhookDeliveryDetailDto,
  type WebhookDeliveryPageDto,
} from '../src/outbound/dto/webhook-delivery.dto';
import {
  type WebhookEndpointDto,
  type WebhookEndpointSecretDto,
} from '../src/outbound/dto/webhook-endpoint.dto';
import { WebhookDispatcher } from '../src/outbound/webhook-dispatcher';
import { bodyOf, type Problem, PROBLEM, tag, uniqueEmail } from './support/http';
import { addMember, createBrand, login } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { createTestDatabase, dropDatabase } from './support/test-database';

const HOUR = 3_600_000;
/** Short waits between attempts, so retries happen within a test. */
const SCHEDULE = [150, 150, 150, 150];

interface Received {
  headers: IncomingHttpHeaders;
  body: Buffer;
  at: number;
}

interface Receiver {
  url: string;
  requests: Received[];
  /** The messages received, parsed. */
  messages: () => Array<{ type: string; timestamp: string; data: Record<string, unknown> }>;
  close: () => Promise<void>;
}

/** A real HTTP endpoint on 127.0.0.1 that answers each request with what `answer` says. */
async function startReceiver(
  answer: (request: Received, n: number) => number | Promise<number> = () => 204,
): Promise<Receiver> {
  const requests: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received = { headers: req.headers, body: Buffer.concat(chunks), at: Date.now() };
      requests.push(received);
      void Promise.resolve(answer(received, requests.length)).then((status) => {
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status >= 300 ? `Nope (${status})` : '');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests,
    messages: () =>
      requests.map(
        (r) =>
          JSON.parse(r.body.toString('utf8')) as {
            type: string;
            timestamp: string;
            data: Record<string, unknown>;
          },
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('outbound webhooks', () => {
  let t: TestApp;
  let owner: string;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    t = await startTestApp({ config: { webhookRetryScheduleMs: SCHEDULE } });
    owner = await login(t);
  });
  afterAll(async () => {
    await Promise.all(receivers.map((receiver) => receiver.close()));
    await t.close();
  });

  async function receiver(
    answer?: (request: Received, n: number) => number | Promise<number>,
  ): Promise<Receiver> {
    const started = await startReceiver(answer);
    receivers.push(started);
    return started;
  }

  /** A brand with an active campaign: 10 points per Instagram comment with #SoMeParade. */
  async function brandWithCampaign(app: TestApp = t, cookie = owner): Promise<string> {
    const brandId = await createBrand(app, cookie, `Webhooks ${tag()}`);
    await app
      .http()
      .post(`/api/v1/brands/${brandId}/campaigns`)
      .set('Cookie', cookie)
      .send({
        name: 'Always on',
        startsAt: new Date(Date.now() - 30 * 24 * HOUR).toISOString(),
        status: 'active',
        rules: [
          {
            name: 'Comment with #SoMeParade',
            trigger: { eventType: 'comment', channels: ['instagram'] },
            conditions: [{ property: 'hashtags', op: 'contains', value: 'SoMeParade' }],
            award: { kind: 'fixed', points: 10 },
            limits: [],
          },
        ],
      })
      .expect(201);
    return brandId;
  }

  async function comment(
    brandId: string,
    id: string,
    fan: string,
  ): Promise<{ fanId: string; points: number }> {
    const response = await t
      .http()
      .post(`/api/v1/brands/${brandId}/events`)
      .set('Cookie', owner)
      .send({
        id,
        type: 'comment',
        channel: 'instagram',
        occurredAt: new Date().toISOString(),
        fan: { externalId: fan, handle: `@${fan}` },
        properties: { hashtags: ['someparade'] },
      })
      .expect(200);
    return bodyOf<{ fanId: string; points: number }>(response);
  }

  async function addEndpoint(
    brandId: string,
    url: string,
    eventTypes?: string[],
    app: TestApp = t,
    cookie = owner,
  ): Promise<WebhookEndpointSecretDto> {
    const response = await app
      .http()
      .post(`/api/v1/brands/${brandId}/webhook-endpoints`)
      .set('Cookie', cookie)
      .send({ url, description: 'Test receiver', ...(eventTypes ? { eventTypes } : {}) })
      .expect(201);
    return bodyOf<WebhookEndpointSecretDto>(response);
  }

  async function deliveries(
    brandId: string,
    endpointId: string,
    app: TestApp = t,
    cookie = owner,
  ): Promise<WebhookDeliveryPageDto> {
    const response = await app
      .http()
      .get(`/api/v1/brands/${brandId}/webhook-endpoints/${endpointId}/deliveries`)
      .set('Cookie', cookie)
      .expect(200);
    return bodyOf<WebhookDeliveryPageDto>(response);
  }

  async function detail(
    brandId: string,
    endpointId: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryDetailDto> {
    const response = await t
      .http()
      .get(`/api/v1/brands/${brandId}/webhook-endpoints/${endpointId}/deliveries/${deliveryId}`)
      .set('Cookie', owner)
      .expect(200);
    return bodyOf<WebhookDeliveryDetailDto>(response);
  }

  async function outbox(brandId: string): Promise<string[]> {
    const rows = await t.dataSource.query<Array<{ type: string }>>(
      'SELECT type FROM webhook_message WHERE brand_id = $1 ORDER BY id',
      [brandId],
    );
    return rows.map((row) => row.type);
  }

  async function count(table: string, brandId: string): Promise<number> {
    const [row] = await t.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM ${table} WHERE brand_id = $1`,
      [brandId],
    );
    return row?.n ?? -1;
  }

  it('retries a failing receiver until it accepts: one success after three failures, same webhook-id, signed', async () => {
    const brandId = await brandWithCampaign();
    const hooks = await receiver((_request, n) => (n <= 3 ? 500 : 204));
    const { endpoint, secret } = await addEndpoint(brandId, hooks.url, ['points.awarded']);
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint).toMatchObject({ url: hooks.url, eventTypes: ['points.awarded'], enabled: true });

    const earned = await comment(brandId, 'c-1', 'anna');
    await waitFor(() => hooks.requests.length >= 4, 'the fourth attempt');
    await waitFor(
      async () => (await deliveries(brandId, endpoint.id)).items[0]?.status === 'succeeded',
      'the delivery to succeed',
    );
    await sleep(300);
    expect(hooks.requests).toHaveLength(4);

    const ids = hooks.requests.map((request) => request.headers['webhook-id']);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^msg_[0-9a-f-]{36}$/);
    for (const request of hooks.requests) {
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['user-agent']).toBe('Fanfare-Webhooks/1');
      expect(verifyWebhook(request.headers, request.body, [secret], new Date()).id).toBe(ids[0]);
    }
    // Exponential backoff, shortened: each retry waited about its scheduled 150 ms (±20 %).
    for (let i = 1; i < hooks.requests.length; i += 1) {
      expect(hooks.requests[i]!.at - hooks.requests[i - 1]!.at).toBeGreaterThanOrEqual(110);
    }
    const [message] = hooks.messages();
    expect(message).toMatchObject({
      type: 'points.awarded',
      data: { fanId: earned.fanId, points: 10, eventId: 'c-1' },
    });
    expect(Date.parse(message!.timestamp)).not.toBeNaN();
    expect(message!.data).toEqual(
      expect.objectContaining({
        entryId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        campaignId: expect.any(String),
        ruleId: expect.any(String),
        occurredAt: expect.stringMatching(/Z$/),
      }),
    );

    const log = await deliveries(brandId, endpoint.id);
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({
      type: 'points.awarded',
      status: 'succeeded',
      attempts: 4,
      lastStatusCode: 204,
      lastError: null,
      nextAttemptAt: null,
      webhookId: ids[0],
    });
    const one = await detail(brandId, endpoint.id, log.items[0]!.id);
    expect(one.attemptLog.map((attempt) => attempt.statusCode)).toEqual([500, 500, 500, 204]);
    expect(one.attemptLog[0]?.error).toBe('Answered 500: Nope (500)');
    expect(one.payload).toEqual(message);
  });

  it('announces new fans and their points, and reversals, to an endpoint that takes every type', async () => {
    const brandId = await brandWithCampaign();
    const hooks = await receiver();
    await addEndpoint(brandId, hooks.url);
    const earned = await comment(brandId, 'r-1', 'dora');
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/events`)
      .set('Cookie', owner)
      .send({ id: 'retract-r-1', type: 'retract', retracts: 'r-1', occurredAt: new Date().toISOString() })
      .expect(200);
    await waitFor(() => hooks.requests.length >= 3, 'three messages');
    const messages = hooks.messages();
    expect(messages.map((m) => m.type).sort()).toEqual(['fan.created', 'points.awarded', 'points.reversed']);
    const created = messages.find((m) => m.type === 'fan.created')!;
    expect(created.data).toEqual({ fanId: earned.fanId, firstSeenAt: expect.stringMatching(/Z$/) });
    const awarded = messages.find((m) => m.type === 'points.awarded')!;
    const reversed = messages.find((m) => m.type === 'points.reversed')!;
    expect(reversed.data).toMatchObject({
      fanId: earned.fanId,
      points: -10,
      reversesEntryId: awarded.data.entryId,
    });
    expect(await outbox(brandId)).toHaveLength(3);
  });

  it('announces tier changes, and only the types the endpoint takes', async () => {
    const brandId = await brandWithCampaign();
    await t
      .http()
      .put(`/api/v1/brands/${brandId}/tiers`)
      .set('Cookie', owner)
      .send({
        basis: 'lifetime',
        tiers: [
          { name: 'Bronze', threshold: 0, multiplier: 1 },
          { name: 'Silver', threshold: 20, multiplier: 1.5 },
        ],
      })
      .expect(200);
    const hooks = await receiver();
    await addEndpoint(brandId, hooks.url, ['tier.changed']);
    const first = await comment(brandId, 't-1', 'ida');
    await comment(brandId, 't-2', 'ida');
    await comment(brandId, 't-3', 'ida');
    await waitFor(() => hooks.requests.length >= 2, 'two tier changes');
    expect(hooks.messages().map((m) => m.data)).toEqual([
      {
        fanId: first.fanId,
        fromTier: null,
        toTier: 'Bronze',
        cause: expect.any(String),
        changedAt: expect.any(String),
      },
      {
        fanId: first.fanId,
        fromTier: 'Bronze',
        toTier: 'Silver',
        cause: expect.any(String),
        changedAt: expect.any(String),
      },
    ]);
    // Points were booked, but nobody takes them: the outbox holds the tier changes only.
    expect(await outbox(brandId)).toEqual(['tier.changed', 'tier.changed']);
  });

  it('announces redemptions created, fulfilled and cancelled', async () => {
    const brandId = await brandWithCampaign();
    const hooks = await receiver();
    await addEndpoint(brandId, hooks.url, [
      'redemption.created',
      'redemption.fulfilled',
      'redemption.cancelled',
    ]);
    const { fanId } = await comment(brandId, 'x-1', 'emil');
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/fans/${fanId}/adjustments`)
      .set('Cookie', owner)
      .set('Idempotency-Key', `grant-${fanId}`)
      .send({ points: 500, reason: 'Welcome points' })
      .expect(201);
    const reward = await t
      .http()
      .post(`/api/v1/brands/${brandId}/rewards`)
      .set('Cookie', owner)
      .send({ nameDe: 'Sticker', nameEn: 'Sticker', costPoints: 100, kind: 'custom' })
      .expect(201);
    const rewardId = (reward.body as { id: string }).id;
    const redeem = async (): Promise<string> => {
      const response = await t
        .http()
        .post(`/api/v1/brands/${brandId}/fans/${fanId}/redemptions`)
        .set('Cookie', owner)
        .set('Idempotency-Key', `redeem-${tag()}`)
        .send({ rewardId })
        .expect(201);
      return (response.body as { id: string }).id;
    };
    const kept = await redeem();
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/redemptions/${kept}/fulfil`)
      .set('Cookie', owner)
      .expect(200);
    const dropped = await redeem();
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/redemptions/${dropped}/cancel`)
      .set('Cookie', owner)
      .send({ reason: 'Changed mind' })
      .expect(200);
    await waitFor(() => hooks.requests.length >= 4, 'four redemption messages');
    const seen = hooks.messages().map((m) => [m.type, m.data.redemptionId, m.data.status]);
    expect(seen.sort()).toEqual(
      [
        ['redemption.created', kept, 'pending'],
        ['redemption.fulfilled', kept, 'fulfilled'],
        ['redemption.created', dropped, 'pending'],
        ['redemption.cancelled', dropped, 'cancelled'],
      ].sort(),
    );
    expect(hooks.messages()[0]?.data).toMatchObject({ fanId, rewardId, points: 100 });
    expect(await outbox(brandId)).toHaveLength(4);
  });

  it('writes nothing for a brand without an enabled endpoint that takes the type', async () => {
    const bare = await brandWithCampaign();
    await comment(bare, 'n-1', 'nina');
    const offDuty = await brandWithCampaign();
    const hooks = await receiver();
    const { endpoint } = await addEndpoint(offDuty, hooks.url);
    await t
      .http()
      .patch(`/api/v1/brands/${offDuty}/webhook-endpoints/${endpoint.id}`)
      .set('Cookie', owner)
      .send({ enabled: false })
      .expect(200);
    await comment(offDuty, 'n-2', 'nina');
    const elsewhere = await brandWithCampaign();
    await addEndpoint(elsewhere, hooks.url, ['redemption.created']);
    await comment(elsewhere, 'n-3', 'nina');
    for (const brandId of [bare, offDuty, elsewhere]) {
      expect(await count('webhook_message', brandId)).toBe(0);
      expect(await count('webhook_delivery', brandId)).toBe(0);
    }
    await sleep(200);
    expect(hooks.requests).toHaveLength(0);
  });

  it('has an outbox row exactly when the change committed', async () => {
    const brandId = await brandWithCampaign();
    const hooks = await receiver();
    await addEndpoint(brandId, hooks.url, ['fan.created']);
    const insertFan = async (commit: boolean): Promise<number> => {
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query(
          `INSERT INTO fan (brand_id, id, first_seen_at, last_active_at) VALUES ($1, uuidv7(), now(), now())`,
          [brandId],
        );
        const [inside] = (await runner.query(
          'SELECT count(*)::int AS n FROM webhook_message WHERE brand_id = $1',
          [brandId],
        )) as Array<{ n: number }>;
        if (commit) await runner.commitTransaction();
        else await runner.rollbackTransaction();
        return inside?.n ?? -1;
      } finally {
        await runner.release();
      }
    };
    // Written in the transaction of the change, and gone with it.
    expect(await insertFan(false)).toBe(1);
    expect(await count('webhook_message', brandId)).toBe(0);
    expect(await count('webhook_delivery', brandId)).toBe(0);
    await sleep(300);
    expect(hooks.requests).toHaveLength(0);
    // Kept and sent when it commits.
    expect(await insertFan(true)).toBe(1);
    expect(await count('webhook_message', brandId)).toBe(1);
    await waitFor(() => hooks.requests.length === 1, 'the committed message');
    expect(hooks.messages()[0]?.type).toBe('fan.created');
  });

  it('disables an endpoint that answers 410, stops sending to it, and replays with the same webhook-id', async () => {
    const brandId = await brandWithCampaign();
    let gone = true;
    const hooks = await receiver(() => (gone ? 410 : 200));
    const { endpoint } = await addEndpoint(brandId, hooks.url, ['points.awarded']);
    await comment(brandId, 'g-1', 'gina');
    await waitFor(
      async () => (await deliveries(brandId, endpoint.id)).items[0]?.status === 'failed',
      'the 410',
    );
    const path = `/api/v1/brands/${brandId}/webhook-endpoints/${endpoint.id}`;
    const disabled = bodyOf<WebhookEndpointDto>(await t.http().get(path).set('Cookie', owner).expect(200));
    expect(disabled).toMatchObject({ enabled: false, disabledReason: 'The endpoint answered 410 Gone.' });
    expect(disabled.disabledAt).not.toBeNull();
    const audit = await t
      .http()
      .get(`/api/v1/brands/${brandId}/audit-log`)
      .query({ action: 'webhook_endpoint.disabled' })
      .set('Cookie', owner)
      .expect(200);
    expect((audit.body as { items: unknown[] }).items).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ type: 'system' }), targetId: endpoint.id }),
    ]);

    // No more deliveries while disabled.
    await comment(brandId, 'g-2', 'gina');
    await sleep(300);
    expect(hooks.requests).toHaveLength(1);
    expect(await count('webhook_delivery', brandId)).toBe(1);
    const [failed] = (await deliveries(brandId, endpoint.id)).items;
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 410 });
    const refused = await t
      .http()
      .post(`${path}/deliveries/${failed!.id}/replay`)
      .set('Cookie', owner)
      .expect(409);
    expect(refused.headers['content-type']).toMatch(PROBLEM);
    expect(bodyOf<Problem>(refused).code).toBe('endpoint_disabled');

    // Enabled again: the reason goes; a replay sends the same message again, and succeeds.
    gone = false;
    const enabled = await t.http().patch(path).set('Cookie', owner).send({ enabled: true }).expect(200);
    expect(bodyOf<WebhookEndpointDto>(enabled)).toMatchObject({
      enabled: true,
      disabledReason: null,
      disabledAt: null,
    });
    await t.http().post(`${path}/deliveries/${failed!.id}/replay`).set('Cookie', owner).expect(200);
    await waitFor(() => hooks.requests.length === 2, 'the replay');
    expect(hooks.requests[1]!.headers['webhook-id']).toBe(hooks.requests[0]!.headers['webhook-id']);
    await waitFor(
      async () => (await deliveries(brandId, endpoint.id)).items[0]?.status === 'succeeded',
      'success',
    );
    expect((await deliveries(brandId, endpoint.id)).items[0]).toMatchObject({
      attempts: 2,
      lastStatusCode: 200,
    });

    // A succeeded delivery replays too.
    await t.http().post(`${path}/deliveries/${failed!.id}/replay`).set('Cookie', owner).expect(200);
    await waitFor(() => hooks.requests.length === 3, 'the second replay');
    expect(hooks.requests[2]!.headers['webhook-id']).toBe(hooks.requests[0]!.headers['webhook-id']);
  });

  it('signs with the old and the new secret during a rotation overlap, with the new one only after', async () => {
    const brandId = await brandWithCampaign();
    const hooks = await receiver();
    const { endpoint, secret: first } = await addEndpoint(brandId, hooks.url);
    const path = `/api/v1/brands/${brandId}/webhook-endpoints/${endpoint.id}`;
    const rotated = bodyOf<WebhookEndpointSecretDto>(
      await t.http().post(`${path}/rotate`).set('Cookie', owner).send({ overlapHours: 1 }).expect(200),
    );
    expect(rotated.secret).not.toBe(first);
    expect(rotated.endpoint.previousSecretExpiresAt).not.toBeNull();
    await t.http().post(`${path}/test`).set('Cookie', owner).expect(202);
    await waitFor(() => hooks.requests.length === 1, 'the test message');
    const during = hooks.requests[0]!;
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifyWebhook(during.headers, during.body, [first], new Date()).id).toMatch(/^msg_/);
    expect(verifyWebhook(during.headers, during.body, [rotated.secret], new Date()).id).toMatch(/^msg_/);
    expect(hooks.messages()[0]).toMatchObject({ type: 'webhook.test', data: { endpointId: endpoint.id } });

    const again = bodyOf<WebhookEndpointSecretDto>(
      await t.http().post(`${path}/rotate`).set('Cookie', owner).send({ overlapHours: 0 }).expect(200),
    );
    await t.http().post(`${path}/test`).set('Cookie', owner).expect(202);
    await waitFor(() => hooks.requests.length === 2, 'the second test message');
    const after = hooks.requests[1]!;
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verifyWebhook(after.headers, after.body, [again.secret], new Date()).id).toMatch(/^msg_/);
    expect(() => verifyWebhook(after.headers, after.body, [rotated.secret], new Date())).toThrow(
      WebhookVerificationError,
    );
  });

  it('loses nothing when the API restarts between attempts', async () => {
    const database = await createTestDatabase();
    const config = { webhookRetryScheduleMs: [1500, 1500] };
    let second: TestApp | null = null;
    const first = await startTestApp({ databaseUrl: database.url, config });
    let firstOpen = true;
    try {
      const cookie = await login(first);
      const brandId = await createBrand(first, cookie, `Restart ${tag()}`);
      const hooks = await receiver((_request, n) => (n === 1 ? 503 : 204));
      const { endpoint } = await addEndpoint(brandId, hooks.url, undefined, first, cookie);
      await first
        .http()
        .post(`/api/v1/brands/${brandId}/webhook-endpoints/${endpoint.id}/test`)
        .set('Cookie', cookie)
        .expect(202);
      await waitFor(
        async () => (await deliveries(brandId, endpoint.id, first, cookie)).items[0]?.attempts === 1,
        'attempt 1',
      );
      firstOpen = false;
      await first.close();
      expect(hooks.requests).toHaveLength(1);

      second = await startTestApp({ databaseUrl: database.url, config });
      await waitFor(
        async () =>
          (await deliveries(brandId, endpoint.id, second!, cookie)).items[0]?.status === 'succeeded',
        'the retry after the restart',
      );
      expect(hooks.requests).toHaveLength(2);
      expect(hooks.requests[1]!.headers['webhook-id']).toBe(hooks.requests[0]!.headers['webhook-id']);
      expect((await deliveries(brandId, endpoint.id, second, cookie)).items[0]).toMatchObject({
        attempts: 2,
        lastStatusCode: 204,
      });
    } finally {
      if (firstOpen) await first.close();
      await second?.close();
      await dropDatabase(database.name);
    }
  });

  it('never sends an attempt twice when dispatchers run at once, in two app instances', async () => {
    const brandId = await brandWithCampaign();
    const hooks = await receiver(async () => {
      await sleep(5);
      return 200;
    });
    const { endpoint } = await addEndpoint(brandId, hooks.url, ['fan.created']);
    // 200 messages, held back until every dispatcher is ready.
    await t.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO webhook_message (brand_id, id, type, payload)
         SELECT $1, uuidv7(), 'fan.created', jsonb_build_object('type', 'fan.created', 'data', jsonb_build_object('n', n))
           FROM generate_series(1, 200) AS n`,
        [brandId],
      );
      await manager.query(
        `UPDATE webhook_delivery SET next_attempt_at = now() + interval '1 hour' WHERE brand_id = $1`,
        [brandId],
      );
    });
    const other = await startTestApp({
      databaseUrl: t.config.databaseUrl,
      config: t.config,
      firstStart: false,
    });
    try {
      await t.dataSource.query('UPDATE webhook_delivery SET next_attempt_at = now() WHERE brand_id = $1', [
        brandId,
      ]);
      const dispatchers = [t.app.get(WebhookDispatcher), other.app.get(WebhookDispatcher)];
      const claimed = await Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          let total = 0;
          for (let n = await dispatchers[i % 2]!.dispatchDue(brandId, endpoint.id); n > 0;) {
            total += n;
            n = await dispatchers[i % 2]!.dispatchDue(brandId, endpoint.id);
          }
          return total;
        }),
      );
      await waitFor(async () => (await count('webhook_attempt', brandId)) >= 200, 'every attempt recorded');
      const ids = hooks.requests.map((request) => String(request.headers['webhook-id']));
      expect(ids).toHaveLength(200);
      expect(new Set(ids).size).toBe(200);
      expect(claimed.filter((n) => n > 0).length).toBeGreaterThan(1);
      const states = await t.dataSource.query<Array<{ status: string; attempts: number; n: number }>>(
        `SELECT status, attempts, count(*)::int AS n FROM webhook_delivery WHERE brand_id = $1 AND endpoint_id = $2
          GROUP BY 1, 2`,
        [brandId, endpoint.id],
      );
      expect(states).toEqual([{ status: 'succeeded', attempts: 1, n: 200 }]);
      expect(await count('webhook_attempt', brandId)).toBe(200);

      // The log pages through all of them, newest first, and filters by status.
      const path = `/api/v1/brands/${brandId}/webhook-endpoints/${endpoint.id}/deliveries`;
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: WebhookDeliveryPageDto = bodyOf<WebhookDeliveryPageDto>(
          await t
            .http()
            .get(path)
            .query({ limit: 60, ...(cursor ? { cursor } : {}) })
            .set('Cookie', owner)
            .expect(200),
        );
        expect(page.items.length).toBeLessThanOrEqual(60);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen).toHaveLength(200);
      expect([...seen].sort().reverse()).toEqual(seen);
      const failed = await t.http().get(path).query({ status: 'failed' }).set('Cookie', owner).expect(200);
      expect(bodyOf<WebhookDeliveryPageDto>(failed).items).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('keeps sending to an endpoint while another endpoint of the brand is slow to answer', async () => {
    const brandId = await brandWithCampaign();
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = await receiver(async () => {
      await held;
      return 204;
    });
    const fast = await receiver();
    const slowEndpoint = (await addEndpoint(brandId, slow.url, ['fan.created'])).endpoint;
    const fastEndpoint = (await addEndpoint(brandId, fast.url, ['fan.created'])).endpoint;

    await comment(brandId, 'slow-1', 'first-fan');
    await waitFor(
      () => slow.requests.length === 1 && fast.requests.length === 1,
      'the first message at both',
    );
    // The slow receiver still holds its first request: the next message reaches the fast one anyway.
    await comment(brandId, 'slow-2', 'second-fan');
    await waitFor(() => fast.requests.length === 2, 'the second message at the fast receiver', 5_000);
    expect(slow.requests).toHaveLength(1);
    expect((await deliveries(brandId, fastEndpoint.id)).items.map((item) => item.status)).toEqual([
      'succeeded',
      'succeeded',
    ]);

    release();
    await waitFor(async () => {
      const items = (await deliveries(brandId, slowEndpoint.id)).items;
      return items.length === 2 && items.every((item) => item.status === 'succeeded');
    }, 'both messages at the slow receiver');
    expect(slow.requests).toHaveLength(2);
    expect(new Set(slow.requests.map((request) => request.headers['webhook-id'])).size).toBe(2);
  });

  it('sends nothing to this machine or internal networks unless private networks are allowed', async () => {
    const guarded = await startTestApp({
      config: { webhookRetryScheduleMs: SCHEDULE, webhookPrivateNetworks: false },
    });
    try {
      const cookie = await login(guarded);
      const brandId = await brandWithCampaign(guarded, cookie);
      const hooks = await receiver();
      const base = `/api/v1/brands/${brandId}/webhook-endpoints`;
      // Refused when written: a literal private address or localhost.
      for (const url of [
        hooks.url,
        hooks.url.replace('127.0.0.1', 'localhost'),
        'https://169.254.169.254/latest/meta-data',
        'https://[::1]/hooks',
        'https://10.0.0.8/hooks',
      ]) {
        const response = await guarded.http().post(base).set('Cookie', cookie).send({ url }).expect(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(bodyOf<Problem>(response).errors).toEqual([
          { field: 'url', reason: expect.stringMatching(/must be a public address/) },
        ]);
      }
      expect(await count('webhook_endpoint', brandId)).toBe(0);

      // A name passes the check when written; when it resolves to this machine (as an attacker's DNS
      // can make it do after the check), the attempt is refused when sent.
      const endpoint = (await addEndpoint(brandId, 'https://hooks.example.com/x', undefined, guarded, cookie))
        .endpoint;
      await guarded.dataSource.query('UPDATE webhook_endpoint SET url = $3 WHERE brand_id = $1 AND id = $2', [
        brandId,
        endpoint.id,
        hooks.url.replace('127.0.0.1', 'localhost'),
      ]);
      await guarded.http().post(`${base}/${endpoint.id}/test`).set('Cookie', cookie).expect(202);
      let log: WebhookDeliveryPageDto['items'] = [];
      await waitFor(async () => {
        log = (await deliveries(brandId, endpoint.id, guarded, cookie)).items;
        return log[0]?.lastError != null;
      }, 'the refused attempt');
      expect(log[0]).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastStatusCode: null,
        lastError: expect.stringMatching(/localhost resolves to (127\.0\.0\.1|::1), not a public address/),
      });
      expect(hooks.requests).toHaveLength(0);
    } finally {
      await guarded.close();
    }
  });

  it('refuses bad input with problem details and changes nothing', async () => {
    const brandId = await brandWithCampaign();
    const otherBrand = await brandWithCampaign();
    const hooks = await receiver();
    const { endpoint } = await addEndpoint(otherBrand, hooks.url);
    const base = `/api/v1/brands/${brandId}/webhook-endpoints`;
    const auditBefore = await count('audit_log', brandId);

    const cases: Array<[object, string]> = [
      [{ url: 'http://example.com/hooks' }, 'url'],
      [{ url: 'https://user:secret@example.com/hooks' }, 'url'],
      [{ url: 'https://example.com/hooks', eventTypes: ['points.awarded', 'fan.deleted'] }, 'eventTypes'],
      [{ url: 'https://example.com/hooks', eventTypes: ['fan.created', 'fan.created'] }, 'eventTypes'],
      [{ url: 'https://example.com/hooks', secret: 'whsec_mine' }, 'secret'],
    ];
    for (const [body, field] of cases) {
      const response = await t.http().post(base).set('Cookie', owner).send(body).expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(bodyOf<Problem>(response).errors?.map((error) => error.field)).toContain(field);
    }
    const patched = await t
      .http()
      .patch(`/api/v1/brands/${otherBrand}/webhook-endpoints/${endpoint.id}`)
      .set('Cookie', owner)
      .send({ eventTypes: ['nope'] })
      .expect(400);
    expect(bodyOf<Problem>(patched).errors?.[0]?.field).toBe('eventTypes');

    // Another brand's endpoint is not found through this brand, whatever the route.
    const foreign = `${base}/${endpoint.id}`;
    const answers = await Promise.all([
      t.http().get(foreign).set('Cookie', owner),
      t.http().patch(foreign).set('Cookie', owner).send({ enabled: false }),
      t.http().delete(foreign).set('Cookie', owner),
      t.http().post(`${foreign}/rotate`).set('Cookie', owner).send({}),
      t.http().post(`${foreign}/test`).set('Cookie', owner),
      t.http().get(`${foreign}/deliveries`).set('Cookie', owner),
      t.http().get(`${base}/not-an-id`).set('Cookie', owner),
    ]);
    for (const response of answers) {
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    }
    expect(await count('webhook_endpoint', brandId)).toBe(0);
    expect(await count('audit_log', brandId)).toBe(auditBefore);

    // Analysts read reports, not the brand's integrations.
    const analyst = await addMember(t, owner, brandId, uniqueEmail('analyst'), 'analyst');
    for (const response of [
      await t.http().get(base).set('Cookie', analyst.cookie),
      await t.http().post(base).set('Cookie', analyst.cookie).send({ url: 'https://example.com/hooks' }),
    ]) {
      expect(response.status).toBe(403);
      expect(bodyOf<Problem>(response).code).toBe('insufficient_role');
    }
    expect(await count('webhook_endpoint', brandId)).toBe(0);
    const untouched = await t
      .http()
      .get(`/api/v1/brands/${otherBrand}/webhook-endpoints/${endpoint.id}`)
      .set('Cookie', owner)
      .expect(200);
    expect(bodyOf<WebhookEndpointDto>(untouched)).toMatchObject({ enabled: true, url: hooks.url });
    await sleep(200);
    expect(hooks.requests).toHaveLength(0);
  });
});
