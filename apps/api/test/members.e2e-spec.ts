import { randomUUID } from 'node:crypto';

import { type Role } from '@fanfare/shared';

import { type MeDto } from '../src/auth/dto/auth.dto';
import { type BrandDto, type BrandPageDto } from '../src/brands/dto/brand.dto';
import { type AddedMemberDto, type MemberDto, type MemberPageDto } from '../src/members/dto/member.dto';
import { addMember, createBrand, login } from './support/sessions';
import { bodyOf, type Problem, PROBLEM, tag, uniqueEmail } from './support/http';
import { OWNER_EMAIL, startTestApp, type TestApp } from './support/test-app';

describe('members', () => {
  let t: TestApp;
  let owner: string;
  let ownerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await login(t);
    ownerId = bodyOf<MeDto>(await t.http().get('/api/v1/auth/me').set('Cookie', owner).expect(200)).user.id;
  });
  afterAll(async () => {
    await t.close();
  });

  async function newBrand(): Promise<string> {
    return createBrand(t, owner, `Team ${tag()}`);
  }

  async function members(brandId: string, cookie = owner): Promise<MemberDto[]> {
    const response = await t
      .http()
      .get(`/api/v1/brands/${brandId}/members`)
      .query({ limit: 200 })
      .set('Cookie', cookie)
      .expect(200);
    return bodyOf<MemberPageDto>(response).items;
  }

  async function roleOf(brandId: string, userId: string): Promise<Role | undefined> {
    return (await members(brandId)).find((member) => member.userId === userId)?.role;
  }

  describe('add', () => {
    it('adds a new user with a one-time password shown once, and forces a new password at first login', async () => {
      const brandId = await newBrand();
      const email = uniqueEmail('Neu.Mitglied');
      const response = await t
        .http()
        .post(`/api/v1/brands/${brandId}/members`)
        .set('Cookie', owner)
        .send({ email, role: 'manager', name: '  Nina Neu  ' })
        .expect(201);
      const added = bodyOf<AddedMemberDto>(response);
      expect(added).toEqual({
        member: {
          userId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
          email: email.toLowerCase(),
          name: 'Nina Neu',
          role: 'manager',
          mustChangePassword: true,
          joinedAt: expect.any(String) as unknown,
        },
        oneTimePassword: expect.stringMatching(/^[A-Za-z0-9]{16}$/) as unknown,
      });
      const oneTimePassword = added.oneTimePassword!;

      // The team list shows the new member but never the password.
      const listed = await t.http().get(`/api/v1/brands/${brandId}/members`).set('Cookie', owner).expect(200);
      expect(bodyOf<MemberPageDto>(listed).items).toContainEqual(added.member);
      expect(JSON.stringify(listed.body)).not.toContain(oneTimePassword);
      const stored = await t.dataSource.query<Array<{ password_hash: string }>>(
        'SELECT password_hash FROM app_user WHERE id = $1',
        [added.member.userId],
      );
      expect(stored[0]?.password_hash).not.toContain(oneTimePassword);

      // With the one-time password (the email in any case): logged in, but held at the password change.
      const cookie = await login(t, email.toUpperCase(), oneTimePassword);
      const me = bodyOf<MeDto>(await t.http().get('/api/v1/auth/me').set('Cookie', cookie).expect(200));
      expect(me.user).toMatchObject({ email: email.toLowerCase(), mustChangePassword: true });
      for (const path of [
        `/api/v1/brands/${brandId}`,
        `/api/v1/brands/${brandId}/members`,
        '/api/v1/brands',
      ]) {
        const blocked = await t.http().get(path).set('Cookie', cookie).expect(403);
        expect(bodyOf<Problem>(blocked).code).toBe('password_change_required');
      }

      const newPassword = `new-password-${tag()}`;
      await t
        .http()
        .post('/api/v1/auth/password')
        .set('Cookie', cookie)
        .send({ currentPassword: oneTimePassword, newPassword })
        .expect(200);
      const brand = bodyOf<BrandDto>(
        await t.http().get(`/api/v1/brands/${brandId}`).set('Cookie', cookie).expect(200),
      );
      expect(brand.role).toBe('manager');
      expect(
        (await members(brandId)).find((member) => member.userId === added.member.userId)?.mustChangePassword,
      ).toBe(false);

      // The one-time password was for once.
      const again = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email, password: oneTimePassword })
        .expect(401);
      expect(bodyOf<Problem>(again).code).toBe('invalid_credentials');
      await login(t, email, newPassword);
    });

    it('adds an existing user without a new password; their own password keeps working', async () => {
      const first = await newBrand();
      const second = await newBrand();
      const email = uniqueEmail('bestand');
      const user = await addMember(t, owner, first, email, 'analyst');

      const response = await t
        .http()
        .post(`/api/v1/brands/${second}/members`)
        .set('Cookie', owner)
        .send({ email, role: 'manager', name: 'Ignored' })
        .expect(201);
      const added = bodyOf<AddedMemberDto>(response);
      expect(added.oneTimePassword).toBeNull();
      expect(added.member).toMatchObject({ userId: user.userId, role: 'manager', mustChangePassword: false });

      const cookie = await login(t, email, user.password);
      const brands = bodyOf<BrandPageDto>(
        await t.http().get('/api/v1/brands').set('Cookie', cookie).expect(200),
      );
      expect(brands.items.map((brand) => [brand.id, brand.role]).sort()).toEqual(
        [
          [first, 'analyst'],
          [second, 'manager'],
        ].sort(),
      );
    });

    it('refuses to add a member twice with 409 already_member, whatever the spelling', async () => {
      const brandId = await newBrand();
      const email = uniqueEmail('doppelt');
      const user = await addMember(t, owner, brandId, email, 'analyst');
      const before = await members(brandId);
      for (const spelling of [email, email.toUpperCase(), `D${email.slice(1)}`]) {
        const response = await t
          .http()
          .post(`/api/v1/brands/${brandId}/members`)
          .set('Cookie', owner)
          .send({ email: spelling, role: 'owner' })
          .expect(409);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(bodyOf<Problem>(response)).toMatchObject({
          code: 'already_member',
          errors: [{ field: 'email', reason: 'is already a member' }],
        });
      }
      // The owner themself is a member too.
      const self = await t
        .http()
        .post(`/api/v1/brands/${brandId}/members`)
        .set('Cookie', owner)
        .send({ email: OWNER_EMAIL, role: 'analyst' })
        .expect(409);
      expect(bodyOf<Problem>(self).code).toBe('already_member');
      expect(await members(brandId)).toEqual(before);
      expect(await roleOf(brandId, user.userId)).toBe('analyst');
    });

    it('adds one new address to several brands at the same time as one user with one password', async () => {
      for (let round = 0; round < 3; round += 1) {
        const brandIds = [await newBrand(), await newBrand(), await newBrand()];
        const email = uniqueEmail('gefragt');
        const responses = await Promise.all(
          brandIds.map((brandId) =>
            fetch(`${t.url}/api/v1/brands/${brandId}/members`, {
              method: 'POST',
              headers: { cookie: owner, 'content-type': 'application/json' },
              body: JSON.stringify({ email, role: 'analyst' }),
            }),
          ),
        );
        expect(responses.map((response) => response.status)).toEqual([201, 201, 201]);
        const added = await Promise.all(
          responses.map(async (response) => (await response.json()) as AddedMemberDto),
        );
        expect(new Set(added.map((body) => body.member.userId)).size).toBe(1);
        const passwords = added.map((body) => body.oneTimePassword).filter((password) => password !== null);
        expect(passwords).toHaveLength(1);
        const cookie = await login(t, email, passwords[0] ?? '');
        const me = bodyOf<MeDto>(await t.http().get('/api/v1/auth/me').set('Cookie', cookie).expect(200));
        expect(me.memberships.map((membership) => membership.brand.id).sort()).toEqual([...brandIds].sort());
      }
    });

    it('names invalid fields and adds nobody', async () => {
      const brandId = await newBrand();
      const before = await members(brandId);
      const cases: Array<[Record<string, unknown>, string[]]> = [
        [{ email: 'not-an-email', role: 'manager' }, ['email']],
        [{ email: uniqueEmail('rolle'), role: 'admin' }, ['role']],
        [{ email: uniqueEmail('rolle') }, ['role']],
        [{ role: 'manager' }, ['email']],
        [{ email: uniqueEmail('name'), role: 'manager', name: 'x'.repeat(101) }, ['name']],
        [{ email: uniqueEmail('extra'), role: 'manager', isAdmin: true }, ['isAdmin']],
      ];
      for (const [body, fields] of cases) {
        const response = await t
          .http()
          .post(`/api/v1/brands/${brandId}/members`)
          .set('Cookie', owner)
          .send(body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect(bodyOf<Problem>(response).code).toBe('validation_failed');
        expect([...new Set((bodyOf<Problem>(response).errors ?? []).map((error) => error.field))]).toEqual(
          fields,
        );
      }
      expect(await members(brandId)).toEqual(before);
    });

    it('lists the team by email with cursor paging', async () => {
      const brandId = await newBrand();
      const prefix = tag();
      for (const label of ['c', 'a', 'b']) {
        await t
          .http()
          .post(`/api/v1/brands/${brandId}/members`)
          .set('Cookie', owner)
          .send({ email: `${prefix}-${label}@example.com`, role: 'analyst' })
          .expect(201);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const query: Record<string, string | number> = cursor === null ? { limit: 2 } : { limit: 2, cursor };
        const body = bodyOf<MemberPageDto>(
          await t
            .http()
            .get(`/api/v1/brands/${brandId}/members`)
            .query(query)
            .set('Cookie', owner)
            .expect(200),
        );
        seen.push(...body.items.map((member) => member.email));
        cursor = body.nextCursor;
        if (cursor === null) break;
      }
      expect(seen).toEqual(
        [OWNER_EMAIL, `${prefix}-a@example.com`, `${prefix}-b@example.com`, `${prefix}-c@example.com`].sort(),
      );
    });
  });

  describe('roles', () => {
    it('lets an analyst read the brand and the team but write nothing', async () => {
      const brandId = await newBrand();
      const analyst = await addMember(t, owner, brandId, uniqueEmail('analyst'), 'analyst');
      const other = await addMember(t, owner, brandId, uniqueEmail('kollege'), 'manager');

      const brand = bodyOf<BrandDto>(
        await t.http().get(`/api/v1/brands/${brandId}`).set('Cookie', analyst.cookie).expect(200),
      );
      expect(brand.role).toBe('analyst');
      expect((await members(brandId, analyst.cookie)).map((member) => member.userId)).toEqual(
        expect.arrayContaining([ownerId, analyst.userId, other.userId]),
      );

      const before = {
        brand: await t.http().get(`/api/v1/brands/${brandId}`).set('Cookie', owner),
        team: await members(brandId),
      };
      const refused = [
        t.http().patch(`/api/v1/brands/${brandId}`).send({ name: 'Analyst was here' }),
        t
          .http()
          .post(`/api/v1/brands/${brandId}/api-keys`)
          .send({ name: 'Analyst key', scopes: ['reports:read'] }),
        t.http().get(`/api/v1/brands/${brandId}/api-keys`),
        t
          .http()
          .post(`/api/v1/brands/${brandId}/members`)
          .send({ email: uniqueEmail('freund'), role: 'owner' }),
        t.http().patch(`/api/v1/brands/${brandId}/members/${analyst.userId}`).send({ role: 'owner' }),
        t.http().patch(`/api/v1/brands/${brandId}/members/${other.userId}`).send({ role: 'analyst' }),
        t.http().delete(`/api/v1/brands/${brandId}/members/${other.userId}`),
        t.http().get(`/api/v1/brands/${brandId}/audit-log`),
      ];
      for (const request of refused) {
        const response = await request.set('Cookie', analyst.cookie);
        expect({ url: response.request.url, status: response.status }).toEqual({
          url: response.request.url,
          status: 403,
        });
        expect(bodyOf<Problem>(response).code).toBe('insufficient_role');
      }
      const after = await t.http().get(`/api/v1/brands/${brandId}`).set('Cookie', owner);
      expect(after.body).toEqual(before.brand.body);
      expect(await members(brandId)).toEqual(before.team);
      const keys = await t.dataSource.query<unknown[]>('SELECT 1 FROM api_key WHERE brand_id = $1', [
        brandId,
      ]);
      expect(keys).toHaveLength(0);
    });

    it('lets a manager read but not manage API keys or the team', async () => {
      const brandId = await newBrand();
      const manager = await addMember(t, owner, brandId, uniqueEmail('manager'), 'manager');
      const analyst = await addMember(t, owner, brandId, uniqueEmail('analyst'), 'analyst');

      expect(
        bodyOf<BrandDto>(
          await t.http().get(`/api/v1/brands/${brandId}`).set('Cookie', manager.cookie).expect(200),
        ).role,
      ).toBe('manager');
      expect(await members(brandId, manager.cookie)).toHaveLength(3);

      const before = await members(brandId);
      const refused = [
        t.http().get(`/api/v1/brands/${brandId}/api-keys`),
        t
          .http()
          .post(`/api/v1/brands/${brandId}/api-keys`)
          .send({ name: 'Manager key', scopes: ['events:write'] }),
        t
          .http()
          .post(`/api/v1/brands/${brandId}/members`)
          .send({ email: uniqueEmail('neu'), role: 'analyst' }),
        t.http().patch(`/api/v1/brands/${brandId}/members/${analyst.userId}`).send({ role: 'manager' }),
        t.http().patch(`/api/v1/brands/${brandId}/members/${manager.userId}`).send({ role: 'owner' }),
        t.http().delete(`/api/v1/brands/${brandId}/members/${analyst.userId}`),
        t.http().delete(`/api/v1/brands/${brandId}/members/${ownerId}`),
        t.http().patch(`/api/v1/brands/${brandId}`).send({ locale: 'en' }),
      ];
      for (const request of refused) {
        const response = await request.set('Cookie', manager.cookie);
        expect({ url: response.request.url, status: response.status }).toEqual({
          url: response.request.url,
          status: 403,
        });
        expect(bodyOf<Problem>(response).code).toBe('insufficient_role');
      }
      expect(await members(brandId)).toEqual(before);
    });

    it('changes a member’s role, and the new role takes effect at once', async () => {
      const brandId = await newBrand();
      const member = await addMember(t, owner, brandId, uniqueEmail('aufstieg'), 'analyst');

      const toManager = await t
        .http()
        .patch(`/api/v1/brands/${brandId}/members/${member.userId}`)
        .set('Cookie', owner)
        .send({ role: 'manager' })
        .expect(200);
      expect(bodyOf<MemberDto>(toManager)).toMatchObject({ userId: member.userId, role: 'manager' });
      expect(
        bodyOf<BrandDto>(await t.http().get(`/api/v1/brands/${brandId}`).set('Cookie', member.cookie)).role,
      ).toBe('manager');
      await t.http().get(`/api/v1/brands/${brandId}/api-keys`).set('Cookie', member.cookie).expect(403);

      await t
        .http()
        .patch(`/api/v1/brands/${brandId}/members/${member.userId}`)
        .set('Cookie', owner)
        .send({ role: 'owner' })
        .expect(200);
      // The same session now holds the owner's rights.
      await t.http().get(`/api/v1/brands/${brandId}/api-keys`).set('Cookie', member.cookie).expect(200);
      await t
        .http()
        .patch(`/api/v1/brands/${brandId}`)
        .set('Cookie', member.cookie)
        .send({ locale: 'en' })
        .expect(200);
      expect(await roleOf(brandId, member.userId)).toBe('owner');

      // Setting the role it already has changes nothing and is fine.
      await t
        .http()
        .patch(`/api/v1/brands/${brandId}/members/${member.userId}`)
        .set('Cookie', owner)
        .send({ role: 'owner' })
        .expect(200);
    });

    it('refuses unknown roles and unknown members', async () => {
      const brandId = await newBrand();
      const member = await addMember(t, owner, brandId, uniqueEmail('rolle'), 'analyst');
      for (const body of [{ role: 'admin' }, {}, { role: null }, { role: 'owner', extra: 1 }]) {
        const response = await t
          .http()
          .patch(`/api/v1/brands/${brandId}/members/${member.userId}`)
          .set('Cookie', owner)
          .send(body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect(bodyOf<Problem>(response).code).toBe('validation_failed');
      }
      expect(await roleOf(brandId, member.userId)).toBe('analyst');

      const stranger = await addMember(t, owner, await newBrand(), uniqueEmail('fremd'), 'analyst');
      for (const userId of [randomUUID(), stranger.userId]) {
        const patch = await t
          .http()
          .patch(`/api/v1/brands/${brandId}/members/${userId}`)
          .set('Cookie', owner)
          .send({ role: 'manager' })
          .expect(404);
        expect(bodyOf<Problem>(patch).code).toBe('not_found');
        await t.http().delete(`/api/v1/brands/${brandId}/members/${userId}`).set('Cookie', owner).expect(404);
      }
    });
  });

  describe('remove', () => {
    it('removes a member: their access ends at once', async () => {
      const brandId = await newBrand();
      const email = uniqueEmail('abschied');
      const member = await addMember(t, owner, brandId, email, 'manager');
      await t.http().get(`/api/v1/brands/${brandId}`).set('Cookie', member.cookie).expect(200);

      const response = await t
        .http()
        .delete(`/api/v1/brands/${brandId}/members/${member.userId}`)
        .set('Cookie', owner)
        .expect(204);
      expect(response.text).toBe('');

      const gone = await t.http().get(`/api/v1/brands/${brandId}`).set('Cookie', member.cookie).expect(404);
      expect(bodyOf<Problem>(gone).code).toBe('not_found');
      await t.http().get(`/api/v1/brands/${brandId}/members`).set('Cookie', member.cookie).expect(404);
      const brands = bodyOf<BrandPageDto>(
        await t.http().get('/api/v1/brands').set('Cookie', member.cookie).expect(200),
      );
      expect(brands.items.map((brand) => brand.id)).not.toContain(brandId);
      expect((await members(brandId)).map((m) => m.userId)).not.toContain(member.userId);

      // Removing again: there is nobody to remove.
      await t
        .http()
        .delete(`/api/v1/brands/${brandId}/members/${member.userId}`)
        .set('Cookie', owner)
        .expect(404);
      // The account itself stays: they can still log in.
      await login(t, email, member.password);
    });

    it('lets an owner leave when another owner stays', async () => {
      const brandId = await newBrand();
      const second = await addMember(t, owner, brandId, uniqueEmail('zweite'), 'owner');
      await t
        .http()
        .delete(`/api/v1/brands/${brandId}/members/${second.userId}`)
        .set('Cookie', second.cookie)
        .expect(204);
      await t.http().get(`/api/v1/brands/${brandId}`).set('Cookie', second.cookie).expect(404);
      expect(await roleOf(brandId, ownerId)).toBe('owner');
    });
  });

  describe('the last owner', () => {
    it('cannot be demoted or removed (409 last_owner)', async () => {
      const brandId = await newBrand();
      const manager = await addMember(t, owner, brandId, uniqueEmail('bleibt'), 'manager');
      for (const role of ['manager', 'analyst'] as const) {
        const response = await t
          .http()
          .patch(`/api/v1/brands/${brandId}/members/${ownerId}`)
          .set('Cookie', owner)
          .send({ role })
          .expect(409);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(bodyOf<Problem>(response).code).toBe('last_owner');
      }
      const removal = await t
        .http()
        .delete(`/api/v1/brands/${brandId}/members/${ownerId}`)
        .set('Cookie', owner)
        .expect(409);
      expect(bodyOf<Problem>(removal).code).toBe('last_owner');
      expect(await roleOf(brandId, ownerId)).toBe('owner');
      expect(await roleOf(brandId, manager.userId)).toBe('manager');

      // With a second owner, the first may step down.
      await t
        .http()
        .patch(`/api/v1/brands/${brandId}/members/${manager.userId}`)
        .set('Cookie', owner)
        .send({ role: 'owner' })
        .expect(200);
      await t
        .http()
        .patch(`/api/v1/brands/${brandId}/members/${ownerId}`)
        .set('Cookie', owner)
        .send({ role: 'analyst' })
        .expect(200);
      const last = await t
        .http()
        .delete(`/api/v1/brands/${brandId}/members/${manager.userId}`)
        .set('Cookie', manager.cookie)
        .expect(409);
      expect(bodyOf<Problem>(last).code).toBe('last_owner');
    });

    /**
     * Holds the brand's row lock (the one membership changes serialise on) while `requests` start,
     * and lets go once all of them wait for it: every request is then past the access check, and
     * the service alone decides who wins.
     */
    async function raceAtTheBrandLock(
      brandId: string,
      requests: () => Array<Promise<Response>>,
    ): Promise<Response[]> {
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        await runner.query('SELECT 1 FROM brand WHERE id = $1 FOR UPDATE', [brandId]);
        const inFlight = Promise.all(requests());
        inFlight.catch(() => undefined);
        const deadline = Date.now() + 10_000;
        for (;;) {
          const [row] = await t.dataSource.query<Array<{ n: number }>>(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
          );
          if ((row?.n ?? 0) >= 2) break;
          if (Date.now() > deadline) throw new Error('the requests never reached the brand lock');
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        await runner.commitTransaction();
        return await inFlight;
      } finally {
        await runner.release();
      }
    }

    async function outcome(response: Response): Promise<string> {
      return response.status === 204
        ? '204'
        : `${response.status} ${((await response.json()) as Problem).code ?? ''}`.trim();
    }

    async function twoOwners(): Promise<{ brandId: string; second: { cookie: string; userId: string } }> {
      const brandId = await newBrand();
      const second = await addMember(t, owner, brandId, uniqueEmail('rivale'), 'owner');
      return { brandId, second };
    }

    function patchRole(brandId: string, cookie: string, userId: string, role: Role): Promise<Response> {
      return fetch(`${t.url}/api/v1/brands/${brandId}/members/${userId}`, {
        method: 'PATCH',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ role }),
      });
    }

    function removeMember(brandId: string, cookie: string, userId: string): Promise<Response> {
      return fetch(`${t.url}/api/v1/brands/${brandId}/members/${userId}`, {
        method: 'DELETE',
        headers: { cookie },
      });
    }

    async function ownersOf(brandId: string): Promise<string[]> {
      const rows = await t.dataSource.query<Array<{ user_id: string }>>(
        "SELECT user_id FROM membership WHERE brand_id = $1 AND role = 'owner'",
        [brandId],
      );
      return rows.map((row) => row.user_id);
    }

    it('keeps an owner when two owners demote each other at the same moment', async () => {
      const { brandId, second } = await twoOwners();
      const responses = await raceAtTheBrandLock(brandId, () => [
        patchRole(brandId, owner, second.userId, 'manager'),
        patchRole(brandId, second.cookie, ownerId, 'manager'),
      ]);
      const outcomes = await Promise.all(responses.map(outcome));
      expect([...outcomes].sort()).toEqual(['200', '409 last_owner']);
      const winner = outcomes[0] === '200' ? ownerId : second.userId;
      expect(await ownersOf(brandId)).toEqual([winner]);
      const team = await members(brandId, outcomes[0] === '200' ? owner : second.cookie);
      expect(team.filter((member) => member.role === 'owner').map((member) => member.userId)).toEqual([
        winner,
      ]);
    });

    it('keeps an owner when two owners remove each other at the same moment', async () => {
      const { brandId, second } = await twoOwners();
      const responses = await raceAtTheBrandLock(brandId, () => [
        removeMember(brandId, owner, second.userId),
        removeMember(brandId, second.cookie, ownerId),
      ]);
      const outcomes = await Promise.all(responses.map(outcome));
      expect([...outcomes].sort()).toEqual(['204', '409 last_owner']);
      expect(await ownersOf(brandId)).toEqual([outcomes[0] === '204' ? ownerId : second.userId]);
    });

    it('keeps an owner however the simultaneous requests interleave', async () => {
      // Unorchestrated: when one change commits before the other request is even checked, the loser
      // is refused at the door (no longer an owner: 403; no longer a member: 404) instead of by the rule.
      for (let round = 0; round < 4; round += 1) {
        const demotion = await twoOwners();
        const demoted = await Promise.all(
          [
            patchRole(demotion.brandId, owner, demotion.second.userId, 'analyst'),
            patchRole(demotion.brandId, demotion.second.cookie, ownerId, 'analyst'),
          ].map(async (response) => outcome(await response)),
        );
        expect(demoted.filter((result) => result === '200')).toHaveLength(1);
        expect(['409 last_owner', '403 insufficient_role']).toContain(
          demoted.find((result) => result !== '200'),
        );
        expect(await ownersOf(demotion.brandId)).toHaveLength(1);

        const removal = await twoOwners();
        const removed = await Promise.all(
          [
            removeMember(removal.brandId, owner, removal.second.userId),
            removeMember(removal.brandId, removal.second.cookie, ownerId),
          ].map(async (response) => outcome(await response)),
        );
        expect(removed.filter((result) => result === '204')).toHaveLength(1);
        expect(['409 last_owner', '404 not_found']).toContain(removed.find((result) => result !== '204'));
        expect(await ownersOf(removal.brandId)).toHaveLength(1);
      }
    });
  });
});
