import { randomUUID } from 'node:crypto';

import { type CreatedApiKeyDto } from '../src/api-keys/dto/api-key.dto';
import { type AuditEntryDto, type AuditLogPageDto } from '../src/audit/dto/audit-entry.dto';
import { type MeDto } from '../src/auth/dto/auth.dto';
import { type BrandDto } from '../src/brands/dto/brand.dto';
import { type AddedMemberDto } from '../src/members/dto/member.dto';
import { addMember, createBrand, login } from './support/sessions';
import { bodyOf, type Problem, tag } from './support/http';
import { OWNER_EMAIL, startTestApp, type TestApp } from './support/test-app';

function requestIdOf(response: { headers: Record<string, string | string[] | undefined> }): string {
  const id = response.headers['x-request-id'];
  if (typeof id !== 'string' || id.length === 0) throw new Error('the answer has no x-request-id');
  return id;
}

describe('audit log', () => {
  let t: TestApp;
  let owner: string;
  let ownerActor: { type: 'user'; id: string; label: string };

  beforeAll(async () => {
    t = await startTestApp();
    owner = await login(t);
    const me = bodyOf<MeDto>(await t.http().get('/api/v1/auth/me').set('Cookie', owner).expect(200));
    ownerActor = { type: 'user', id: me.user.id, label: OWNER_EMAIL };
  });
  afterAll(async () => {
    await t.close();
  });

  async function newBrand(): Promise<string> {
    return createBrand(t, owner, `Protokoll ${tag()}`);
  }

  async function auditLog(
    brandId: string,
    query: Record<string, string | number> = {},
  ): Promise<AuditEntryDto[]> {
    const response = await t
      .http()
      .get(`/api/v1/brands/${brandId}/audit-log`)
      .query({ limit: 200, ...query })
      .set('Cookie', owner)
      .expect(200);
    return bodyOf<AuditLogPageDto>(response).items;
  }

  /** The one entry that the request with this id wrote. */
  async function entryOf(brandId: string, requestId: string): Promise<AuditEntryDto> {
    const entries = (await auditLog(brandId)).filter((entry) => entry.requestId === requestId);
    expect(entries).toHaveLength(1);
    return entries[0]!;
  }

  it('records the creation of a brand', async () => {
    const response = await t
      .http()
      .post('/api/v1/brands')
      .set('Cookie', owner)
      .send({ name: `Neugründung ${tag()}`, timeZone: 'Europe/Vienna', locale: 'de' })
      .expect(201);
    const brand = bodyOf<BrandDto>(response);
    expect(await auditLog(brand.id)).toEqual([
      {
        id: expect.any(String) as unknown,
        occurredAt: expect.any(String) as unknown,
        actor: ownerActor,
        action: 'brand.created',
        targetType: 'brand',
        targetId: brand.id,
        targetLabel: brand.name,
        changes: {
          name: { to: brand.name },
          slug: { to: brand.slug },
          timeZone: { to: 'Europe/Vienna' },
          locale: { to: 'de' },
        },
        requestId: requestIdOf(response),
      },
    ]);
  });

  it('records a brand update with only the fields that changed', async () => {
    const brandId = await newBrand();
    const before = bodyOf<BrandDto>(
      await t.http().get(`/api/v1/brands/${brandId}`).set('Cookie', owner).expect(200),
    );
    const name = `Umbenannt ${tag()}`;
    const response = await t
      .http()
      .patch(`/api/v1/brands/${brandId}`)
      .set('Cookie', owner)
      // timeZone and slug are sent unchanged: they are no change.
      .send({ name, timeZone: before.timeZone, slug: before.slug, locale: 'en' })
      .expect(200);
    const entry = await entryOf(brandId, requestIdOf(response));
    expect(entry).toEqual({
      id: expect.any(String) as unknown,
      occurredAt: expect.any(String) as unknown,
      actor: ownerActor,
      action: 'brand.updated',
      targetType: 'brand',
      targetId: brandId,
      targetLabel: name,
      changes: { name: { from: before.name, to: name }, locale: { from: 'de', to: 'en' } },
      requestId: requestIdOf(response),
    });
    expect(Math.abs(new Date(entry.occurredAt).getTime() - Date.now())).toBeLessThan(60_000);

    // A write that changes nothing records nothing.
    const count = (await auditLog(brandId)).length;
    await t
      .http()
      .patch(`/api/v1/brands/${brandId}`)
      .set('Cookie', owner)
      .send({ name, locale: 'en' })
      .expect(200);
    expect(await auditLog(brandId)).toHaveLength(count);
  });

  it('records API key creation and revocation with the request id of each', async () => {
    const brandId = await newBrand();
    const created = await t
      .http()
      .post(`/api/v1/brands/${brandId}/api-keys`)
      .set('Cookie', owner)
      .send({ name: 'Kasse', scopes: ['fans:read', 'events:write'] })
      .expect(201);
    const key = bodyOf<CreatedApiKeyDto>(created);
    const revoked = await t
      .http()
      .delete(`/api/v1/brands/${brandId}/api-keys/${key.apiKey.id}`)
      .set('Cookie', owner)
      .expect(204);

    expect(await entryOf(brandId, requestIdOf(created))).toMatchObject({
      actor: ownerActor,
      action: 'api_key.created',
      targetType: 'api_key',
      targetId: key.apiKey.id,
      targetLabel: 'Kasse',
      changes: { name: { to: 'Kasse' }, scopes: { to: ['events:write', 'fans:read'] } },
    });
    const revocation = await entryOf(brandId, requestIdOf(revoked));
    expect(revocation).toMatchObject({
      actor: ownerActor,
      action: 'api_key.revoked',
      targetType: 'api_key',
      targetId: key.apiKey.id,
      targetLabel: 'Kasse',
      changes: { status: { from: 'active', to: 'revoked' } },
    });
    expect(JSON.stringify(await auditLog(brandId))).not.toContain(key.secret);
  });

  it('records members added, their role changes and their removal', async () => {
    const brandId = await newBrand();
    const email = `protokolliert-${tag()}@example.com`;
    const added = await t
      .http()
      .post(`/api/v1/brands/${brandId}/members`)
      .set('Cookie', owner)
      .send({ email, role: 'analyst' })
      .expect(201);
    const { member, oneTimePassword } = bodyOf<AddedMemberDto>(added);
    const changed = await t
      .http()
      .patch(`/api/v1/brands/${brandId}/members/${member.userId}`)
      .set('Cookie', owner)
      .send({ role: 'manager' })
      .expect(200);
    const removed = await t
      .http()
      .delete(`/api/v1/brands/${brandId}/members/${member.userId}`)
      .set('Cookie', owner)
      .expect(204);

    const target = { actor: ownerActor, targetType: 'user', targetId: member.userId };
    expect(await entryOf(brandId, requestIdOf(added))).toMatchObject({
      ...target,
      action: 'member.added',
      changes: { email: { to: email }, role: { to: 'analyst' } },
    });
    expect(await entryOf(brandId, requestIdOf(changed))).toMatchObject({
      ...target,
      action: 'member.role_changed',
      changes: { role: { from: 'analyst', to: 'manager' } },
    });
    expect(await entryOf(brandId, requestIdOf(removed))).toMatchObject({
      ...target,
      action: 'member.removed',
      changes: { email: { from: email }, role: { from: 'manager' } },
    });
    expect(JSON.stringify(await auditLog(brandId))).not.toContain(oneTimePassword!);
  });

  it('uses the request id the client sent', async () => {
    const brandId = await newBrand();
    const requestId = `trace-${tag()}`;
    const response = await t
      .http()
      .patch(`/api/v1/brands/${brandId}`)
      .set('Cookie', owner)
      .set('x-request-id', requestId)
      .send({ locale: 'en' })
      .expect(200);
    expect(response.headers['x-request-id']).toBe(requestId);
    expect((await entryOf(brandId, requestId)).action).toBe('brand.updated');
  });

  it('labels the actor with the email of whoever did it', async () => {
    const brandId = await newBrand();
    const email = `mitinhaberin-${tag()}@example.com`;
    const coOwner = await addMember(t, owner, brandId, email, 'owner');
    const response = await t
      .http()
      .post(`/api/v1/brands/${brandId}/api-keys`)
      .set('Cookie', coOwner.cookie)
      .send({ name: 'Von der Mitinhaberin', scopes: ['reports:read'] })
      .expect(201);
    expect((await entryOf(brandId, requestIdOf(response))).actor).toEqual({
      type: 'user',
      id: coOwner.userId,
      label: email,
    });
  });

  it('is for owners only', async () => {
    const brandId = await newBrand();
    for (const role of ['manager', 'analyst'] as const) {
      const member = await addMember(t, owner, brandId, `${role}-${tag()}@example.com`, role);
      const response = await t
        .http()
        .get(`/api/v1/brands/${brandId}/audit-log`)
        .set('Cookie', member.cookie)
        .expect(403);
      expect(bodyOf<Problem>(response).code).toBe('insufficient_role');
    }
    // Not a member: the brand does not exist for them.
    const stranger = await addMember(t, owner, await newBrand(), `fremd-${tag()}@example.com`, 'owner');
    const hidden = await t
      .http()
      .get(`/api/v1/brands/${brandId}/audit-log`)
      .set('Cookie', stranger.cookie)
      .expect(404);
    expect(bodyOf<Problem>(hidden).code).toBe('not_found');
    await t.http().get(`/api/v1/brands/${brandId}/audit-log`).expect(401);
  });

  it('keeps each brand’s log to itself', async () => {
    const brandA = await newBrand();
    const brandB = await newBrand();
    await t.http().patch(`/api/v1/brands/${brandA}`).set('Cookie', owner).send({ locale: 'en' }).expect(200);
    expect((await auditLog(brandA)).map((entry) => entry.targetId)).toEqual([brandA, brandA]);
    expect((await auditLog(brandB)).map((entry) => entry.targetId)).toEqual([brandB]);
  });

  it('pages newest first with a cursor', async () => {
    const brandId = await newBrand();
    for (let index = 0; index < 4; index += 1) {
      await t
        .http()
        .post(`/api/v1/brands/${brandId}/api-keys`)
        .set('Cookie', owner)
        .send({ name: `Key ${index}`, scopes: ['events:write'] })
        .expect(201);
    }
    const seen: AuditEntryDto[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const query: Record<string, string | number> = cursor === null ? { limit: 2 } : { limit: 2, cursor };
      const body = bodyOf<AuditLogPageDto>(
        await t
          .http()
          .get(`/api/v1/brands/${brandId}/audit-log`)
          .query(query)
          .set('Cookie', owner)
          .expect(200),
      );
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items);
      cursor = body.nextCursor;
      if (cursor === null) break;
    }
    expect(seen.map((entry) => entry.action)).toEqual([
      'api_key.created',
      'api_key.created',
      'api_key.created',
      'api_key.created',
      'brand.created',
    ]);
    expect(seen.map((entry) => (entry.changes.name as { to: string }).to)).toEqual([
      'Key 3',
      'Key 2',
      'Key 1',
      'Key 0',
      expect.stringMatching(/^Protokoll /) as unknown,
    ]);
    expect(new Set(seen.map((entry) => entry.id)).size).toBe(seen.length);
    const times = seen.map((entry) => new Date(entry.occurredAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const bad = await t
      .http()
      .get(`/api/v1/brands/${brandId}/audit-log`)
      .query({ cursor: 'nope' })
      .set('Cookie', owner)
      .expect(400);
    expect(bodyOf<Problem>(bad).errors).toEqual([
      { field: 'cursor', reason: 'is not a cursor this list handed out' },
    ]);
  });

  it('filters by action, also across pages', async () => {
    const brandId = await newBrand();
    const keyIds: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const response = await t
        .http()
        .post(`/api/v1/brands/${brandId}/api-keys`)
        .set('Cookie', owner)
        .send({ name: `Filter ${index}`, scopes: ['fans:read'] })
        .expect(201);
      keyIds.push(bodyOf<CreatedApiKeyDto>(response).apiKey.id);
      await t
        .http()
        .patch(`/api/v1/brands/${brandId}`)
        .set('Cookie', owner)
        .send({ name: `Filter ${tag()}` })
        .expect(200);
    }
    await t.http().delete(`/api/v1/brands/${brandId}/api-keys/${keyIds[0]}`).set('Cookie', owner).expect(204);

    const created = await auditLog(brandId, { action: 'api_key.created' });
    expect(created.map((entry) => entry.targetId)).toEqual([...keyIds].reverse());

    const first = bodyOf<AuditLogPageDto>(
      await t
        .http()
        .get(`/api/v1/brands/${brandId}/audit-log`)
        .query({ action: 'api_key.created', limit: 2 })
        .set('Cookie', owner)
        .expect(200),
    );
    expect(first.items.map((entry) => entry.targetId)).toEqual([keyIds[2], keyIds[1]]);
    const second = bodyOf<AuditLogPageDto>(
      await t
        .http()
        .get(`/api/v1/brands/${brandId}/audit-log`)
        .query({ action: 'api_key.created', limit: 2, cursor: first.nextCursor! })
        .set('Cookie', owner)
        .expect(200),
    );
    expect(second).toEqual({
      items: [expect.objectContaining({ targetId: keyIds[0] }) as unknown],
      nextCursor: null,
    });

    expect(await auditLog(brandId, { action: 'member.removed' })).toEqual([]);
    const invalid = await t
      .http()
      .get(`/api/v1/brands/${brandId}/audit-log`)
      .query({ action: 'DROP TABLE' })
      .set('Cookie', owner)
      .expect(400);
    expect((bodyOf<Problem>(invalid).errors ?? []).map((error) => error.field)).toEqual(['action']);
  });

  it('records nothing for writes that fail', async () => {
    const brandId = await newBrand();
    const takenSlug = `vergeben-${tag()}`;
    await createBrand(t, owner, 'Hält den Slug', takenSlug);
    const memberEmail = `schon-da-${tag()}@example.com`;
    const member = await addMember(t, owner, brandId, memberEmail, 'manager');
    const before = await auditLog(brandId);
    const countAll = async (): Promise<number> =>
      (await t.dataSource.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM audit_log'))[0]?.n ??
      -1;
    const totalBefore = await countAll();

    const failures: Array<[ReturnType<ReturnType<TestApp['http']>['get']>, number]> = [
      [
        t
          .http()
          .post('/api/v1/brands')
          .send({ name: 'Doppelt', slug: takenSlug, timeZone: 'Europe/Berlin', locale: 'de' }),
        409,
      ],
      [t.http().patch(`/api/v1/brands/${brandId}`).send({ name: 'Neu', timeZone: 'Mars/Olympus' }), 400],
      [t.http().patch(`/api/v1/brands/${brandId}`).send({ name: 'Neu', slug: takenSlug }), 409],
      [t.http().patch(`/api/v1/brands/${brandId}`).send({ name: 'Neu', unknown: 1 }), 400],
      [
        t
          .http()
          .post(`/api/v1/brands/${brandId}/members`)
          .send({ email: 'nobody@example.com', role: 'admin' }),
        400,
      ],
      [
        t
          .http()
          .post(`/api/v1/brands/${brandId}/members`)
          .send({ email: memberEmail.toUpperCase(), role: 'owner' }),
        409,
      ],
      // The only owner.
      [t.http().patch(`/api/v1/brands/${brandId}/members/${ownerActor.id}`).send({ role: 'analyst' }), 409],
      [t.http().delete(`/api/v1/brands/${brandId}/members/${ownerActor.id}`), 409],
      [t.http().delete(`/api/v1/brands/${brandId}/members/${randomUUID()}`), 404],
      [t.http().post(`/api/v1/brands/${brandId}/api-keys`).send({ name: 'Ungültig', scopes: [] }), 400],
      [t.http().delete(`/api/v1/brands/${brandId}/api-keys/${randomUUID()}`), 404],
    ];
    for (const [request, status] of failures) {
      const response = await request.set('Cookie', owner);
      expect({ url: response.request.url, status: response.status }).toEqual({
        url: response.request.url,
        status,
      });
    }
    // Refused at the door: a manager trying owner-only writes.
    await t
      .http()
      .patch(`/api/v1/brands/${brandId}`)
      .set('Cookie', member.cookie)
      .send({ locale: 'en' })
      .expect(403);
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/api-keys`)
      .set('Cookie', member.cookie)
      .send({ name: 'Manager', scopes: ['fans:read'] })
      .expect(403);

    expect(await auditLog(brandId)).toEqual(before);
    expect(await countAll()).toBe(totalBefore);
  });

  it('records the demo brand as made by the system, outside any request', async () => {
    const demo = bodyOf<{ items: BrandDto[] }>(
      await t.http().get('/api/v1/brands').query({ limit: 200 }).set('Cookie', owner),
    ).items.find((brand) => brand.isDemo);
    expect(demo).toBeDefined();
    const created = await auditLog(demo!.id, { action: 'brand.created' });
    expect(created).toEqual([
      expect.objectContaining({
        actor: { type: 'system', id: null, label: 'demo seed' },
        targetId: demo!.id,
        requestId: null,
      }),
    ]);
  });
});
