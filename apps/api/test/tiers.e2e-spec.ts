import { randomUUID } from 'node:crypto';

import { type AuditLogPageDto } from '../src/audit/dto/audit-entry.dto';
import { type TiersDto } from '../src/tiers/dto/tiers.dto';
import { TiersService } from '../src/tiers/tiers.service';
import { addMember, createBrand, login } from './support/sessions';
import { bodyOf, type Problem, PROBLEM, tag, uniqueEmail } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

const LADDER = {
  basis: 'rolling_12_months',
  tiers: [
    { name: 'Bronze', threshold: 0, multiplier: 1 },
    { name: 'Silver', threshold: 500, multiplier: 1.25, perks: 'Free shipping' },
    { name: 'Gold', threshold: 2000, multiplier: 1.5, perks: 'Free shipping, early access' },
  ],
};

describe('tiers', () => {
  let t: TestApp;
  let owner: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await login(t);
  });
  afterAll(async () => {
    await t.close();
  });

  async function newBrand(): Promise<string> {
    return createBrand(t, owner, `Stufen ${tag()}`);
  }

  async function getTiers(brandId: string, cookie = owner): Promise<TiersDto> {
    return bodyOf<TiersDto>(
      await t.http().get(`/api/v1/brands/${brandId}/tiers`).set('Cookie', cookie).expect(200),
    );
  }

  it('starts with no tiers, counted on lifetime points', async () => {
    const brandId = await newBrand();
    expect(await getTiers(brandId)).toEqual({ basis: 'lifetime', tiers: [] });
  });

  it('replaces the ladder and its basis, and reads it back from the lowest threshold up', async () => {
    const brandId = await newBrand();
    const response = await t
      .http()
      .put(`/api/v1/brands/${brandId}/tiers`)
      .set('Cookie', owner)
      .send(LADDER)
      .expect(200);
    const expected: TiersDto = {
      basis: 'rolling_12_months',
      tiers: [
        { name: 'Bronze', threshold: 0, multiplier: 1, perks: '' },
        { name: 'Silver', threshold: 500, multiplier: 1.25, perks: 'Free shipping' },
        { name: 'Gold', threshold: 2000, multiplier: 1.5, perks: 'Free shipping, early access' },
      ],
    };
    expect(bodyOf<TiersDto>(response)).toEqual(expected);
    expect(await getTiers(brandId)).toEqual(expected);
    const [brand] = await t.dataSource.query<Array<{ tier_basis: string }>>(
      'SELECT tier_basis FROM brand WHERE id = $1',
      [brandId],
    );
    expect(brand?.tier_basis).toBe('rolling_12_months');

    // A second PUT replaces the whole ladder: nothing of the first one is left.
    const second = {
      basis: 'lifetime',
      tiers: [
        { name: 'Fan', threshold: 0, multiplier: 1 },
        { name: 'Superfan', threshold: 1000, multiplier: 2, perks: 'Backstage' },
      ],
    };
    await t.http().put(`/api/v1/brands/${brandId}/tiers`).set('Cookie', owner).send(second).expect(200);
    expect(await getTiers(brandId)).toEqual({
      basis: 'lifetime',
      tiers: [
        { name: 'Fan', threshold: 0, multiplier: 1, perks: '' },
        { name: 'Superfan', threshold: 1000, multiplier: 2, perks: 'Backstage' },
      ],
    });
    const rows = await t.dataSource.query<unknown[]>('SELECT 1 FROM tier WHERE brand_id = $1', [brandId]);
    expect(rows).toHaveLength(2);

    // And an empty ladder removes every tier.
    await t
      .http()
      .put(`/api/v1/brands/${brandId}/tiers`)
      .set('Cookie', owner)
      .send({ basis: 'lifetime', tiers: [] })
      .expect(200);
    expect(await getTiers(brandId)).toEqual({ basis: 'lifetime', tiers: [] });
  });

  it('records each replacement in the audit log', async () => {
    const brandId = await newBrand();
    await t.http().put(`/api/v1/brands/${brandId}/tiers`).set('Cookie', owner).send(LADDER).expect(200);
    const audit = bodyOf<AuditLogPageDto>(
      await t
        .http()
        .get(`/api/v1/brands/${brandId}/audit-log`)
        .query({ action: 'tiers.updated' })
        .set('Cookie', owner)
        .expect(200),
    );
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      action: 'tiers.updated',
      targetType: 'tiers',
      targetId: brandId,
      changes: {
        basis: { from: 'lifetime', to: 'rolling_12_months' },
        tiers: {
          from: [],
          to: [
            { name: 'Bronze', threshold: 0, multiplier: 1 },
            { name: 'Silver', threshold: 500, multiplier: 1.25 },
            { name: 'Gold', threshold: 2000, multiplier: 1.5 },
          ],
        },
      },
    });
  });

  it('names each problem of an invalid ladder and changes nothing', async () => {
    const brandId = await newBrand();
    await t.http().put(`/api/v1/brands/${brandId}/tiers`).set('Cookie', owner).send(LADDER).expect(200);
    const before = await getTiers(brandId);
    const bronze = { name: 'Bronze', threshold: 0, multiplier: 1 };
    const cases: Array<[unknown, string[]]> = [
      [
        {
          basis: 'lifetime',
          tiers: [
            bronze,
            { name: 'Gold', threshold: 900, multiplier: 2 },
            { name: 'Silver', threshold: 500, multiplier: 1.5 },
          ],
        },
        ['tiers.2.threshold', 'tiers.2.multiplier'],
      ],
      [
        { basis: 'lifetime', tiers: [{ name: 'Silver', threshold: 100, multiplier: 1 }] },
        ['tiers.0.threshold'],
      ],
      [
        { basis: 'lifetime', tiers: [{ name: 'Bronze', threshold: 0, multiplier: 0.5 }] },
        ['tiers.0.multiplier'],
      ],
      [{ basis: 'lifetime', tiers: [{ ...bronze, multiplier: 1.255 }] }, ['tiers.0.multiplier']],
      [
        { basis: 'lifetime', tiers: [bronze, { name: 'bronze ', threshold: 10, multiplier: 1 }] },
        ['tiers.1.name'],
      ],
      [
        { basis: 'lifetime', tiers: [bronze, { name: 'Silver', threshold: -5, multiplier: 1 }] },
        ['tiers.1.threshold'],
      ],
      [{ basis: 'lifetime', tiers: [{ ...bronze, treshold: 0 }] }, ['tiers.0.treshold']],
      [{ basis: 'lifetime', tiers: [{ ...bronze, perks: 42 }] }, ['tiers.0.perks']],
      [{ basis: 'lifetime', tiers: ['Bronze'] }, ['tiers.0']],
      [{ basis: 'monthly', tiers: [bronze] }, ['basis']],
      [{ basis: 'lifetime', tiers: { Bronze: bronze } }, ['tiers']],
      [{ basis: 'lifetime' }, ['tiers']],
      [{ basis: 'lifetime', tiers: [bronze], extra: true }, ['extra']],
    ];
    for (const [body, fields] of cases) {
      const response = await t
        .http()
        .put(`/api/v1/brands/${brandId}/tiers`)
        .set('Cookie', owner)
        .send(body as object);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(bodyOf<Problem>(response).code).toBe('validation_failed');
      const found = [...new Set((bodyOf<Problem>(response).errors ?? []).map((error) => error.field))];
      expect({ body, fields: found.sort() }).toEqual({ body, fields: [...fields].sort() });
    }
    expect(await getTiers(brandId)).toEqual(before);
  });

  it('lets every member read the ladder, and only owners and managers change it', async () => {
    const brandId = await newBrand();
    const analyst = await addMember(t, owner, brandId, uniqueEmail('analyst'), 'analyst');
    const manager = await addMember(t, owner, brandId, uniqueEmail('manager'), 'manager');

    const refused = await t
      .http()
      .put(`/api/v1/brands/${brandId}/tiers`)
      .set('Cookie', analyst.cookie)
      .send(LADDER)
      .expect(403);
    expect(bodyOf<Problem>(refused).code).toBe('insufficient_role');
    expect(await getTiers(brandId, analyst.cookie)).toEqual({ basis: 'lifetime', tiers: [] });

    await t
      .http()
      .put(`/api/v1/brands/${brandId}/tiers`)
      .set('Cookie', manager.cookie)
      .send(LADDER)
      .expect(200);
    expect((await getTiers(brandId, analyst.cookie)).tiers.map((tier) => tier.name)).toEqual([
      'Bronze',
      'Silver',
      'Gold',
    ]);
  });

  it("answers 404 for another brand's ladder and for unknown brands", async () => {
    const brandA = await newBrand();
    const stranger = await addMember(t, owner, brandA, uniqueEmail('stranger'), 'owner');
    const brandB = await newBrand();
    await t.http().put(`/api/v1/brands/${brandB}/tiers`).set('Cookie', owner).send(LADDER).expect(200);
    for (const request of [
      t.http().get(`/api/v1/brands/${brandB}/tiers`),
      t.http().put(`/api/v1/brands/${brandB}/tiers`).send({ basis: 'lifetime', tiers: [] }),
    ]) {
      const response = await request.set('Cookie', stranger.cookie).expect(404);
      expect(bodyOf<Problem>(response).code).toBe('not_found');
    }
    await t.http().get(`/api/v1/brands/${randomUUID()}/tiers`).set('Cookie', owner).expect(404);
    expect((await getTiers(brandB)).tiers).toHaveLength(3);
  });

  it('serialises simultaneous replacements: the ladder is always one of them, whole', async () => {
    const brandId = await newBrand();
    const ladders = Array.from({ length: 6 }, (_, index) => ({
      basis: index % 2 === 0 ? 'lifetime' : 'rolling_12_months',
      tiers: Array.from({ length: index + 1 }, (_unused, rung) => ({
        name: `Rung ${index}-${rung}`,
        threshold: rung * 100,
        multiplier: 1 + rung / 4,
      })),
    }));
    const responses = await Promise.all(
      ladders.map((ladder) =>
        fetch(`${t.url}/api/v1/brands/${brandId}/tiers`, {
          method: 'PUT',
          headers: { cookie: owner, 'content-type': 'application/json' },
          body: JSON.stringify(ladder),
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(ladders.map(() => 200));
    const final = await getTiers(brandId);
    const winner = ladders.find((ladder) => ladder.tiers[0]?.name === final.tiers[0]?.name);
    expect(winner).toBeDefined();
    expect(final).toEqual({
      basis: winner!.basis,
      tiers: winner!.tiers.map((tier) => ({ ...tier, perks: '' })),
    });
  });

  it('gives the ledger the ladder through TiersService.ladder()', async () => {
    const brandId = await newBrand();
    await t.http().put(`/api/v1/brands/${brandId}/tiers`).set('Cookie', owner).send(LADDER).expect(200);
    const tiers = t.app.get(TiersService);
    expect(await tiers.ladder(brandId)).toEqual({
      basis: 'rolling_12_months',
      tiers: [
        { name: 'Bronze', threshold: 0, multiplier: 1, perks: '' },
        { name: 'Silver', threshold: 500, multiplier: 1.25, perks: 'Free shipping' },
        { name: 'Gold', threshold: 2000, multiplier: 1.5, perks: 'Free shipping, early access' },
      ],
    });
    await expect(tiers.ladder(randomUUID())).rejects.toMatchObject({ status: 404 });
  });
});
