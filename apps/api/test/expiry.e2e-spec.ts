import { ExpiryService } from '../src/expiry/expiry.service';
import { LedgerCheckRepository } from '../src/ledger/ledger-check.repository';
import { bodyOf, PROBLEM, tag } from './support/http';
import { createBrand, login } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;

describe('points expiry and the daily upkeep', () => {
  let t: TestApp;
  let owner: string;
  let upkeep: ExpiryService;

  beforeAll(async () => {
    t = await startTestApp({ firstStart: true });
    owner = await login(t);
    upkeep = t.app.get(ExpiryService);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A brand (time zone UTC) with one campaign since 2 years: 10 points per comment, no caps. */
  async function brandWith(settings: Record<string, unknown>): Promise<string> {
    const brandId = await createBrand(t, owner, `Expiry ${tag()}`);
    await t
      .http()
      .patch(`/api/v1/brands/${brandId}`)
      .set('Cookie', owner)
      .send({ timeZone: 'UTC', ...settings })
      .expect(200);
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/campaigns`)
      .set('Cookie', owner)
      .send({
        name: 'Comments',
        startsAt: new Date(Date.now() - 800 * DAY).toISOString(),
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

  async function comment(brandId: string, id: string, fan: string, daysAgo: number): Promise<string> {
    const response = await t
      .http()
      .post(`/api/v1/brands/${brandId}/events`)
      .set('Cookie', owner)
      .send({
        id,
        type: 'comment',
        channel: 'instagram',
        occurredAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
        fan: { externalId: fan },
      })
      .expect(200);
    const outcome = bodyOf<{ fanId: string; status: string }>(response);
    expect(outcome.status).toBe('awarded');
    return outcome.fanId;
  }

  async function adjust(brandId: string, fanId: string, points: number): Promise<void> {
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/fans/${fanId}/adjustments`)
      .set('Cookie', owner)
      .set('Idempotency-Key', `adj-${tag()}`)
      .send({ points, reason: 'Redeemed at the counter' })
      .expect(201);
  }

  async function fan(brandId: string, fanId: string): Promise<{ balance: number; tier: string | null }> {
    const response = await t
      .http()
      .get(`/api/v1/brands/${brandId}/fans/${fanId}`)
      .set('Cookie', owner)
      .expect(200);
    const body = bodyOf<{ balance: number; tier: string | null }>(response);
    return { balance: body.balance, tier: body.tier };
  }

  async function expiries(
    brandId: string,
  ): Promise<Array<{ fan_id: string; points: string; reason: string }>> {
    return t.dataSource.query(
      `SELECT fan_id, points, reason FROM ledger_entry WHERE brand_id = $1 AND kind = 'expire' ORDER BY id`,
      [brandId],
    );
  }

  async function expectConsistent(brandId: string): Promise<void> {
    const report = await new LedgerCheckRepository(t.dataSource).check(brandId);
    expect(report.problems).toEqual([]);
  }

  it('expires what is left of lots older than N days, oldest first, once', async () => {
    const brandId = await brandWith({ pointsExpiryDays: 30 });
    const fanId = await comment(brandId, 'old-1', 'ada', 40);
    await comment(brandId, 'old-2', 'ada', 35);
    await comment(brandId, 'new-1', 'ada', 5);
    // Spending 15 uses the oldest lot (10) and half of the second: 5 of the old points are left.
    await adjust(brandId, fanId, -15);
    expect((await fan(brandId, fanId)).balance).toBe(15);

    const summary = await upkeep.runBrand(brandId, new Date());
    expect(summary).toMatchObject({ fansExpired: 1, pointsExpired: 5 });
    expect((await fan(brandId, fanId)).balance).toBe(10);
    const [entry, ...more] = await expiries(brandId);
    expect(more).toEqual([]);
    expect(Number(entry!.points)).toBe(-5);
    expect(entry!.reason).toMatch(/^5 points earned before \d{4}-\d{2}-\d{2} expired \(after 30 days/);

    // Again the same day, and twice at once: nothing more.
    const again = await Promise.all([
      upkeep.runBrand(brandId, new Date()),
      upkeep.runBrand(brandId, new Date()),
    ]);
    expect(again.map((s) => s.pointsExpired)).toEqual([0, 0]);
    expect(await expiries(brandId)).toHaveLength(1);
    expect((await fan(brandId, fanId)).balance).toBe(10);

    // The last lot expires in its turn, 30 days after it was earned.
    await upkeep.runBrand(brandId, new Date(Date.now() + 30 * DAY));
    expect((await fan(brandId, fanId)).balance).toBe(0);
    await expectConsistent(brandId);
  });

  it('does not expire a lot that was reversed, nor anything when expiry is off', async () => {
    const brandId = await brandWith({ pointsExpiryDays: 30 });
    const fanId = await comment(brandId, 'gone', 'bea', 40);
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/events`)
      .set('Cookie', owner)
      .send({ id: 'retract-gone', type: 'retract', retracts: 'gone' })
      .expect(200);
    await comment(brandId, 'kept', 'bea', 2);
    expect((await upkeep.runBrand(brandId, new Date())).pointsExpired).toBe(0);
    expect((await fan(brandId, fanId)).balance).toBe(10);

    const never = await brandWith({ pointsExpiryDays: null });
    const other = await comment(never, 'ancient', 'cem', 700);
    expect((await upkeep.runBrand(never, new Date())).pointsExpired).toBe(0);
    expect((await fan(never, other)).balance).toBe(10);
    await expectConsistent(brandId);
    await expectConsistent(never);
  });

  it('counts the lots of a merged fan for the survivor', async () => {
    const brandId = await brandWith({ pointsExpiryDays: 30 });
    const survivor = await comment(brandId, 'm-1', 'dora', 3);
    const merged = await comment(brandId, 'm-2', 'dora-alt', 50);
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/fans/${survivor}/merge`)
      .set('Cookie', owner)
      .send({ fanId: merged })
      .expect(200);
    expect((await fan(brandId, survivor)).balance).toBe(20);
    expect((await upkeep.runBrand(brandId, new Date())).pointsExpired).toBe(10);
    expect((await fan(brandId, survivor)).balance).toBe(10);
    await expectConsistent(brandId);
  });

  it('reviews tiers counted on the last 12 months as time passes', async () => {
    const brandId = await brandWith({});
    await t
      .http()
      .put(`/api/v1/brands/${brandId}/tiers`)
      .set('Cookie', owner)
      .send({
        basis: 'rolling_12_months',
        tiers: [
          { name: 'Bronze', threshold: 0, multiplier: 1, perks: '' },
          { name: 'Silber', threshold: 20, multiplier: 1, perks: '' },
        ],
      })
      .expect(200);
    const fanId = await comment(brandId, 't-1', 'emil', 100);
    await comment(brandId, 't-2', 'emil', 90);
    expect((await fan(brandId, fanId)).tier).toBe('Silber');

    // 300 days on, the points are older than 12 months: back to Bronze, with a recorded change.
    const summary = await upkeep.runBrand(brandId, new Date(Date.now() + 300 * DAY));
    expect(summary.tierChanges).toBe(1);
    expect((await fan(brandId, fanId)).tier).toBe('Bronze');
    const changes: Array<{ from_tier: string; to_tier: string; cause: string }> = await t.dataSource.query(
      'SELECT from_tier, to_tier, cause FROM fan_tier_change WHERE brand_id = $1 AND fan_id = $2 ORDER BY id DESC LIMIT 1',
      [brandId, fanId],
    );
    expect(changes).toEqual([{ from_tier: 'Silber', to_tier: 'Bronze', cause: 'upkeep' }]);
  });

  it('runs on the job queue for brands where the day has just begun', async () => {
    const brandId = await brandWith({ pointsExpiryDays: 7 });
    const fanId = await comment(brandId, 'q-1', 'finn', 20);
    // 00:30 UTC is the first hour of the day in the brand's zone (UTC).
    const queued = await upkeep.queueDue(new Date('2026-11-27T00:30:00Z'));
    expect(queued).toContain(brandId);
    const deadline = Date.now() + 20_000;
    while ((await fan(brandId, fanId)).balance !== 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect((await fan(brandId, fanId)).balance).toBe(0);
    expect(await expiries(brandId)).toHaveLength(1);
    // An hour later the day is no longer beginning there: nothing is queued for it.
    expect(await upkeep.queueDue(new Date('2026-11-27T01:30:00Z'))).not.toContain(brandId);
    await expectConsistent(brandId);
  });

  it('takes the expiry setting from the brand, refusing nonsense', async () => {
    const brandId = await createBrand(t, owner, `Setting ${tag()}`);
    for (const bad of [0, -3, 1.5, 'thirty', 4000]) {
      const response = await t
        .http()
        .patch(`/api/v1/brands/${brandId}`)
        .set('Cookie', owner)
        .send({ pointsExpiryDays: bad })
        .expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    }
    const set = await t
      .http()
      .patch(`/api/v1/brands/${brandId}`)
      .set('Cookie', owner)
      .send({ pointsExpiryDays: 365 })
      .expect(200);
    expect(bodyOf<{ pointsExpiryDays: number | null }>(set).pointsExpiryDays).toBe(365);
    const cleared = await t
      .http()
      .patch(`/api/v1/brands/${brandId}`)
      .set('Cookie', owner)
      .send({ pointsExpiryDays: null })
      .expect(200);
    expect(bodyOf<{ pointsExpiryDays: number | null }>(cleared).pointsExpiryDays).toBeNull();
    const audit: Array<{ changes: Record<string, unknown> }> = await t.dataSource.query(
      `SELECT changes FROM audit_log WHERE brand_id = $1 AND action = 'brand.updated' ORDER BY id`,
      [brandId],
    );
    expect(audit.map((entry) => entry.changes.pointsExpiryDays)).toEqual([
      { from: null, to: 365 },
      { from: 365, to: null },
    ]);
  });
});
