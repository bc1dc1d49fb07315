import { LedgerCheckRepository } from '../src/ledger/ledger-check.repository';
import { FirstStartService } from '../src/demo/first-start.service';
import { bodyOf } from './support/http';
import { firstBrandId, login } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

describe('demo bakery', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('comes with tiers, live campaigns, goodies and fans whose history went through the engine', async () => {
    const owner = await login(t);
    const brandId = await firstBrandId(t, owner);
    const campaigns = bodyOf<{ items: Array<{ name: string; status: string; pointsIssued: number }> }>(
      await t.http().get(`/api/v1/brands/${brandId}/campaigns`).set('Cookie', owner).expect(200),
    );
    expect(campaigns.items.map((c) => c.name).sort()).toEqual([
      'Bewertungen',
      'Einkauf',
      'Freunde werben',
      'Social-Media-Parade',
      'Willkommen',
    ]);
    expect(
      campaigns.items.every((c) => c.status === 'active' && (c.pointsIssued > 0 || c.name === 'Willkommen')),
    ).toBe(true);
    const tiers = bodyOf<{ tiers: Array<{ name: string }> }>(
      await t.http().get(`/api/v1/brands/${brandId}/tiers`).set('Cookie', owner).expect(200),
    );
    expect(tiers.tiers.map((tier) => tier.name)).toEqual(['Bronze', 'Silber', 'Gold']);
    const rewards = bodyOf<{
      items: Array<{ nameEn: string; kind: string; stockLeft: number | null; minTier: string | null }>;
    }>(await t.http().get(`/api/v1/brands/${brandId}/rewards`).set('Cookie', owner).expect(200));
    expect(
      rewards.items.map(({ nameEn, kind, stockLeft, minTier }) => ({ nameEn, kind, stockLeft, minTier })),
    ).toEqual([
      { nameEn: 'Free coffee', kind: 'coupon', stockLeft: 40, minTier: null },
      { nameEn: 'Recipe book “Sunday rolls”', kind: 'download', stockLeft: null, minTier: null },
      { nameEn: 'Tote bag', kind: 'physical', stockLeft: 20, minTier: null },
      { nameEn: 'Baking class in our bakehouse', kind: 'custom', stockLeft: 8, minTier: 'Gold' },
    ]);
    const stats: Array<{ fans: string; tiers: string; capped: string }> = await t.dataSource.query(
      `SELECT count(*) AS fans, count(DISTINCT tier_name) AS tiers,
              (SELECT count(*) FROM engagement_event WHERE brand_id = $1 AND status = 'capped') AS capped
         FROM fan WHERE brand_id = $1`,
      [brandId],
    );
    expect(Number(stats[0]?.fans)).toBeGreaterThan(300);
    expect(Number(stats[0]?.tiers)).toBeGreaterThanOrEqual(2);
    expect(Number(stats[0]?.capped)).toBeGreaterThan(0);
    expect((await new LedgerCheckRepository(t.dataSource).check(brandId)).problems).toEqual([]);
  });

  it('is recreated from scratch by seed:demo', async () => {
    const owner = await login(t);
    const before = await firstBrandId(t, owner);
    const recreated = await t.app.get(FirstStartService).recreateDemoBrand();
    expect(recreated.id).not.toBe(before);
    await t.http().get(`/api/v1/brands/${before}`).set('Cookie', owner).expect(404);
    expect((await new LedgerCheckRepository(t.dataSource).check()).problems).toEqual([]);
  });
});

describe('demo shop', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('mints fan tokens for demo customers, who earn by buying and redeem through the widget API', async () => {
    const shop = bodyOf<{ publishableKey: string; customers: Array<{ id: string }> }>(
      await t.http().get('/api/v1/demo/shop').expect(200),
    );
    expect(shop.customers.map((customer) => customer.id)).toEqual(['demo-anna', 'demo-ben']);
    const { token } = bodyOf<{ token: string }>(
      await t.http().post('/api/v1/demo/fan-token').send({ customerId: 'demo-anna' }).expect(200),
    );
    const me = async () =>
      bodyOf<{ balance: number }>(
        await t
          .http()
          .get(`/api/v1/widget/me?pk=${shop.publishableKey}`)
          .set('Authorization', `Bearer ${token}`)
          .expect(200),
      );
    // The first login signs the customer up: 150 welcome points, once.
    expect((await me()).balance).toBe(150);
    await t.http().post('/api/v1/demo/fan-token').send({ customerId: 'demo-anna' }).expect(200);
    const bought = bodyOf<{ status: string; points: number }>(
      await t
        .http()
        .post('/api/v1/demo/actions')
        .send({ customerId: 'demo-anna', action: 'purchase', amount: 38 })
        .expect(200),
    );
    expect(bought).toEqual({ status: 'awarded', points: 38 });
    expect((await me()).balance).toBe(188);

    const rewards = bodyOf<{ items: Array<{ id: string; kind: string; canRedeem: boolean }> }>(
      await t
        .http()
        .get(`/api/v1/widget/rewards?pk=${shop.publishableKey}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200),
    );
    const coffee = rewards.items.find((item) => item.kind === 'coupon');
    expect(coffee?.canRedeem).toBe(true);
    const redeemed = bodyOf<{ code: string | null }>(
      await t
        .http()
        .post(`/api/v1/widget/redemptions?pk=${shop.publishableKey}`)
        .set('Authorization', `Bearer ${token}`)
        .set('Idempotency-Key', 'demo-redeem-1')
        .send({ rewardId: coffee?.id })
        .expect(201),
    );
    expect(redeemed.code).toMatch(/\S/);

    await t.http().post('/api/v1/demo/fan-token').send({ customerId: 'someone-else' }).expect(400);
    await t
      .http()
      .post('/api/v1/demo/actions')
      .send({ customerId: 'demo-ben', action: 'refund' })
      .expect(400);
    const page = await t.http().get('/demo/').expect(200);
    expect(page.text).toContain('/widget.js');
    const preview = await t.http().get('/demo/preview.html').expect(200);
    expect(String(preview.headers['content-security-policy'])).toContain("frame-ancestors 'self'");
    const shopPage = await t.http().get('/demo/index.html').expect(200);
    expect(String(shopPage.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('is not there where the demo is not enabled', async () => {
    const plain = await startTestApp({ config: { seedDemo: false } });
    try {
      await plain.http().get('/api/v1/demo/shop').expect(404);
      await plain.http().post('/api/v1/demo/fan-token').send({ customerId: 'demo-anna' }).expect(404);
    } finally {
      await plain.close();
    }
  });
});
