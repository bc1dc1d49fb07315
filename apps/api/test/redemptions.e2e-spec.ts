import { LedgerCheckRepository } from '../src/ledger/ledger-check.repository';
import { type RedemptionDto, type RedemptionPageDto } from '../src/redemptions/dto/redemption.dto';
import { type RewardDto } from '../src/rewards/dto/reward.dto';
import { bodyOf, type Problem, PROBLEM, tag } from './support/http';
import { addMember, createBrand, login } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const DAY = 24 * 60 * 60 * 1000;
const ADDRESS = {
  name: 'Anna Bäcker',
  street: 'Hauptstr. 1',
  postalCode: '10115',
  city: 'Berlin',
  country: 'DE',
};

/** A redemption or a problem: both have a `status` (the redemption's, or the HTTP status). */
type AnswerBody = Omit<RedemptionDto, 'status'> &
  Omit<Problem, 'status'> & { status: RedemptionDto['status'] | Problem['status'] };

interface Answer {
  status: number;
  body: AnswerBody;
}

describe('redemptions', () => {
  let t: TestApp;
  let owner: string;
  const brands: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    owner = await login(t);
  });
  afterAll(async () => {
    try {
      for (const brandId of brands) {
        const report = await new LedgerCheckRepository(t.dataSource).check(brandId);
        expect(report.problems).toEqual([]);
      }
    } finally {
      await t.close();
    }
  });

  async function newBrand(): Promise<string> {
    const brandId = await createBrand(t, owner, `Einlösen ${tag()}`);
    brands.push(brandId);
    return brandId;
  }

  async function expectLedgerHolds(brandId: string): Promise<void> {
    const report = await new LedgerCheckRepository(t.dataSource).check(brandId);
    expect(report.problems).toEqual([]);
  }

  async function reward(brandId: string, body: object): Promise<RewardDto> {
    const response = await t.http().post(`/api/v1/brands/${brandId}/rewards`).set('Cookie', owner).send(body);
    expect(response.status).toBe(201);
    return bodyOf<RewardDto>(response);
  }

  /** A fan created by ingesting an event, given `points` by an adjustment. */
  async function fan(brandId: string, points: number, name = `Fan ${tag()}`): Promise<string> {
    const externalId = `ig-${tag()}`;
    const response = await t
      .http()
      .post(`/api/v1/brands/${brandId}/events`)
      .set('Cookie', owner)
      .send({
        id: `hello-${externalId}`,
        type: 'comment',
        channel: 'instagram',
        occurredAt: new Date().toISOString(),
        fan: { externalId, displayName: name },
      })
      .expect(200);
    const fanId = (response.body as { fanId: string }).fanId;
    if (points > 0) {
      await t
        .http()
        .post(`/api/v1/brands/${brandId}/fans/${fanId}/adjustments`)
        .set('Cookie', owner)
        .set('Idempotency-Key', `grant-${fanId}`)
        .send({ points, reason: 'Welcome points' })
        .expect(201);
    }
    return fanId;
  }

  /** A real HTTP request of its own, so that requests sent together run in parallel. */
  async function redeem(
    brandId: string,
    fanId: string,
    body: object,
    key: string | null = `key-${tag()}`,
    cookie = owner,
  ): Promise<Answer> {
    const response = await fetch(`${t.url}/api/v1/brands/${brandId}/fans/${fanId}/redemptions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie,
        ...(key === null ? {} : { 'idempotency-key': key }),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as AnswerBody };
  }

  async function post(path: string, body: object = {}, cookie = owner): Promise<Answer> {
    const response = await fetch(`${t.url}/api/v1/brands/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as AnswerBody };
  }

  async function balanceOf(brandId: string, fanId: string): Promise<number> {
    const [row] = await t.dataSource.query<Array<{ balance: string }>>(
      'SELECT balance FROM fan WHERE brand_id = $1 AND id = $2',
      [brandId, fanId],
    );
    return Number(row?.balance);
  }

  async function stockOf(brandId: string, rewardId: string): Promise<number | null> {
    const [row] = await t.dataSource.query<Array<{ stock: number | null }>>(
      'SELECT stock FROM reward WHERE brand_id = $1 AND id = $2',
      [brandId, rewardId],
    );
    return row?.stock ?? null;
  }

  function statuses(answers: Answer[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const answer of answers) {
      const key = answer.status === 201 ? '201' : `${answer.status} ${answer.body.code}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  it('lets 100 concurrent redemptions by one fan take exactly what the balance covers', async () => {
    const brandId = await newBrand();
    const bag = await reward(brandId, {
      nameDe: 'Sticker',
      nameEn: 'Sticker',
      costPoints: 100,
      kind: 'custom',
    });
    const fanId = await fan(brandId, 350);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => redeem(brandId, fanId, { rewardId: bag.id })),
    );
    expect(statuses(answers)).toEqual({ '201': 3, '409 insufficient_points': 97 });
    expect(await balanceOf(brandId, fanId)).toBe(50);
    const [entries] = await t.dataSource.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM ledger_entry WHERE brand_id = $1 AND kind = 'redeem'`,
      [brandId],
    );
    expect(Number(entries?.n)).toBe(3);
    await expectLedgerHolds(brandId);
  });

  it('sells a stock of 10 to exactly 10 of 50 fans redeeming at once', async () => {
    const brandId = await newBrand();
    const bag = await reward(brandId, {
      nameDe: 'Stofftasche',
      nameEn: 'Tote bag',
      costPoints: 500,
      kind: 'physical',
      stock: 10,
    });
    const fans = await Promise.all(Array.from({ length: 50 }, () => fan(brandId, 500)));
    const answers = await Promise.all(
      fans.map((fanId) => redeem(brandId, fanId, { rewardId: bag.id, shippingAddress: ADDRESS })),
    );
    expect(statuses(answers)).toEqual({ '201': 10, '409 out_of_stock': 40 });
    expect(await stockOf(brandId, bag.id)).toBe(0);
    const won = answers.filter((answer) => answer.status === 201).map((answer) => answer.body);
    expect(won.every((body) => body.status === 'pending' && body.shippingAddress?.country === 'DE')).toBe(
      true,
    );
    const balances = await Promise.all(fans.map((fanId) => balanceOf(brandId, fanId)));
    expect(balances.filter((balance) => balance === 0)).toHaveLength(10);
    await expectLedgerHolds(brandId);
  });

  it('hands each of 10 coupon codes to one of 30 fans redeeming at once, never a code twice', async () => {
    const brandId = await newBrand();
    const coffee = await reward(brandId, {
      nameDe: 'Kaffee',
      nameEn: 'Coffee',
      costPoints: 150,
      kind: 'coupon',
    });
    const codes = Array.from({ length: 10 }, (_, i) => `KAFFEE-${i}`);
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/rewards/${coffee.id}/codes`)
      .set('Cookie', owner)
      .send({ codes })
      .expect(200);
    const fans = await Promise.all(Array.from({ length: 30 }, () => fan(brandId, 150)));
    const answers = await Promise.all(fans.map((fanId) => redeem(brandId, fanId, { rewardId: coffee.id })));
    expect(statuses(answers)).toEqual({ '201': 10, '409 out_of_stock': 20 });
    const handedOut = answers.filter((answer) => answer.status === 201).map((answer) => answer.body);
    expect(handedOut.every((body) => body.status === 'fulfilled')).toBe(true);
    expect(new Set(handedOut.map((body) => body.code)).size).toBe(10);
    expect(handedOut.map((body) => body.code).sort()).toEqual([...codes].sort());
    const assigned = await t.dataSource.query<Array<{ n: string; holders: string }>>(
      `SELECT count(*) AS n, count(DISTINCT redemption_id) AS holders FROM reward_code
        WHERE brand_id = $1 AND assigned_at IS NOT NULL`,
      [brandId],
    );
    expect(assigned[0]).toEqual({ n: '10', holders: '10' });
    await expectLedgerHolds(brandId);
  });

  it('answers the same Idempotency-Key sent 10 times at once with one redemption', async () => {
    const brandId = await newBrand();
    const book = await reward(brandId, {
      nameDe: 'Rezeptbuch',
      nameEn: 'Recipe book',
      costPoints: 300,
      kind: 'download',
      downloadUrl: 'https://cdn.example.com/recipes.pdf',
    });
    const fanId = await fan(brandId, 1000);
    const key = `retry-${tag()}`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => redeem(brandId, fanId, { rewardId: book.id }, key)),
    );
    expect(statuses(answers)).toEqual({ '201': 10 });
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    expect(answers[0]?.body.status).toBe('fulfilled');
    expect(await balanceOf(brandId, fanId)).toBe(700);
    const another = await reward(brandId, {
      nameDe: 'Anderes',
      nameEn: 'Other',
      costPoints: 1,
      kind: 'custom',
    });
    const reused = await redeem(brandId, fanId, { rewardId: another.id }, key);
    expect({ status: reused.status, code: reused.body.code }).toEqual({
      status: 409,
      code: 'idempotency_key_reused',
    });
    const missing = await redeem(brandId, fanId, { rewardId: book.id }, null);
    expect({ status: missing.status, code: missing.body.code }).toEqual({
      status: 400,
      code: 'idempotency_key_required',
    });
    expect(await balanceOf(brandId, fanId)).toBe(700);
    await expectLedgerHolds(brandId);
  });

  it('refunds and restocks once when a cancellation arrives twice at once', async () => {
    const brandId = await newBrand();
    const bag = await reward(brandId, {
      nameDe: 'Tasche',
      nameEn: 'Bag',
      costPoints: 200,
      kind: 'physical',
      stock: 5,
    });
    const fanId = await fan(brandId, 500);
    const created = await redeem(brandId, fanId, { rewardId: bag.id, shippingAddress: ADDRESS });
    expect(created.status).toBe(201);
    expect(await stockOf(brandId, bag.id)).toBe(4);
    const answers = await Promise.all(
      Array.from({ length: 2 }, () =>
        post(`${brandId}/redemptions/${created.body.id}/cancel`, { reason: 'Out of bags' }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 409)?.body.code).toBe('already_cancelled');
    expect(await balanceOf(brandId, fanId)).toBe(500);
    expect(await stockOf(brandId, bag.id)).toBe(5);
    const [refunds] = await t.dataSource.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM ledger_entry WHERE brand_id = $1 AND kind = 'refund'`,
      [brandId],
    );
    expect(Number(refunds?.n)).toBe(1);
    const cancelled = answers.find((answer) => answer.status === 200)!.body;
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Out of bags' });
    const again = await post(`${brandId}/redemptions/${created.body.id}/fulfil`);
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'already_cancelled',
    });
    await expectLedgerHolds(brandId);
  });

  it('refuses each reason with its own 409 code', async () => {
    const brandId = await newBrand();
    await t
      .http()
      .put(`/api/v1/brands/${brandId}/tiers`)
      .set('Cookie', owner)
      .send({
        basis: 'lifetime',
        tiers: [
          { name: 'Bronze', threshold: 0, multiplier: 1 },
          { name: 'Gold', threshold: 1000, multiplier: 1.5 },
        ],
      })
      .expect(200);
    const base = { nameDe: 'Prämie', nameEn: 'Reward', costPoints: 100, kind: 'custom' };
    const inactive = await reward(brandId, { ...base, active: false });
    const early = await reward(brandId, { ...base, availableFrom: new Date(Date.now() + DAY).toISOString() });
    const late = await reward(brandId, {
      ...base,
      availableFrom: new Date(Date.now() - 2 * DAY).toISOString(),
      availableUntil: new Date(Date.now() - DAY).toISOString(),
    });
    const gold = await reward(brandId, { ...base, minTier: 'Gold' });
    const monthly = await reward(brandId, { ...base, perFanLimit: 1, perFanPeriod: 'month' });
    const once = await reward(brandId, { ...base, perFanLimit: 1, perFanPeriod: 'lifetime' });
    const pricey = await reward(brandId, { ...base, costPoints: 100_000 });
    const gone = await reward(brandId, { ...base, stock: 0 });
    const emptyPool = await reward(brandId, { ...base, kind: 'coupon' });
    const fanId = await fan(brandId, 1000);

    const code = async (rewardId: string): Promise<string> => {
      const answer = await redeem(brandId, fanId, { rewardId });
      expect(answer.status).toBe(409);
      return answer.body.code;
    };
    expect(await code(inactive.id)).toBe('reward_inactive');
    expect(await code(early.id)).toBe('reward_not_available_yet');
    expect(await code(late.id)).toBe('reward_no_longer_available');
    expect(await code(gold.id)).toBe('tier_too_low');
    expect((await redeem(brandId, fanId, { rewardId: monthly.id })).status).toBe(201);
    expect(await code(monthly.id)).toBe('fan_limit_reached');
    const first = await redeem(brandId, fanId, { rewardId: once.id });
    expect(first.status).toBe(201);
    expect(await code(once.id)).toBe('fan_limit_reached');
    // A cancelled redemption does not count against the limit.
    expect((await post(`${brandId}/redemptions/${first.body.id}/cancel`, { reason: 'Mistake' })).status).toBe(
      200,
    );
    expect((await redeem(brandId, fanId, { rewardId: once.id })).status).toBe(201);
    expect(await code(pricey.id)).toBe('insufficient_points');
    expect(await code(gone.id)).toBe('out_of_stock');
    expect(await code(emptyPool.id)).toBe('out_of_stock');

    await t.http().post(`/api/v1/brands/${brandId}/fans/${fanId}/erase`).set('Cookie', owner).expect(200);
    expect(await code(monthly.id)).toBe('fan_erased');
    expect(await balanceOf(brandId, fanId)).toBe(800);
    await expectLedgerHolds(brandId);
  });

  it('needs a valid shipping address for physical rewards, and only for them', async () => {
    const brandId = await newBrand();
    const bag = await reward(brandId, { nameDe: 'Tasche', nameEn: 'Bag', costPoints: 10, kind: 'physical' });
    const sticker = await reward(brandId, {
      nameDe: 'Sticker',
      nameEn: 'Sticker',
      costPoints: 10,
      kind: 'custom',
    });
    const fanId = await fan(brandId, 100);
    const without = await redeem(brandId, fanId, { rewardId: bag.id });
    expect(without.status).toBe(400);
    expect(without.body.errors).toEqual([
      { field: 'shippingAddress', reason: expect.stringContaining('required') },
    ]);
    const bad = await redeem(brandId, fanId, {
      rewardId: bag.id,
      shippingAddress: { ...ADDRESS, country: 'Germany', city: '' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.field).sort()).toEqual([
      'shippingAddress.city',
      'shippingAddress.country',
    ]);
    const notShipped = await redeem(brandId, fanId, { rewardId: sticker.id, shippingAddress: ADDRESS });
    expect(notShipped.status).toBe(400);
    const ok = await redeem(brandId, fanId, {
      rewardId: bag.id,
      shippingAddress: { ...ADDRESS, country: 'at' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.shippingAddress).toEqual({ ...ADDRESS, country: 'AT' });
    expect(await balanceOf(brandId, fanId)).toBe(90);
    await expectLedgerHolds(brandId);
  });

  it('fulfils pending redemptions once, and lets analysts read but not redeem, fulfil or cancel', async () => {
    const brandId = await newBrand();
    const cls = await reward(brandId, {
      nameDe: 'Backkurs',
      nameEn: 'Baking class',
      costPoints: 50,
      kind: 'custom',
    });
    const coffee = await reward(brandId, {
      nameDe: 'Kaffee',
      nameEn: 'Coffee',
      costPoints: 20,
      kind: 'coupon',
    });
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/rewards/${coffee.id}/codes`)
      .set('Cookie', owner)
      .send({ codes: ['CODE-1'] })
      .expect(200);
    const fanId = await fan(brandId, 200, 'Clara Croissant');
    const analyst = await addMember(t, owner, brandId, `analyst-${tag()}@example.com`, 'analyst');
    const pending = await redeem(brandId, fanId, { rewardId: cls.id });
    expect(pending.body).toMatchObject({ status: 'pending', points: 50, fanDisplayName: 'Clara Croissant' });
    const coupon = await redeem(brandId, fanId, { rewardId: coffee.id });
    expect(coupon.body).toMatchObject({ status: 'fulfilled', code: 'CODE-1', rewardNameEn: 'Coffee' });

    expect((await redeem(brandId, fanId, { rewardId: cls.id }, `a-${tag()}`, analyst.cookie)).status).toBe(
      403,
    );
    expect((await post(`${brandId}/redemptions/${pending.body.id}/fulfil`, {}, analyst.cookie)).status).toBe(
      403,
    );
    expect(
      (await post(`${brandId}/redemptions/${pending.body.id}/cancel`, { reason: 'x' }, analyst.cookie))
        .status,
    ).toBe(403);
    const seen = bodyOf<RedemptionDto>(
      await t
        .http()
        .get(`/api/v1/brands/${brandId}/redemptions/${coupon.body.id}`)
        .set('Cookie', analyst.cookie)
        .expect(200),
    );
    expect(seen.status).toBe('fulfilled');
    expect(seen).not.toHaveProperty('code');

    const fulfilled = await post(`${brandId}/redemptions/${pending.body.id}/fulfil`);
    expect(fulfilled.body).toMatchObject({ status: 'fulfilled' });
    expect(fulfilled.body.fulfilledAt).not.toBeNull();
    const twice = await post(`${brandId}/redemptions/${pending.body.id}/fulfil`);
    expect({ status: twice.status, code: twice.body.code }).toEqual({
      status: 409,
      code: 'already_fulfilled',
    });
    const cancelled = await post(`${brandId}/redemptions/${coupon.body.id}/cancel`, { reason: 'Complaint' });
    expect(cancelled.body.status).toBe('cancelled');
    // The fulfilled coupon's code was shown: it stays spent.
    const [held] = await t.dataSource.query<Array<{ assigned: boolean }>>(
      'SELECT assigned_at IS NOT NULL AS assigned FROM reward_code WHERE brand_id = $1',
      [brandId],
    );
    expect(held?.assigned).toBe(true);
    expect((await post(`${brandId}/redemptions/${coupon.body.id}/cancel`, { reason: 'x' })).status).toBe(409);
    expect(await balanceOf(brandId, fanId)).toBe(150);
    const missing = await t
      .http()
      .post(`/api/v1/brands/${brandId}/redemptions/${fanId}/fulfil`)
      .set('Cookie', owner)
      .expect(404)
      .expect('Content-Type', PROBLEM);
    expect(bodyOf<Problem>(missing).code).toBe('not_found');

    const audit = await t
      .http()
      .get(`/api/v1/brands/${brandId}/audit-log`)
      .query({ limit: 200 })
      .set('Cookie', owner)
      .expect(200);
    const actions = (audit.body as { items: Array<{ action: string }> }).items.map((entry) => entry.action);
    expect(actions.filter((action) => action.startsWith('redemption.')).sort()).toEqual([
      'redemption.cancelled',
      'redemption.created',
      'redemption.created',
      'redemption.fulfilled',
    ]);
    await expectLedgerHolds(brandId);
  });

  it('lists with filters and cursor paging, and exports the same as CSV', async () => {
    const brandId = await newBrand();
    const cls = await reward(brandId, {
      nameDe: 'Kurs, "Brot"',
      nameEn: 'Class',
      costPoints: 10,
      kind: 'custom',
    });
    const other = await reward(brandId, {
      nameDe: 'Sticker',
      nameEn: 'Sticker',
      costPoints: 10,
      kind: 'custom',
    });
    const anna = await fan(brandId, 100, 'Anna');
    const bernd = await fan(brandId, 100, 'Bernd');
    const made: RedemptionDto[] = [];
    for (const [fanId, rewardId] of [
      [anna, cls.id],
      [bernd, cls.id],
      [anna, other.id],
      [bernd, other.id],
      [anna, cls.id],
    ] as const) {
      const answer = await redeem(brandId, fanId, { rewardId });
      expect(answer.status).toBe(201);
      made.push(answer.body as RedemptionDto);
    }
    await post(`${brandId}/redemptions/${made[0]!.id}/cancel`, { reason: 'Oops' });

    const list = async (query: Record<string, string | number>, cookie = owner): Promise<RedemptionPageDto> =>
      bodyOf<RedemptionPageDto>(
        await t
          .http()
          .get(`/api/v1/brands/${brandId}/redemptions`)
          .query(query)
          .set('Cookie', cookie)
          .expect(200),
      );
    const all = await list({});
    expect(all.items.map((item) => item.id)).toEqual(made.map((item) => item.id).reverse());
    expect((await list({ fanId: anna })).items).toHaveLength(3);
    expect((await list({ rewardId: other.id })).items).toHaveLength(2);
    expect((await list({ status: 'cancelled' })).items.map((item) => item.id)).toEqual([made[0]!.id]);
    expect((await list({ from: new Date(Date.now() + DAY).toISOString() })).items).toEqual([]);
    expect((await list({ to: new Date(Date.now() + DAY).toISOString(), fanId: bernd })).items).toHaveLength(
      2,
    );
    const first = await list({ limit: 2 });
    const second = await list({ limit: 2, cursor: first.nextCursor! });
    const third = await list({ limit: 2, cursor: second.nextCursor! });
    expect([...first.items, ...second.items, ...third.items].map((item) => item.id)).toEqual(
      all.items.map((item) => item.id),
    );
    expect(third.nextCursor).toBeNull();
    await t
      .http()
      .get(`/api/v1/brands/${brandId}/redemptions`)
      .query({ status: 'shipped' })
      .set('Cookie', owner)
      .expect(400);

    const csv = await t
      .http()
      .get(`/api/v1/brands/${brandId}/redemptions.csv`)
      .query({ rewardId: cls.id })
      .set('Cookie', owner)
      .expect(200)
      .expect('Content-Type', /^text\/csv; charset=utf-8/);
    expect(String(csv.headers['content-disposition'])).toMatch(
      /^attachment; filename="redemptions-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toMatch(/^id,created_at,status,fan_id,fan_display_name,reward_id,reward_name_de,/);
    expect(lines[0]).toContain(',code,');
    expect(lines.slice(1, -1)).toHaveLength(3);
    expect(lines[1]).toContain('"Kurs, ""Brot"""');
    expect(lines.at(-1)).toBe('');
    const analyst = await addMember(t, owner, brandId, `analyst-${tag()}@example.com`, 'analyst');
    const forAnalyst = await t
      .http()
      .get(`/api/v1/brands/${brandId}/redemptions.csv`)
      .set('Cookie', analyst.cookie)
      .expect(200);
    expect(forAnalyst.text.split('\r\n')[0]).not.toContain('code');
    expect(forAnalyst.text.split('\r\n')).toHaveLength(7);
    await expectLedgerHolds(brandId);
  });
});
