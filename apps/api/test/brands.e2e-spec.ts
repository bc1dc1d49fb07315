import { randomUUID } from 'node:crypto';

import { type BrandDto, type BrandPageDto } from '../src/brands/dto/brand.dto';
import { addMember, createBrand, login } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { bodyOf, type Problem, PROBLEM, tag } from './support/http';

function errorFields(response: { body: unknown }): string[] {
  return (bodyOf<Problem>(response).errors ?? []).map((error) => error.field);
}

/** Lower-case letters and digits: fits names, slugs and email addresses. */

describe('brands', () => {
  let t: TestApp;
  let owner: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await login(t);
  });
  afterAll(async () => {
    await t.close();
  });

  async function getBrand(id: string, cookie = owner): Promise<BrandDto> {
    return bodyOf<BrandDto>(await t.http().get(`/api/v1/brands/${id}`).set('Cookie', cookie).expect(200));
  }

  /** A user who belongs to `brandId` only (as `role`). */
  async function newMemberOf(brandId: string, role: 'owner' | 'manager' | 'analyst' = 'owner') {
    return addMember(t, owner, brandId, `member-${tag()}@example.com`, role);
  }

  describe('create', () => {
    it('creates a brand with a slug derived from a German name; the caller becomes its owner', async () => {
      const suffix = tag();
      const response = await t
        .http()
        .post('/api/v1/brands')
        .set('Cookie', owner)
        .send({ name: `  Café Müller ${suffix}  `, timeZone: 'Europe/Berlin', locale: 'de' })
        .expect(201);
      const brand = bodyOf<BrandDto>(response);
      expect(brand).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
        name: `Café Müller ${suffix}`,
        slug: `cafe-muller-${suffix}`,
        timeZone: 'Europe/Berlin',
        locale: 'de',
        pointsExpiryDays: null,
        isDemo: false,
        role: 'owner',
        createdAt: expect.any(String) as unknown,
        updatedAt: expect.any(String) as unknown,
      });
      expect(new Date(brand.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

      expect(await getBrand(brand.id)).toEqual(brand);
      const me = await t.http().get('/api/v1/auth/me').set('Cookie', owner).expect(200);
      expect(
        bodyOf<{ memberships: Array<{ brand: { id: string }; role: string }> }>(me).memberships,
      ).toContainEqual({
        brand: { id: brand.id, name: brand.name, slug: brand.slug },
        role: 'owner',
      });
    });

    it('keeps a slug that is given', async () => {
      const slug = `eigener-slug-${tag()}`;
      const response = await t
        .http()
        .post('/api/v1/brands')
        .set('Cookie', owner)
        .send({ name: 'Große Straße', slug, timeZone: 'America/Argentina/Buenos_Aires', locale: 'en' })
        .expect(201);
      expect(bodyOf<BrandDto>(response)).toMatchObject({
        slug,
        timeZone: 'America/Argentina/Buenos_Aires',
        locale: 'en',
      });
    });

    it('names every invalid field and creates nothing', async () => {
      const before = bodyOf<BrandPageDto>(
        await t.http().get('/api/v1/brands?limit=200').set('Cookie', owner).expect(200),
      );
      const response = await t
        .http()
        .post('/api/v1/brands')
        .set('Cookie', owner)
        .send({ name: '   ', slug: 'Not A Slug', timeZone: 'Mars/Olympus', locale: 'fr', plan: 'gold' })
        .expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(bodyOf<Problem>(response).code).toBe('validation_failed');
      expect(new Set(errorFields(response))).toEqual(new Set(['name', 'slug', 'timeZone', 'locale', 'plan']));
      expect(bodyOf<Problem>(response).errors).toContainEqual({
        field: 'plan',
        reason: 'is not a known field',
      });

      const missing = await t.http().post('/api/v1/brands').set('Cookie', owner).send({}).expect(400);
      expect(errorFields(missing)).toEqual(expect.arrayContaining(['name', 'timeZone', 'locale']));

      const after = bodyOf<BrandPageDto>(
        await t.http().get('/api/v1/brands?limit=200').set('Cookie', owner).expect(200),
      );
      expect(after.items.map((brand) => brand.id)).toEqual(before.items.map((brand) => brand.id));
    });

    it('refuses a slug that another brand holds, given or derived, with 409 slug_taken', async () => {
      const suffix = tag();
      await createBrand(t, owner, `Café Müller ${suffix}`);
      const derived = await t
        .http()
        .post('/api/v1/brands')
        .set('Cookie', owner)
        .send({ name: `Cafe Muller ${suffix}`, timeZone: 'Europe/Berlin', locale: 'de' })
        .expect(409);
      expect(bodyOf<Problem>(derived)).toMatchObject({
        code: 'slug_taken',
        errors: [{ field: 'slug', reason: 'is already taken' }],
      });
      const given = await t
        .http()
        .post('/api/v1/brands')
        .set('Cookie', owner)
        .send({ name: 'Anything', slug: `cafe-muller-${suffix}`, timeZone: 'Europe/Berlin', locale: 'de' })
        .expect(409);
      expect(bodyOf<Problem>(given).code).toBe('slug_taken');
      const count = await t.dataSource.query<Array<{ n: string }>>(
        'SELECT count(*) AS n FROM brand WHERE slug = $1',
        [`cafe-muller-${suffix}`],
      );
      expect(count[0]?.n).toBe('1');
    });

    it('gives exactly one of many simultaneous creations a slug; all others get slug_taken', async () => {
      // Several rounds: the race between the check and the insert is narrow.
      for (let round = 0; round < 3; round += 1) {
        const slug = `rennen-${tag()}`;
        const responses = await Promise.all(
          Array.from({ length: 12 }, (_, index) =>
            fetch(`${t.url}/api/v1/brands`, {
              method: 'POST',
              headers: { cookie: owner, 'content-type': 'application/json' },
              body: JSON.stringify({
                name: `Rennen ${index}`,
                slug,
                timeZone: 'Europe/Berlin',
                locale: 'de',
              }),
            }),
          ),
        );
        const outcomes = await Promise.all(
          responses.map(
            async (response) => `${response.status} ${((await response.json()) as Problem).code ?? ''}`,
          ),
        );
        expect(outcomes.sort()).toEqual(['201 ', ...Array.from({ length: 11 }, () => '409 slug_taken')]);
        const rows = await t.dataSource.query<Array<{ n: string }>>(
          'SELECT count(*) AS n FROM brand WHERE slug = $1',
          [slug],
        );
        expect(rows[0]?.n).toBe('1');
      }
    });

    it('asks for a slug when the name gives none', async () => {
      const response = await t
        .http()
        .post('/api/v1/brands')
        .set('Cookie', owner)
        .send({ name: '東京', timeZone: 'Asia/Tokyo', locale: 'en' })
        .expect(400);
      expect(bodyOf<Problem>(response)).toMatchObject({
        code: 'validation_failed',
        errors: [{ field: 'slug' }],
      });
      await t
        .http()
        .post('/api/v1/brands')
        .set('Cookie', owner)
        .send({ name: '東京', slug: `tokyo-${tag()}`, timeZone: 'Asia/Tokyo', locale: 'en' })
        .expect(201);
    });

    it('needs a logged-in user', async () => {
      const response = await t
        .http()
        .post('/api/v1/brands')
        .send({ name: 'Anonymous', timeZone: 'Europe/Berlin', locale: 'de' })
        .expect(401);
      expect(bodyOf<Problem>(response).code).toBe('unauthenticated');
    });
  });

  describe('list', () => {
    it('pages through the caller’s brands with a cursor, by name, without duplicates', async () => {
      // A fresh user, so that the list holds exactly the brands made here.
      const home = await createBrand(t, owner, `Heimat ${tag()}`);
      const user = await newMemberOf(home);
      const names = [`Zebra ${tag()}`, `Apfel ${tag()}`, `Mitte ${tag()}`];
      const ids = [home];
      for (const name of names) ids.push(await createBrand(t, user.cookie, name));

      const seen: BrandDto[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const query: Record<string, string | number> = cursor === null ? { limit: 1 } : { limit: 1, cursor };
        const response = await t
          .http()
          .get('/api/v1/brands')
          .query(query)
          .set('Cookie', user.cookie)
          .expect(200);
        const body = bodyOf<BrandPageDto>(response);
        expect(body.items).toHaveLength(1);
        seen.push(...body.items);
        cursor = body.nextCursor;
        if (cursor === null) break;
        expect(typeof cursor).toBe('string');
      }
      expect(cursor).toBeNull();
      expect(seen.map((brand) => brand.id).sort()).toEqual([...ids].sort());
      expect(new Set(seen.map((brand) => brand.id)).size).toBe(seen.length);
      const listedNames = seen.map((brand) => brand.name);
      expect(listedNames).toEqual([...listedNames].sort((a, b) => (a < b ? -1 : 1)));
      expect(seen.every((brand) => brand.role === 'owner')).toBe(true);

      const all = bodyOf<BrandPageDto>(
        await t.http().get('/api/v1/brands').set('Cookie', user.cookie).expect(200),
      );
      expect(all.items.map((brand) => brand.id)).toEqual(seen.map((brand) => brand.id));
      expect(all.nextCursor).toBeNull();
    });

    it('shows each brand with the caller’s own role', async () => {
      const brandId = await createBrand(t, owner, `Rollen ${tag()}`);
      const analyst = await newMemberOf(brandId, 'analyst');
      const list = bodyOf<BrandPageDto>(
        await t.http().get('/api/v1/brands').set('Cookie', analyst.cookie).expect(200),
      );
      expect(list.items).toEqual([expect.objectContaining({ id: brandId, role: 'analyst' })]);
    });

    it('refuses cursors it did not hand out and bad limits', async () => {
      const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
      for (const cursor of [
        'not-a-cursor',
        forged({ a: 1 }),
        forged(['Apfel']),
        forged(['Apfel', 'not-a-uuid']),
        forged([1, 2]),
      ]) {
        const response = await t
          .http()
          .get('/api/v1/brands')
          .query({ cursor })
          .set('Cookie', owner)
          .expect(400);
        expect(bodyOf<Problem>(response)).toMatchObject({
          code: 'validation_failed',
          errors: [{ field: 'cursor' }],
        });
      }
      for (const limit of ['0', '201', 'ten']) {
        const response = await t
          .http()
          .get('/api/v1/brands')
          .query({ limit })
          .set('Cookie', owner)
          .expect(400);
        expect(errorFields(response)).toContain('limit');
      }
    });
  });

  describe('get', () => {
    it('answers one brand to its members', async () => {
      const brandId = await createBrand(t, owner, `Einzeln ${tag()}`);
      const brand = await getBrand(brandId);
      expect(brand).toMatchObject({
        id: brandId,
        timeZone: 'Europe/Berlin',
        locale: 'de',
        role: 'owner',
        isDemo: false,
      });
      const manager = await newMemberOf(brandId, 'manager');
      expect(await getBrand(brandId, manager.cookie)).toMatchObject({ id: brandId, role: 'manager' });
    });

    it('answers a 404 problem for ids that are not uuids or not brands', async () => {
      for (const id of ['not-a-uuid', '123', '00000000-0000-0000-0000-000000000000', randomUUID()]) {
        for (const method of ['get', 'patch'] as const) {
          const http = t.http();
          const response = await http[method](`/api/v1/brands/${id}`)
            .set('Cookie', owner)
            .send({})
            .expect(404);
          expect(response.headers['content-type']).toMatch(PROBLEM);
          expect(bodyOf<Problem>(response)).toMatchObject({ status: 404, code: 'not_found' });
        }
      }
    });

    it('needs a logged-in user', async () => {
      const brandId = await createBrand(t, owner, `Anonym ${tag()}`);
      const response = await t.http().get(`/api/v1/brands/${brandId}`).expect(401);
      expect(bodyOf<Problem>(response).code).toBe('unauthenticated');
    });
  });

  describe('update', () => {
    it('lets the owner change name, time zone and locale', async () => {
      const brandId = await createBrand(t, owner, `Vorher ${tag()}`);
      const before = await getBrand(brandId);
      const name = `Nachher ${tag()}`;
      const response = await t
        .http()
        .patch(`/api/v1/brands/${brandId}`)
        .set('Cookie', owner)
        .send({ name, timeZone: 'America/New_York', locale: 'en' })
        .expect(200);
      const updated = bodyOf<BrandDto>(response);
      expect(updated).toEqual({
        ...before,
        name,
        timeZone: 'America/New_York',
        locale: 'en',
        updatedAt: expect.any(String) as unknown,
      });
      expect(new Date(updated.updatedAt).getTime()).toBeGreaterThan(new Date(before.updatedAt).getTime());
      expect(await getBrand(brandId)).toEqual(updated);
    });

    it('changes the slug, and the old one becomes free', async () => {
      const oldSlug = `alt-${tag()}`;
      const newSlug = `neu-${tag()}`;
      const brandId = await createBrand(t, owner, 'Umzug', oldSlug);
      await t
        .http()
        .patch(`/api/v1/brands/${brandId}`)
        .set('Cookie', owner)
        .send({ slug: newSlug })
        .expect(200);
      expect((await getBrand(brandId)).slug).toBe(newSlug);
      await createBrand(t, owner, 'Nachmieter', oldSlug);
    });

    it('answers field errors for invalid values and changes nothing', async () => {
      const brandId = await createBrand(t, owner, `Fest ${tag()}`);
      const before = await getBrand(brandId);
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
        [{ timeZone: 'Europe/Berlin; DROP TABLE brand' }, 'timeZone'],
        [{ locale: 'fr' }, 'locale'],
        [{ locale: 'DE' }, 'locale'],
        [{ name: '' }, 'name'],
        [{ name: '    ' }, 'name'],
        [{ name: 'x'.repeat(101) }, 'name'],
        [{ name: 42 }, 'name'],
        [{ slug: 'Bad Slug' }, 'slug'],
        [{ slug: '-dash' }, 'slug'],
        [{ slug: 'a' }, 'slug'],
        [{ slug: 'a--b' }, 'slug'],
      ];
      for (const [body, field] of cases) {
        const response = await t.http().patch(`/api/v1/brands/${brandId}`).set('Cookie', owner).send(body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(bodyOf<Problem>(response).code).toBe('validation_failed');
        expect(errorFields(response)).toEqual(expect.arrayContaining([field]));
        expect(errorFields(response).every((name) => name === field)).toBe(true);
      }
      expect(await getBrand(brandId)).toEqual(before);
    });

    it('refuses null for fields that always have a value', async () => {
      const brandId = await createBrand(t, owner, `Null ${tag()}`);
      const before = await getBrand(brandId);
      for (const field of ['name', 'slug', 'timeZone', 'locale']) {
        const response = await t
          .http()
          .patch(`/api/v1/brands/${brandId}`)
          .set('Cookie', owner)
          .send({ [field]: null });
        expect({ field, status: response.status }).toEqual({ field, status: 400 });
        expect(bodyOf<Problem>(response).code).toBe('validation_failed');
        expect(errorFields(response)).toContain(field);
      }
      expect(await getBrand(brandId)).toEqual(before);
    });

    it('rejects unknown fields by name and changes nothing', async () => {
      const brandId = await createBrand(t, owner, `Streng ${tag()}`);
      const before = await getBrand(brandId);
      const response = await t
        .http()
        .patch(`/api/v1/brands/${brandId}`)
        .set('Cookie', owner)
        .send({ name: 'Sollte nicht passieren', isDemo: true, id: randomUUID() })
        .expect(400);
      expect(bodyOf<Problem>(response).code).toBe('validation_failed');
      expect(bodyOf<Problem>(response).errors).toEqual(
        expect.arrayContaining([
          { field: 'isDemo', reason: 'is not a known field' },
          { field: 'id', reason: 'is not a known field' },
        ]),
      );
      expect(await getBrand(brandId)).toEqual(before);
    });

    it('refuses a slug another brand holds with 409 slug_taken and changes nothing', async () => {
      const takenSlug = `besetzt-${tag()}`;
      await createBrand(t, owner, 'Erster', takenSlug);
      const brandId = await createBrand(t, owner, `Zweiter ${tag()}`);
      const before = await getBrand(brandId);
      const response = await t
        .http()
        .patch(`/api/v1/brands/${brandId}`)
        .set('Cookie', owner)
        .send({ name: 'Zweiter umbenannt', slug: takenSlug })
        .expect(409);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(bodyOf<Problem>(response)).toMatchObject({
        status: 409,
        code: 'slug_taken',
        errors: [{ field: 'slug', reason: 'is already taken' }],
      });
      expect(await getBrand(brandId)).toEqual(before);
      // Its own slug is not a conflict.
      await t
        .http()
        .patch(`/api/v1/brands/${brandId}`)
        .set('Cookie', owner)
        .send({ slug: before.slug })
        .expect(200);
    });

    it('lets only one of several brands take a free slug at the same time', async () => {
      for (let round = 0; round < 3; round += 1) {
        const slug = `begehrt-${tag()}`;
        const brandIds: string[] = [];
        for (let index = 0; index < 8; index += 1)
          brandIds.push(await createBrand(t, owner, `Bewerber ${tag()}`));
        const responses = await Promise.all(
          brandIds.map((brandId) =>
            fetch(`${t.url}/api/v1/brands/${brandId}`, {
              method: 'PATCH',
              headers: { cookie: owner, 'content-type': 'application/json' },
              body: JSON.stringify({ slug }),
            }),
          ),
        );
        const outcomes = await Promise.all(
          responses.map(async (response) => {
            const body = (await response.json()) as Problem & BrandDto;
            return response.status === 200 ? `200 ${body.slug}` : `${response.status} ${body.code}`;
          }),
        );
        expect(outcomes.sort()).toEqual([
          `200 ${slug}`,
          ...Array.from({ length: 7 }, () => '409 slug_taken'),
        ]);
        const rows = await t.dataSource.query<Array<{ n: string }>>(
          'SELECT count(*) AS n FROM brand WHERE slug = $1',
          [slug],
        );
        expect(rows[0]?.n).toBe('1');
      }
    });

    it('answers an empty change with the brand as it is', async () => {
      const brandId = await createBrand(t, owner, `Ruhig ${tag()}`);
      const before = await getBrand(brandId);
      const response = await t
        .http()
        .patch(`/api/v1/brands/${brandId}`)
        .set('Cookie', owner)
        .send({})
        .expect(200);
      expect(bodyOf<BrandDto>(response)).toEqual(before);
      const same = await t
        .http()
        .patch(`/api/v1/brands/${brandId}`)
        .set('Cookie', owner)
        .send({ name: ` ${before.name} `, locale: before.locale })
        .expect(200);
      expect(bodyOf<BrandDto>(same)).toEqual(before);
    });

    it('is for owners only', async () => {
      const brandId = await createBrand(t, owner, `Nur Owner ${tag()}`);
      const before = await getBrand(brandId);
      for (const role of ['manager', 'analyst'] as const) {
        const member = await newMemberOf(brandId, role);
        const response = await t
          .http()
          .patch(`/api/v1/brands/${brandId}`)
          .set('Cookie', member.cookie)
          .send({ name: `Von ${role}` })
          .expect(403);
        expect(bodyOf<Problem>(response).code).toBe('insufficient_role');
      }
      expect(await getBrand(brandId)).toEqual(before);
    });
  });

  describe('tenancy', () => {
    it('hides other brands: a member of brand A gets 404 on brand B, and B stays unchanged', async () => {
      const brandA = await createBrand(t, owner, `Marke A ${tag()}`);
      const brandB = await createBrand(t, owner, `Marke B ${tag()}`);
      // An owner of A: even the strongest role elsewhere gives nothing in B.
      const stranger = await newMemberOf(brandA, 'owner');
      const before = await getBrand(brandB);

      const read = await t.http().get(`/api/v1/brands/${brandB}`).set('Cookie', stranger.cookie).expect(404);
      expect(bodyOf<Problem>(read).code).toBe('not_found');
      const write = await t
        .http()
        .patch(`/api/v1/brands/${brandB}`)
        .set('Cookie', stranger.cookie)
        .send({ name: 'Übernommen', locale: 'en' })
        .expect(404);
      expect(bodyOf<Problem>(write).code).toBe('not_found');
      // The same answer as for a brand that does not exist: the id reveals nothing.
      const missing = await t
        .http()
        .get(`/api/v1/brands/${randomUUID()}`)
        .set('Cookie', stranger.cookie)
        .expect(404);
      expect(bodyOf<Problem>(read).detail).toBe(bodyOf<Problem>(missing).detail);

      expect(await getBrand(brandB)).toEqual(before);
      const list = bodyOf<BrandPageDto>(
        await t.http().get('/api/v1/brands').set('Cookie', stranger.cookie).expect(200),
      );
      expect(list.items.map((brand) => brand.id)).toEqual([brandA]);
    });
  });
});
