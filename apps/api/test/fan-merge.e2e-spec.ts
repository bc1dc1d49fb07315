import { LedgerCheckRepository } from '../src/ledger/ledger-check.repository';
import { bodyOf, tag } from './support/http';
import { createBrand, login } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

interface Fan {
  id: string;
  balance: number;
  lifetimePoints: number;
  identities: Array<{ channel: string; externalId: string; source: string }>;
}

describe('merging fans', () => {
  let t: TestApp;
  let owner: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await login(t);
  });
  afterAll(async () => {
    try {
      expect((await new LedgerCheckRepository(t.dataSource).check()).problems).toEqual([]);
    } finally {
      await t.close();
    }
  });

  async function brand(): Promise<string> {
    const brandId = await createBrand(t, owner, `Merge ${tag()}`);
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/campaigns`)
      .set('Cookie', owner)
      .send({
        name: 'Comments',
        startsAt: new Date(Date.now() - 86_400_000).toISOString(),
        status: 'active',
        rules: [
          {
            name: 'Comment',
            trigger: { eventType: 'comment' },
            conditions: [],
            award: { kind: 'fixed', points: 10 },
            limits: [],
          },
        ],
      })
      .expect(201);
    return brandId;
  }

  function event(id: string, channel: string, externalId: string): Record<string, unknown> {
    return { id, type: 'comment', channel, occurredAt: new Date().toISOString(), fan: { externalId } };
  }

  async function ingest(
    brandId: string,
    body: Record<string, unknown>,
  ): Promise<{ status: string; points: number; fanId: string }> {
    const response = await fetch(`${t.url}/api/v1/brands/${brandId}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: owner },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { status: string; points: number; fanId: string };
  }

  async function fan(brandId: string, id: string): Promise<Fan> {
    return bodyOf<Fan>(
      await t.http().get(`/api/v1/brands/${brandId}/fans/${id}`).set('Cookie', owner).expect(200),
    );
  }

  it('moves identities, events and points; the merged id keeps resolving; nothing is lost', async () => {
    const brandId = await brand();
    const a = await ingest(brandId, event('a-1', 'instagram', 'insta-anna'));
    await ingest(brandId, event('a-2', 'instagram', 'insta-anna'));
    const b = await ingest(brandId, event('b-1', 'store', 'kunde-anna'));
    const merged = bodyOf<Fan>(
      await t
        .http()
        .post(`/api/v1/brands/${brandId}/fans/${a.fanId}/merge`)
        .set('Cookie', owner)
        .send({ fanId: b.fanId })
        .expect(200),
    );
    expect(merged).toMatchObject({ id: a.fanId, balance: 30, lifetimePoints: 30 });
    expect(merged.identities.map((i) => `${i.channel}:${i.externalId}:${i.source}`).sort()).toEqual([
      'instagram:insta-anna:first_sight',
      'store:kunde-anna:merge',
    ]);
    expect((await fan(brandId, b.fanId)).id).toBe(a.fanId);
    const ledger = bodyOf<{ items: Array<{ kind: string; points: number }> }>(
      await t.http().get(`/api/v1/brands/${brandId}/fans/${a.fanId}/ledger`).set('Cookie', owner).expect(200),
    );
    expect(ledger.items.map((e) => e.points).sort((x, y) => x - y)).toEqual([-10, 10, 10, 10, 10]);
    const exported = await t
      .http()
      .get(`/api/v1/brands/${brandId}/fans/${a.fanId}/export`)
      .set('Cookie', owner)
      .expect(200);
    expect(exported.body.events.map((e: { id: string }) => e.id).sort()).toEqual(['a-1', 'a-2', 'b-1']);

    // New events of the merged identity go to the survivor; retracting its old event takes from the survivor.
    const next = await ingest(brandId, event('b-2', 'store', 'kunde-anna'));
    expect(next.fanId).toBe(a.fanId);
    const retracted = await ingest(brandId, {
      id: 'r-b-1',
      type: 'retract',
      retracts: 'b-1',
      occurredAt: new Date().toISOString(),
    });
    expect(retracted).toMatchObject({ status: 'retracted', points: -10, fanId: a.fanId });
    expect(await fan(brandId, a.fanId)).toMatchObject({ balance: 30, lifetimePoints: 30 });

    const again = await t
      .http()
      .post(`/api/v1/brands/${brandId}/fans/${a.fanId}/merge`)
      .set('Cookie', owner)
      .send({ fanId: b.fanId })
      .expect(409);
    expect(again.body.code).toBe('already_merged');
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/fans/${a.fanId}/merge`)
      .set('Cookie', owner)
      .send({ fanId: 'nope' })
      .expect(400);
  });

  it('keeps every awarded point when fans are merged during concurrent ingestion for both', async () => {
    const brandId = await brand();
    const a = await ingest(brandId, event('ca-0', 'instagram', 'c-insta'));
    const b = await ingest(brandId, event('cb-0', 'store', 'c-store'));
    const requests: Array<Promise<{ status: string; points: number } | null>> = [];
    for (let i = 1; i <= 20; i += 1) {
      requests.push(ingest(brandId, event(`ca-${i}`, 'instagram', 'c-insta')));
      requests.push(ingest(brandId, event(`cb-${i}`, 'store', 'c-store')));
      if (i === 10) {
        requests.push(
          fetch(`${t.url}/api/v1/brands/${brandId}/fans/${a.fanId}/merge`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: owner },
            body: JSON.stringify({ fanId: b.fanId }),
          }).then((response) => {
            expect(response.status).toBe(200);
            return null;
          }),
        );
      }
    }
    const outcomes = (await Promise.all(requests)).filter(
      (o): o is { status: string; points: number } => o !== null,
    );
    const awarded = outcomes.reduce((sum, o) => sum + o.points, 0) + a.points + b.points;
    expect(awarded).toBe(420);
    const rows: Array<{ total: string }> = await t.dataSource.query(
      'SELECT sum(balance) AS total FROM fan WHERE brand_id = $1',
      [brandId],
    );
    expect(Number(rows[0]?.total)).toBe(awarded);
    expect(await fan(brandId, a.fanId)).toMatchObject({ balance: awarded, lifetimePoints: awarded });
    expect((await new LedgerCheckRepository(t.dataSource).check(brandId)).problems).toEqual([]);
  });
});
