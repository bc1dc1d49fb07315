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
    ]);
    expect(campaigns.items.every((c) => c.status === 'active' && c.pointsIssued > 0)).toBe(true);
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
