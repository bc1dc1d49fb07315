import { randomBytes, randomUUID } from 'node:crypto';

import { type ApiKeyScope } from '@fanfare/shared';

import { ApiKeyCache, REVOKED_CHANNEL } from '../src/api-keys/api-key-cache';
import { hashApiKeySecret } from '../src/api-keys/api-key-secrets';
import { type ApiKeyDto, type ApiKeyPageDto, type CreatedApiKeyDto } from '../src/api-keys/dto/api-key.dto';
import { type AuditLogPageDto } from '../src/audit/dto/audit-entry.dto';
import { type MeDto } from '../src/auth/dto/auth.dto';
import { type BrandDto } from '../src/brands/dto/brand.dto';
import { createBrand, login } from './support/sessions';
import { bodyOf, type Problem, PROBLEM, tag } from './support/http';
import { OWNER_EMAIL, startTestApp, type TestApp } from './support/test-app';

const SECRET = /^sk_[A-Za-z0-9_-]{43}$/;

/** A secret of the right shape that no key has. */
function unknownSecret(): string {
  return `sk_${randomBytes(32).toString('base64url')}`;
}

describe('API keys', () => {
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
    return createBrand(t, owner, `Schlüssel ${tag()}`);
  }

  async function createKey(brandId: string, scopes: ApiKeyScope[] = ['events:write'], name = `Key ${tag()}`) {
    const response = await t
      .http()
      .post(`/api/v1/brands/${brandId}/api-keys`)
      .set('Cookie', owner)
      .send({ name, scopes })
      .expect(201);
    return bodyOf<CreatedApiKeyDto>(response);
  }

  async function listKeys(brandId: string): Promise<ApiKeyDto[]> {
    const response = await t
      .http()
      .get(`/api/v1/brands/${brandId}/api-keys`)
      .query({ limit: 200 })
      .set('Cookie', owner)
      .expect(200);
    return bodyOf<ApiKeyPageDto>(response).items;
  }

  describe('create', () => {
    it('answers the secret once; lists show the prefix but never the secret', async () => {
      const brandId = await newBrand();
      const response = await t
        .http()
        .post(`/api/v1/brands/${brandId}/api-keys`)
        .set('Cookie', owner)
        .send({ name: '  Shop backend  ', scopes: ['reports:read', 'events:write'] })
        .expect(201);
      const created = bodyOf<CreatedApiKeyDto>(response);
      expect(created.secret).toMatch(SECRET);
      expect(created.apiKey).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
        name: 'Shop backend',
        prefix: created.secret.slice(0, 10),
        scopes: ['events:write', 'reports:read'],
        createdBy: { userId: ownerId, email: OWNER_EMAIL },
        createdAt: expect.any(String) as unknown,
        lastUsedAt: null,
        revokedAt: null,
      });
      expect(created.apiKey.prefix.length).toBeLessThan(created.secret.length - 20);

      const list = await t.http().get(`/api/v1/brands/${brandId}/api-keys`).set('Cookie', owner).expect(200);
      expect(bodyOf<ApiKeyPageDto>(list)).toEqual({ items: [created.apiKey], nextCursor: null });
      expect(list.text).not.toContain(created.secret);
      expect(list.text).not.toMatch(/"secret"/);

      // Only a hash is stored.
      const rows = await t.dataSource.query<Array<Record<string, unknown>>>(
        'SELECT * FROM api_key WHERE id = $1',
        [created.apiKey.id],
      );
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows[0])).not.toContain(created.secret.slice(10));
    });

    it('names each invalid field and creates nothing', async () => {
      const brandId = await newBrand();
      const cases: Array<[unknown, string]> = [
        [{ name: 'Leer', scopes: [] }, 'scopes'],
        [{ name: 'Unbekannt', scopes: ['events:write', 'admin'] }, 'scopes'],
        [{ name: 'Doppelt', scopes: ['fans:read', 'fans:read'] }, 'scopes'],
        [{ name: 'Kein Array', scopes: 'fans:read' }, 'scopes'],
        [{ name: 'Ohne' }, 'scopes'],
        [{ scopes: ['fans:read'] }, 'name'],
        [{ name: '', scopes: ['fans:read'] }, 'name'],
        [{ name: '   ', scopes: ['fans:read'] }, 'name'],
        [{ name: 'x'.repeat(101), scopes: ['fans:read'] }, 'name'],
        [{ name: 'Extra', scopes: ['fans:read'], secret: `sk_${'a'.repeat(43)}` }, 'secret'],
      ];
      for (const [body, field] of cases) {
        const response = await t
          .http()
          .post(`/api/v1/brands/${brandId}/api-keys`)
          .set('Cookie', owner)
          .send(body as object);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(bodyOf<Problem>(response).code).toBe('validation_failed');
        const fields = (bodyOf<Problem>(response).errors ?? []).map((error) => error.field);
        expect({ body, fields: [...new Set(fields)] }).toEqual({ body, fields: [field] });
      }
      expect(await listKeys(brandId)).toEqual([]);
    });

    it('creates ten keys at the same time, each with its own secret', async () => {
      const brandId = await newBrand();
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          fetch(`${t.url}/api/v1/brands/${brandId}/api-keys`, {
            method: 'POST',
            headers: { cookie: owner, 'content-type': 'application/json' },
            body: JSON.stringify({ name: `Parallel ${index}`, scopes: ['events:write'] }),
          }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array.from({ length: 10 }, () => 201));
      const created = await Promise.all(
        responses.map(async (response) => (await response.json()) as CreatedApiKeyDto),
      );
      const secrets = created.map((body) => body.secret);
      expect(secrets.every((secret) => SECRET.test(secret))).toBe(true);
      expect(new Set(secrets).size).toBe(10);
      expect(new Set(created.map((body) => body.apiKey.id)).size).toBe(10);

      const listed = await listKeys(brandId);
      expect(listed.map((key) => key.id).sort()).toEqual(created.map((body) => body.apiKey.id).sort());
      // Every secret works, for its own key.
      for (const secret of secrets) {
        await t.http().get(`/api/v1/brands/${brandId}`).set('Authorization', `Bearer ${secret}`).expect(200);
      }
    });

    it('pages the list newest first', async () => {
      const brandId = await newBrand();
      const ids: string[] = [];
      for (let index = 0; index < 3; index += 1) ids.push((await createKey(brandId)).apiKey.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const query: Record<string, string | number> = cursor === null ? { limit: 2 } : { limit: 2, cursor };
        const body = bodyOf<ApiKeyPageDto>(
          await t
            .http()
            .get(`/api/v1/brands/${brandId}/api-keys`)
            .query(query)
            .set('Cookie', owner)
            .expect(200),
        );
        seen.push(...body.items.map((key) => key.id));
        cursor = body.nextCursor;
        if (cursor === null) break;
      }
      expect(seen).toEqual([...ids].reverse());
    });
  });

  describe('using a key', () => {
    it('authenticates as the brand with Authorization: Bearer sk_… and records when it was used', async () => {
      const brandId = await newBrand();
      const { apiKey, secret } = await createKey(brandId, ['reports:read']);
      const response = await t
        .http()
        .get(`/api/v1/brands/${brandId}`)
        .set('Authorization', `Bearer ${secret}`)
        .expect(200);
      expect(bodyOf<BrandDto>(response)).toMatchObject({ id: brandId, role: null });
      // The scheme is case-insensitive.
      await t.http().get(`/api/v1/brands/${brandId}`).set('Authorization', `bearer ${secret}`).expect(200);

      const [listed] = (await listKeys(brandId)).filter((key) => key.id === apiKey.id);
      expect(listed?.lastUsedAt).not.toBeNull();
      const usedAt = new Date(listed!.lastUsedAt!).getTime();
      expect(usedAt).toBeGreaterThanOrEqual(new Date(apiKey.createdAt).getTime());
      expect(usedAt).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it('is refused on session-only routes with 403 session_required', async () => {
      const brandId = await newBrand();
      const { secret } = await createKey(brandId, [
        'events:write',
        'fans:read',
        'fans:write',
        'reports:read',
      ]);
      const before = bodyOf<BrandDto>(await t.http().get(`/api/v1/brands/${brandId}`).set('Cookie', owner));
      const requests = [
        t.http().get(`/api/v1/brands/${brandId}/members`),
        t.http().get(`/api/v1/brands/${brandId}/api-keys`),
        t
          .http()
          .post(`/api/v1/brands/${brandId}/api-keys`)
          .send({ name: 'Von einem Key', scopes: ['fans:read'] }),
        t.http().patch(`/api/v1/brands/${brandId}`).send({ name: 'Von einem Key' }),
        t
          .http()
          .post(`/api/v1/brands/${brandId}/members`)
          .send({ email: `key-${tag()}@example.com`, role: 'owner' }),
        t.http().get(`/api/v1/brands/${brandId}/audit-log`),
      ];
      for (const request of requests) {
        const response = await request.set('Authorization', `Bearer ${secret}`);
        expect({ url: response.request.url, status: response.status }).toEqual({
          url: response.request.url,
          status: 403,
        });
        expect(bodyOf<Problem>(response).code).toBe('session_required');
      }
      expect(bodyOf<BrandDto>(await t.http().get(`/api/v1/brands/${brandId}`).set('Cookie', owner))).toEqual(
        before,
      );
      expect(await listKeys(brandId)).toHaveLength(1);
    });

    it('answers 404 for another brand: a key only opens its own brand', async () => {
      const brandA = await newBrand();
      const brandB = await newBrand();
      const { secret } = await createKey(brandA);
      for (const path of [
        `/api/v1/brands/${brandB}`,
        `/api/v1/brands/${brandB}/members`,
        `/api/v1/brands/${brandB}/api-keys`,
      ]) {
        const response = await t.http().get(path).set('Authorization', `Bearer ${secret}`).expect(404);
        expect(bodyOf<Problem>(response).code).toBe('not_found');
      }
      const missing = await t
        .http()
        .get(`/api/v1/brands/${randomUUID()}`)
        .set('Authorization', `Bearer ${secret}`)
        .expect(404);
      expect(bodyOf<Problem>(missing).code).toBe('not_found');
    });

    it('answers 401 for malformed Authorization headers and unknown keys', async () => {
      const brandId = await newBrand();
      const { secret } = await createKey(brandId);
      for (const header of [
        'Basic b3duZXI6cGFzc3dvcmQ=',
        'Bearer',
        'Bearer ',
        `Bearer ${secret} extra`,
        secret,
        `Token ${secret}`,
      ]) {
        const response = await t.http().get(`/api/v1/brands/${brandId}`).set('Authorization', header);
        expect({ header, status: response.status }).toEqual({ header, status: 401 });
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(bodyOf<Problem>(response).code).toBe('invalid_authorization');
      }
      for (const token of [unknownSecret(), 'sk_short', 'not-a-key', `${secret}x`, `pk_${secret.slice(3)}`]) {
        const response = await t
          .http()
          .get(`/api/v1/brands/${brandId}`)
          .set('Authorization', `Bearer ${token}`);
        expect({ token, status: response.status }).toEqual({ token, status: 401 });
        expect(bodyOf<Problem>(response).code).toBe('invalid_api_key');
      }
      // A malformed header is not ignored in favour of a valid session either.
      await t
        .http()
        .get(`/api/v1/brands/${brandId}`)
        .set('Cookie', owner)
        .set('Authorization', 'Basic abc')
        .expect(401);
    });
  });

  describe('revoke', () => {
    it('revokes with 204, and the key is refused from the next request on', async () => {
      const brandId = await newBrand();
      const { apiKey, secret } = await createKey(brandId);
      const other = await createKey(brandId);
      await t.http().get(`/api/v1/brands/${brandId}`).set('Authorization', `Bearer ${secret}`).expect(200);

      const response = await t
        .http()
        .delete(`/api/v1/brands/${brandId}/api-keys/${apiKey.id}`)
        .set('Cookie', owner)
        .expect(204);
      expect(response.text).toBe('');

      const refused = await t
        .http()
        .get(`/api/v1/brands/${brandId}`)
        .set('Authorization', `Bearer ${secret}`)
        .expect(401);
      expect(bodyOf<Problem>(refused).code).toBe('invalid_api_key');
      // The revoked key still shows, marked; the other key still works.
      const listed = await listKeys(brandId);
      expect(listed.find((key) => key.id === apiKey.id)?.revokedAt).toEqual(expect.any(String));
      expect(listed.find((key) => key.id === other.apiKey.id)?.revokedAt).toBeNull();
      await t
        .http()
        .get(`/api/v1/brands/${brandId}`)
        .set('Authorization', `Bearer ${other.secret}`)
        .expect(200);
    });

    it('keeps used keys in memory, and drops one when another instance revokes it', async () => {
      const brandId = await newBrand();
      const { apiKey, secret } = await createKey(brandId);
      const cache = t.app.get(ApiKeyCache);
      const cacheKey = hashApiKeySecret(secret).toString('base64');
      // The first use starts the revocation listener; once it listens, a use caches the key.
      for (let i = 0; i < 50 && cache.get(cacheKey) === undefined; i += 1) {
        await t.http().get(`/api/v1/brands/${brandId}`).set('Authorization', `Bearer ${secret}`).expect(200);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(cache.get(cacheKey)?.id).toBe(apiKey.id);

      // Another instance revokes it: its transaction NOTIFYs, and this one forgets the key.
      await t.dataSource.transaction(async (manager) => {
        await manager.query('UPDATE api_key SET revoked_at = now() WHERE brand_id = $1 AND id = $2', [
          brandId,
          apiKey.id,
        ]);
        await manager.query('SELECT pg_notify($1, $2)', [REVOKED_CHANNEL, apiKey.id]);
      });
      let status = 200;
      for (let i = 0; i < 100 && status === 200; i += 1) {
        status = (await t.http().get(`/api/v1/brands/${brandId}`).set('Authorization', `Bearer ${secret}`))
          .status;
        if (status === 200) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(status).toBe(401);
      expect(cache.get(cacheKey)).toBeUndefined();
    });

    it('answers 204 again for a revoked key and records the revocation once', async () => {
      const brandId = await newBrand();
      const { apiKey } = await createKey(brandId);
      await t
        .http()
        .delete(`/api/v1/brands/${brandId}/api-keys/${apiKey.id}`)
        .set('Cookie', owner)
        .expect(204);
      const revokedAt = (await listKeys(brandId))[0]?.revokedAt;
      await t
        .http()
        .delete(`/api/v1/brands/${brandId}/api-keys/${apiKey.id}`)
        .set('Cookie', owner)
        .expect(204);
      // Also when both arrive at once.
      const { apiKey: raced } = await createKey(brandId);
      const both = await Promise.all(
        [0, 1].map(() =>
          fetch(`${t.url}/api/v1/brands/${brandId}/api-keys/${raced.id}`, {
            method: 'DELETE',
            headers: { cookie: owner },
          }),
        ),
      );
      expect(both.map((response) => response.status)).toEqual([204, 204]);

      expect((await listKeys(brandId)).find((key) => key.id === apiKey.id)?.revokedAt).toBe(revokedAt);
      const audit = bodyOf<AuditLogPageDto>(
        await t
          .http()
          .get(`/api/v1/brands/${brandId}/audit-log`)
          .query({ action: 'api_key.revoked' })
          .set('Cookie', owner)
          .expect(200),
      );
      expect(audit.items.map((entry) => entry.targetId).sort()).toEqual([apiKey.id, raced.id].sort());
    });

    it('answers 404 for unknown keys and for keys of another brand', async () => {
      const brandA = await newBrand();
      const brandB = await newBrand();
      const { apiKey, secret } = await createKey(brandA);

      const unknown = await t
        .http()
        .delete(`/api/v1/brands/${brandB}/api-keys/${randomUUID()}`)
        .set('Cookie', owner)
        .expect(404);
      expect(bodyOf<Problem>(unknown).code).toBe('not_found');
      // The owner of both brands cannot revoke A's key through B.
      const elsewhere = await t
        .http()
        .delete(`/api/v1/brands/${brandB}/api-keys/${apiKey.id}`)
        .set('Cookie', owner)
        .expect(404);
      expect(bodyOf<Problem>(elsewhere).code).toBe('not_found');
      await t.http().get(`/api/v1/brands/${brandA}`).set('Authorization', `Bearer ${secret}`).expect(200);
      expect((await listKeys(brandA))[0]?.revokedAt).toBeNull();
    });
  });
});
