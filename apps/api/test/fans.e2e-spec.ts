import { LedgerCheckRepository } from '../src/ledger/ledger-check.repository';
import { bodyOf, tag } from './support/http';
import { addMember, createBrand, login } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

interface Fan {
  id: string;
  displayName: string | null;
  balance: number;
  lifetimePoints: number;
  tier: string | null;
  identities: Array<{ channel: string; externalId: string; handle: string | null }>;
  lastActiveAt: string;
}

interface LedgerEntry {
  id: string;
  kind: string;
  points: number;
  reason: string;
  ruleId: string | null;
  explanation: Record<string, unknown> | null;
  actor: string | null;
}

describe('fans', () => {
  let t: TestApp;
  let owner: string;
  let brandId: string;
  const fanIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    owner = await login(t);
    brandId = await createBrand(t, owner, `Fans ${tag()}`);
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/campaigns`)
      .set('Cookie', owner)
      .send({
        name: 'Reviews',
        startsAt: new Date(Date.now() - 86_400_000).toISOString(),
        status: 'active',
        rules: [
          {
            name: 'Review',
            trigger: { eventType: 'review' },
            conditions: [],
            award: { kind: 'fixed', points: 50 },
            limits: [],
          },
        ],
      })
      .expect(201);
    const people = [
      { externalId: 'ig-1', handle: '@anna.backt', displayName: 'Anna Bäcker', reviews: 1 },
      { externalId: 'ig-2', handle: '@bernd', displayName: 'Bernd Brot', reviews: 3 },
      { externalId: 'ig-3', handle: '@clara', displayName: 'Clara Croissant', reviews: 2 },
    ];
    for (const [p, person] of people.entries()) {
      for (let i = 0; i < person.reviews; i += 1) {
        const response = await t
          .http()
          .post(`/api/v1/brands/${brandId}/events`)
          .set('Cookie', owner)
          .send({
            id: `review-${person.externalId}-${i}`,
            type: 'review',
            channel: 'instagram',
            occurredAt: new Date(Date.now() - (10 - p) * 60_000 + i).toISOString(),
            fan: { externalId: person.externalId, handle: person.handle, displayName: person.displayName },
            properties: { rating: 5 },
          })
          .expect(200);
        fanIds[person.externalId] = (response.body as { fanId: string }).fanId;
      }
    }
  });
  afterAll(async () => {
    try {
      const report = await new LedgerCheckRepository(t.dataSource).check(brandId);
      expect(report.problems).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('lists fans by last activity, or by points, with cursor paging', async () => {
    const byActivity = bodyOf<{ items: Fan[] }>(
      await t.http().get(`/api/v1/brands/${brandId}/fans`).set('Cookie', owner).expect(200),
    );
    expect(byActivity.items.map((fan) => fan.displayName)).toEqual([
      'Clara Croissant',
      'Bernd Brot',
      'Anna Bäcker',
    ]);
    const first = bodyOf<{ items: Fan[]; nextCursor: string }>(
      await t
        .http()
        .get(`/api/v1/brands/${brandId}/fans?sort=points&limit=2`)
        .set('Cookie', owner)
        .expect(200),
    );
    expect(first.items.map((fan) => fan.balance)).toEqual([150, 100]);
    const second = bodyOf<{ items: Fan[]; nextCursor: string | null }>(
      await t
        .http()
        .get(`/api/v1/brands/${brandId}/fans?sort=points&limit=2&cursor=${first.nextCursor}`)
        .set('Cookie', owner)
        .expect(200),
    );
    expect(second.items.map((fan) => fan.displayName)).toEqual(['Anna Bäcker']);
    expect(second.nextCursor).toBeNull();
  });

  it('searches names, handles and external ids', async () => {
    const search = async (q: string): Promise<string[]> =>
      bodyOf<{ items: Fan[] }>(
        await t.http().get(`/api/v1/brands/${brandId}/fans`).query({ q }).set('Cookie', owner).expect(200),
      ).items.map((fan) => fan.displayName ?? '');
    expect(await search('bäcker')).toEqual(['Anna Bäcker']);
    expect(await search('@bernd')).toEqual(['Bernd Brot']);
    expect(await search('ig-3')).toEqual(['Clara Croissant']);
    expect(await search('100%')).toEqual([]);
  });

  it('shows a fan with identities and an explained ledger', async () => {
    const fan = bodyOf<Fan>(
      await t.http().get(`/api/v1/brands/${brandId}/fans/${fanIds['ig-2']}`).set('Cookie', owner).expect(200),
    );
    expect(fan).toMatchObject({
      balance: 150,
      lifetimePoints: 150,
      identities: [{ channel: 'instagram', externalId: 'ig-2', handle: '@bernd' }],
    });
    const ledger = bodyOf<{ items: LedgerEntry[] }>(
      await t.http().get(`/api/v1/brands/${brandId}/fans/${fan.id}/ledger`).set('Cookie', owner).expect(200),
    );
    expect(ledger.items).toHaveLength(3);
    expect(ledger.items[0]).toMatchObject({
      kind: 'earn',
      points: 50,
      ruleName: 'Review',
      campaignName: 'Reviews',
      eventExternalId: 'review-ig-2-2',
      explanation: expect.objectContaining({ rule: 'Review' }),
    });
    await t
      .http()
      .get(`/api/v1/brands/${brandId}/fans/00000000-0000-7000-8000-000000000000`)
      .set('Cookie', owner)
      .expect(404);
  });

  it("shows the fan's events with their outcomes, newest first, page by page", async () => {
    const fanId = fanIds['ig-2']!;
    // One more event that earns nothing, and a retraction of the first review.
    for (const body of [
      {
        id: `comment-${tag()}`,
        type: 'comment',
        channel: 'instagram',
        occurredAt: new Date().toISOString(),
        fan: { externalId: 'ig-2' },
      },
      { id: 'retract-review-ig-2-0', type: 'retract', retracts: 'review-ig-2-0' },
    ]) {
      await t.http().post(`/api/v1/brands/${brandId}/events`).set('Cookie', owner).send(body).expect(200);
    }
    const url = `/api/v1/brands/${brandId}/fans/${fanId}/events`;
    const first = bodyOf<{ items: Array<Record<string, unknown>>; nextCursor: string | null }>(
      await t.http().get(`${url}?limit=2`).set('Cookie', owner).expect(200),
    );
    const rest = bodyOf<{ items: Array<Record<string, unknown>>; nextCursor: string | null }>(
      await t.http().get(`${url}?limit=10&cursor=${first.nextCursor}`).set('Cookie', owner).expect(200),
    );
    expect(rest.nextCursor).toBeNull();
    const events = [...first.items, ...rest.items];
    expect(events.map((event) => [event.type, event.status, event.points])).toEqual([
      ['retract', 'retracted', -50],
      ['comment', 'no_match', 0],
      ['review', 'awarded', 50],
      ['review', 'awarded', 50],
      ['review', 'awarded', 50],
    ]);
    expect(events[0]).toMatchObject({
      retracts: 'review-ig-2-0',
      awards: [{ ruleName: 'Review', campaignName: 'Reviews', points: -50 }],
    });
    expect(events[4]).toMatchObject({
      externalId: 'review-ig-2-0',
      retractedAt: expect.any(String),
      awards: [{ ruleName: 'Review', campaignName: 'Reviews', points: 50 }],
    });
    await t.http().get(`${url}?cursor=not-a-cursor`).set('Cookie', owner).expect(400);
  });

  it('adjusts points by hand, once per Idempotency-Key, never below zero', async () => {
    const fanId = fanIds['ig-1']!;
    const url = `/api/v1/brands/${brandId}/fans/${fanId}/adjustments`;
    const key = `adj-${tag()}`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(`${t.url}${url}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: owner, 'idempotency-key': key },
          body: JSON.stringify({ points: 25, reason: 'Goodwill' }),
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const entries = await Promise.all(
      results.map(async (r) => ((await r.json()) as { entry: LedgerEntry }).entry.id),
    );
    expect(new Set(entries).size).toBe(1);
    const fan = bodyOf<Fan>(
      await t.http().get(`/api/v1/brands/${brandId}/fans/${fanId}`).set('Cookie', owner).expect(200),
    );
    expect(fan.balance).toBe(75);
    expect(fan.lifetimePoints).toBe(50);

    const reused = await t
      .http()
      .post(url)
      .set('Cookie', owner)
      .set('Idempotency-Key', key)
      .send({ points: 99, reason: 'Goodwill' })
      .expect(409);
    expect(reused.body.code).toBe('idempotency_key_reused');
    const tooMuch = await t
      .http()
      .post(url)
      .set('Cookie', owner)
      .send({ points: -76, reason: 'Correction' })
      .expect(409);
    expect(tooMuch.body.code).toBe('insufficient_balance');
    const taken = await t
      .http()
      .post(url)
      .set('Cookie', owner)
      .send({ points: -75, reason: 'Correction' })
      .expect(201);
    expect(taken.body.fan.balance).toBe(0);
    expect(taken.body.entry).toMatchObject({
      kind: 'adjust',
      points: -75,
      reason: 'Correction',
      actor: 'owner@example.com',
    });
    const invalid = await t
      .http()
      .post(url)
      .set('Cookie', owner)
      .send({ points: 0, reason: ' ' })
      .expect(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['points', 'reason']);
  });

  it('lets analysts read but not adjust, and keys need the right scope', async () => {
    const analyst = await addMember(t, owner, brandId, `analyst-${tag()}@example.com`, 'analyst');
    await t.http().get(`/api/v1/brands/${brandId}/fans`).set('Cookie', analyst.cookie).expect(200);
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/fans/${fanIds['ig-3']}/adjustments`)
      .set('Cookie', analyst.cookie)
      .send({ points: 5, reason: 'x' })
      .expect(403);
    const key = bodyOf<{ secret: string }>(
      await t
        .http()
        .post(`/api/v1/brands/${brandId}/api-keys`)
        .set('Cookie', owner)
        .send({ name: 'CRM', scopes: ['fans:read'] })
        .expect(201),
    ).secret;
    await t.http().get(`/api/v1/brands/${brandId}/fans`).set('Authorization', `Bearer ${key}`).expect(200);
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/fans/${fanIds['ig-3']}/adjustments`)
      .set('Authorization', `Bearer ${key}`)
      .send({ points: 5, reason: 'x' })
      .expect(403);
    const other = await createBrand(t, owner, `Other ${tag()}`);
    await t.http().get(`/api/v1/brands/${other}/fans/${fanIds['ig-3']}`).set('Cookie', owner).expect(404);
  });

  it('exports everything about a fan, then erases the personal data but keeps the totals', async () => {
    const fanId = fanIds['ig-3']!;
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/fans/${fanId}/adjustments`)
      .set('Cookie', owner)
      .send({ points: 5, reason: 'Birthday' })
      .expect(201);
    const exported = await t
      .http()
      .get(`/api/v1/brands/${brandId}/fans/${fanId}/export`)
      .set('Cookie', owner)
      .expect(200);
    expect(exported.headers['content-disposition']).toContain(`fan-${fanId}.json`);
    expect(exported.body.fan).toMatchObject({ id: fanId, displayName: 'Clara Croissant', balance: 105 });
    expect(exported.body.events).toHaveLength(2);
    expect(exported.body.events[0]).toMatchObject({
      type: 'review',
      channel: 'instagram',
      properties: { rating: 5 },
    });
    expect(exported.body.ledger.map((e: LedgerEntry) => e.kind)).toEqual(['earn', 'earn', 'adjust']);

    const erased = bodyOf<Fan & { erasedAt: string | null; email: string | null }>(
      await t.http().post(`/api/v1/brands/${brandId}/fans/${fanId}/erase`).set('Cookie', owner).expect(200),
    );
    expect(erased).toMatchObject({ displayName: null, email: null, balance: 105, lifetimePoints: 100 });
    expect(erased.erasedAt).not.toBeNull();
    expect(erased.identities[0]).toMatchObject({
      handle: null,
      externalId: expect.stringMatching(/^erased:/),
    });
    const after = JSON.stringify(
      (await t.http().get(`/api/v1/brands/${brandId}/fans/${fanId}/export`).set('Cookie', owner).expect(200))
        .body,
    );
    expect(after).not.toMatch(/Clara|@clara|"ig-3"/);
    const audit = JSON.stringify(
      (await t.http().get(`/api/v1/brands/${brandId}/audit-log`).set('Cookie', owner).expect(200)).body,
    );
    expect(audit).not.toContain('Clara');
    // The old delivery is a duplicate; nothing re-creates the erased fan from it.
    const replay = await t
      .http()
      .post(`/api/v1/brands/${brandId}/events`)
      .set('Cookie', owner)
      .send({
        id: 'review-ig-3-0',
        type: 'review',
        channel: 'instagram',
        occurredAt: new Date().toISOString(),
        fan: { externalId: 'ig-3', displayName: 'Clara Croissant' },
      })
      .expect(200);
    expect(replay.body.status).toBe('duplicate');
    const again = await t
      .http()
      .post(`/api/v1/brands/${brandId}/fans/${fanId}/erase`)
      .set('Cookie', owner)
      .expect(200);
    expect(again.body.erasedAt).toBe(erased.erasedAt);
  });
});
