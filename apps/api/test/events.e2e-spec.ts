import { LedgerCheckRepository } from '../src/ledger/ledger-check.repository';
import { bodyOf, PROBLEM, tag } from './support/http';
import { createBrand, login } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

interface Outcome {
  id: string | null;
  status: string;
  points: number;
  fanId: string | null;
  awards: Array<{ ruleId: string; campaignId: string; points: number }>;
  reasons?: string[];
  errors?: Array<{ field: string; reason: string }>;
  originalStatus?: string;
}

const HOUR = 3_600_000;

describe('event ingestion', () => {
  let t: TestApp;
  let owner: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await login(t);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A brand with one active campaign holding `rules`; its id and the campaign's. */
  async function brandWith(
    rules: unknown[],
    campaign: Record<string, unknown> = {},
  ): Promise<{ brandId: string; campaignId: string; ruleIds: string[] }> {
    const brandId = await createBrand(t, owner, `Events ${tag()}`);
    const response = await t
      .http()
      .post(`/api/v1/brands/${brandId}/campaigns`)
      .set('Cookie', owner)
      .send({
        name: 'Always on',
        startsAt: new Date(Date.now() - 30 * 24 * HOUR).toISOString(),
        status: 'active',
        rules,
        ...campaign,
      })
      .expect(201);
    const body = bodyOf<{ id: string; rules: Array<{ id: string }> }>(response);
    return { brandId, campaignId: body.id, ruleIds: body.rules.map((rule) => rule.id) };
  }

  const commentRule = (limits: unknown[] = []): Record<string, unknown> => ({
    name: 'Comment with #SoMeParade',
    trigger: { eventType: 'comment', channels: ['instagram'] },
    conditions: [{ property: 'hashtags', op: 'contains', value: 'SoMeParade' }],
    award: { kind: 'fixed', points: 10 },
    limits,
  });

  function comment(
    id: string,
    fan: string,
    at = new Date(),
    hashtags = ['someparade'],
  ): Record<string, unknown> {
    return {
      id,
      type: 'comment',
      channel: 'instagram',
      occurredAt: at.toISOString(),
      fan: { externalId: fan, handle: `@${fan}` },
      properties: { hashtags, text: 'Lecker! #SoMeParade' },
    };
  }

  async function send(brandId: string, body: unknown): Promise<Outcome> {
    const response = await t
      .http()
      .post(`/api/v1/brands/${brandId}/events`)
      .set('Cookie', owner)
      .send(body as object)
      .expect(200);
    return bodyOf<Outcome>(response);
  }

  async function sendRaw(brandId: string, body: unknown): Promise<Response> {
    const cookie = owner;
    return fetch(`${t.url}/api/v1/brands/${brandId}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
  }

  async function balanceOf(brandId: string, fanId: string): Promise<number> {
    const rows: Array<{ balance: string }> = await t.dataSource.query(
      'SELECT balance FROM fan WHERE brand_id = $1 AND id = $2',
      [brandId, fanId],
    );
    return Number(rows[0]?.balance ?? -1);
  }

  async function expectConsistent(brandId: string): Promise<void> {
    const report = await new LedgerCheckRepository(t.dataSource).check(brandId);
    expect(report.problems).toEqual([]);
  }

  it('creates the fan on first sight, awards a matching event and books it once', async () => {
    const { brandId, campaignId, ruleIds } = await brandWith([commentRule()]);
    const first = await send(brandId, comment('c-1', 'anna'));
    expect(first).toMatchObject({
      id: 'c-1',
      status: 'awarded',
      points: 10,
      awards: [{ ruleId: ruleIds[0], campaignId, points: 10 }],
    });
    expect(first.fanId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await balanceOf(brandId, first.fanId!)).toBe(10);

    const again = await send(brandId, comment('c-1', 'anna'));
    expect(again).toMatchObject({
      id: 'c-1',
      status: 'duplicate',
      originalStatus: 'awarded',
      fanId: first.fanId,
    });
    expect(await balanceOf(brandId, first.fanId!)).toBe(10);

    const second = await send(brandId, comment('c-2', 'anna'));
    expect(second.fanId).toBe(first.fanId);
    expect(await balanceOf(brandId, first.fanId!)).toBe(20);

    const noMatch = await send(brandId, comment('c-3', 'anna', new Date(), ['other']));
    expect(noMatch).toMatchObject({ status: 'no_match', points: 0, awards: [] });
    await expectConsistent(brandId);
  });

  it('stores unattributed events without awarding them', async () => {
    const { brandId } = await brandWith([commentRule()]);
    const outcome = await send(brandId, { ...comment('u-1', 'x'), fan: undefined });
    expect(outcome).toMatchObject({ status: 'no_match', fanId: null, points: 0 });
    expect(outcome.reasons?.[0]).toMatch(/unattributed/);
  });

  it('awards points per unit with rounding (1 point per euro)', async () => {
    const { brandId } = await brandWith([
      {
        name: 'Purchase',
        trigger: { eventType: 'purchase' },
        conditions: [],
        award: { kind: 'per_unit', property: 'amount', pointsPerUnit: 1, rounding: 'floor' },
        limits: [],
      },
    ]);
    const outcome = await send(brandId, {
      id: 'p-1',
      type: 'purchase',
      channel: 'store',
      occurredAt: new Date().toISOString(),
      fan: { externalId: 'customer-7' },
      properties: { amount: 12.5, currency: 'EUR' },
    });
    expect(outcome).toMatchObject({ status: 'awarded', points: 12 });
  });

  it('books one event delivered 20 times at once exactly once', async () => {
    const { brandId } = await brandWith([commentRule()]);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => sendRaw(brandId, comment('same-1', 'ben'))),
    );
    const outcomes = await Promise.all(responses.map(async (response) => (await response.json()) as Outcome));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(outcomes.filter((o) => o.status === 'awarded')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'duplicate')).toHaveLength(19);
    expect(await balanceOf(brandId, outcomes[0]!.fanId!)).toBe(10);
    await expectConsistent(brandId);
  });

  it('answers each of 60 concurrent single events with its own outcome (group commit)', async () => {
    const { brandId } = await brandWith([commentRule()]);
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        sendRaw(
          brandId,
          comment(`group-${i}`, `fan-${i}`, new Date(), i % 2 === 0 ? ['someparade'] : ['brot']),
        ),
      ),
    );
    const outcomes = await Promise.all(responses.map(async (response) => (await response.json()) as Outcome));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    outcomes.forEach((outcome, i) => {
      expect(outcome.id).toBe(`group-${i}`);
      expect(outcome.status).toBe(i % 2 === 0 ? 'awarded' : 'no_match');
      expect(outcome.points).toBe(i % 2 === 0 ? 10 : 0);
    });
    expect(new Set(outcomes.map((outcome) => outcome.fanId)).size).toBe(60);
    for (const [i, outcome] of outcomes.entries()) {
      expect(await balanceOf(brandId, outcome.fanId!)).toBe(i % 2 === 0 ? 10 : 0);
    }
    await expectConsistent(brandId);
  });

  it('holds a cap of 3 a day under 50 concurrent events of one fan', async () => {
    const { brandId } = await brandWith([commentRule([{ window: 'day', max: 3 }])]);
    const at = new Date();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => sendRaw(brandId, comment(`cap-${i}`, 'carla', at))),
    );
    const outcomes = await Promise.all(responses.map(async (response) => (await response.json()) as Outcome));
    expect(outcomes.filter((o) => o.status === 'awarded')).toHaveLength(3);
    expect(outcomes.filter((o) => o.status === 'capped')).toHaveLength(47);
    expect(outcomes.find((o) => o.status === 'capped')?.reasons?.[0]).toMatch(/limit of 3 per day/);
    expect(await balanceOf(brandId, outcomes[0]!.fanId!)).toBe(30);
    await expectConsistent(brandId);
  });

  it('never exceeds a campaign budget under concurrent events', async () => {
    const { brandId, campaignId } = await brandWith([commentRule()], { budgetPoints: 100 });
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => sendRaw(brandId, comment(`budget-${i}`, `fan-${i}`))),
    );
    const outcomes = await Promise.all(responses.map(async (response) => (await response.json()) as Outcome));
    expect(outcomes.filter((o) => o.status === 'awarded')).toHaveLength(10);
    const rows: Array<{ points_issued: string }> = await t.dataSource.query(
      'SELECT points_issued FROM campaign WHERE brand_id = $1 AND id = $2',
      [brandId, campaignId],
    );
    expect(rows[0]?.points_issued).toBe('100');
    await expectConsistent(brandId);
  });

  it('reverses a retracted event once, even when the retraction arrives twice at once', async () => {
    const { brandId } = await brandWith([commentRule()]);
    const original = await send(brandId, comment('r-1', 'dora'));
    await send(brandId, comment('r-2', 'dora'));
    expect(await balanceOf(brandId, original.fanId!)).toBe(20);
    const responses = await Promise.all(
      Array.from({ length: 2 }, () =>
        sendRaw(brandId, {
          id: 'retract-r-1',
          type: 'retract',
          retracts: 'r-1',
          occurredAt: new Date().toISOString(),
        }),
      ),
    );
    const outcomes = await Promise.all(responses.map(async (response) => (await response.json()) as Outcome));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['duplicate', 'retracted']);
    expect(outcomes.find((o) => o.status === 'retracted')?.points).toBe(-10);
    expect(await balanceOf(brandId, original.fanId!)).toBe(10);

    // Another retraction of the same event (a new id) takes nothing more.
    const third = await send(brandId, {
      id: 'retract-r-1b',
      type: 'retract',
      retracts: 'r-1',
      occurredAt: new Date().toISOString(),
    });
    expect(third).toMatchObject({ status: 'retracted', points: 0 });
    expect(await balanceOf(brandId, original.fanId!)).toBe(10);
    await expectConsistent(brandId);
  });

  it('lets a retraction that arrives first keep its event from earning', async () => {
    const { brandId } = await brandWith([commentRule()]);
    const early = await send(brandId, {
      id: 'gone-1',
      type: 'retract',
      retracts: 'late-1',
      occurredAt: new Date().toISOString(),
    });
    expect(early).toMatchObject({ status: 'retracted', points: 0 });
    const late = await send(brandId, comment('late-1', 'emil'));
    expect(late).toMatchObject({ status: 'retracted', points: 0 });
    await expectConsistent(brandId);
  });

  it('answers a batch with one outcome per event, rejecting only the invalid ones', async () => {
    const { brandId } = await brandWith([commentRule()]);
    const future = new Date(Date.now() + HOUR).toISOString();
    const response = await t
      .http()
      .post(`/api/v1/brands/${brandId}/events`)
      .set('Cookie', owner)
      .send({
        events: [
          comment('b-1', 'finn'),
          { ...comment('b-2', 'finn'), channel: 'myspace' },
          { ...comment('b-3', 'finn'), type: 'wink' },
          { ...comment('b-4', 'finn'), occurredAt: future },
          { ...comment('b-5', 'finn'), properties: { text: 'x'.repeat(17 * 1024) } },
          { ...comment('b-6', 'finn'), points: 1000 },
          { type: 'comment' },
          comment('b-1', 'finn'),
        ],
      })
      .expect(200);
    const { results } = bodyOf<{ results: Outcome[] }>(response);
    expect(results.map((r) => r.status)).toEqual([
      'awarded',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'duplicate',
    ]);
    expect(results[7]).toMatchObject({
      id: 'b-1',
      status: 'duplicate',
      originalStatus: 'awarded',
      points: 10,
      fanId: results[0]!.fanId,
    });
    expect(results[1]!.errors).toEqual([expect.objectContaining({ field: 'events.1.channel' })]);
    expect(results[2]!.errors).toEqual([expect.objectContaining({ field: 'events.2.type' })]);
    expect(results[3]!.errors?.[0]?.reason).toMatch(/future/);
    expect(results[4]!.errors?.[0]?.field).toBe('events.4.properties');
    expect(results[5]!.errors).toEqual([{ field: 'events.5.points', reason: 'is not a known field' }]);
    expect(results[6]!.errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['events.6.id', 'events.6.occurredAt']),
    );
    const stored: Array<{ n: string }> = await t.dataSource.query(
      'SELECT count(*) AS n FROM engagement_event WHERE brand_id = $1',
      [brandId],
    );
    expect(stored[0]?.n).toBe('1');
  });

  it('refuses bodies that are not events with a problem, writing nothing', async () => {
    const { brandId } = await brandWith([commentRule()]);
    const tooMany = await sendRaw(brandId, {
      events: Array.from({ length: 1001 }, (_, i) => comment(`many-${i}`, 'gus')),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.headers.get('content-type')).toMatch(PROBLEM);
    const single = await sendRaw(brandId, { ...comment('bad-1', 'gus'), occurredAt: 'yesterday' });
    expect(single.status).toBe(400);
    expect(((await single.json()) as { errors: Array<{ field: string }> }).errors[0]?.field).toBe(
      'occurredAt',
    );
    const malformed = await fetch(`${t.url}/api/v1/brands/${brandId}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: owner },
      body: '{"id": "x",',
    });
    expect(malformed.status).toBe(400);
    const counts: Array<{ events: string; fans: string }> = await t.dataSource.query(
      'SELECT (SELECT count(*) FROM engagement_event WHERE brand_id = $1) AS events, (SELECT count(*) FROM fan WHERE brand_id = $1) AS fans',
      [brandId],
    );
    expect(counts[0]).toEqual({ events: '0', fans: '0' });
  });

  it('accepts keys with events:write only, and managers but not analysts', async () => {
    const { brandId } = await brandWith([commentRule()]);
    const key = async (scopes: string[]): Promise<string> =>
      bodyOf<{ secret: string }>(
        await t
          .http()
          .post(`/api/v1/brands/${brandId}/api-keys`)
          .set('Cookie', owner)
          .send({ name: `k ${tag()}`, scopes })
          .expect(201),
      ).secret;
    const writer = await key(['events:write']);
    const reader = await key(['fans:read']);
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/events`)
      .set('Authorization', `Bearer ${writer}`)
      .send(comment('k-1', 'hana'))
      .expect(200);
    const refused = await t
      .http()
      .post(`/api/v1/brands/${brandId}/events`)
      .set('Authorization', `Bearer ${reader}`)
      .send(comment('k-2', 'hana'))
      .expect(403);
    expect(refused.body.code).toBe('insufficient_scope');
  });

  it('applies tier multipliers and records tier changes', async () => {
    const { brandId } = await brandWith([commentRule()]);
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
    const first = await send(brandId, comment('t-1', 'ida'));
    await send(brandId, comment('t-2', 'ida'));
    const third = await send(brandId, comment('t-3', 'ida'));
    expect(first.points).toBe(10);
    expect(third.points).toBe(15);
    const changes: Array<{ from_tier: string | null; to_tier: string }> = await t.dataSource.query(
      'SELECT from_tier, to_tier FROM fan_tier_change WHERE brand_id = $1 AND fan_id = $2 ORDER BY changed_at, id',
      [brandId, first.fanId],
    );
    expect(changes).toEqual([
      { from_tier: null, to_tier: 'Bronze' },
      { from_tier: 'Bronze', to_tier: 'Silver' },
    ]);
    await expectConsistent(brandId);
  });

  it('simulates what an event would earn, and why not, booking nothing', async () => {
    const { brandId, ruleIds } = await brandWith([
      commentRule([{ window: 'day', max: 1 }]),
      { ...commentRule(), name: 'TikTok only', trigger: { eventType: 'comment', channels: ['tiktok'] } },
    ]);
    const simulate = async (event: Record<string, unknown>): Promise<Record<string, unknown>> =>
      bodyOf<Record<string, unknown>>(
        await t
          .http()
          .post(`/api/v1/brands/${brandId}/rules/simulate`)
          .set('Cookie', owner)
          .send({ event })
          .expect(200),
      );
    const { id: _id, ...event } = comment('sim-1', 'jana');
    const before = await simulate(event);
    expect(before).toMatchObject({ fanId: null, points: 10 });
    expect(before.rules).toEqual([
      expect.objectContaining({ ruleId: ruleIds[0], matched: true, wouldAward: true, points: 10 }),
      expect.objectContaining({
        ruleId: ruleIds[1],
        matched: false,
        wouldAward: false,
        explanation: expect.stringMatching(/tiktok/),
      }),
    ]);
    const counts: Array<{ n: string }> = await t.dataSource.query(
      'SELECT count(*) AS n FROM fan WHERE brand_id = $1',
      [brandId],
    );
    expect(counts[0]?.n).toBe('0');

    const booked = await send(brandId, comment('sim-1', 'jana'));
    const after = await simulate(event);
    expect(after).toMatchObject({ fanId: booked.fanId, points: 0 });
    expect(after.rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ruleId: ruleIds[0],
          matched: true,
          wouldAward: false,
          limits: [expect.objectContaining({ window: 'day', max: 1, used: 1, reached: true })],
        }),
      ]),
    );
    const notMatching = await simulate({ ...event, properties: { hashtags: ['nope'] } });
    expect((notMatching.rules as Array<{ conditions: Array<{ passed: boolean }> }>)[0]?.conditions).toEqual([
      expect.objectContaining({ passed: false, actual: ['nope'] }),
    ]);
    const invalid = await t
      .http()
      .post(`/api/v1/brands/${brandId}/rules/simulate`)
      .set('Cookie', owner)
      .send({ event: { type: 'wink' } })
      .expect(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['event.type', 'event.channel']),
    );
    expect(await balanceOf(brandId, booked.fanId!)).toBe(10);
  });

  it('lets a brand with fans, events and points be deleted whole (as seed:demo does)', async () => {
    const { brandId } = await brandWith([commentRule()]);
    await send(brandId, comment('del-1', 'kai'));
    await send(brandId, {
      id: 'del-2',
      type: 'retract',
      retracts: 'del-1',
      occurredAt: new Date().toISOString(),
    });
    await t.dataSource.query('DELETE FROM brand WHERE id = $1', [brandId]);
    const left: Array<{ n: string }> = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM ledger_entry WHERE brand_id = $1) + (SELECT count(*) FROM fan WHERE brand_id = $1)
            + (SELECT count(*) FROM engagement_event WHERE brand_id = $1) AS n`,
      [brandId],
    );
    expect(left[0]?.n).toBe('0');
  });
});
