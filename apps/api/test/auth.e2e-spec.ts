import { login, sessionCookie } from './support/sessions';
import { OWNER_EMAIL, OWNER_PASSWORD, startTestApp, type TestApp } from './support/test-app';

describe('auth: login, sessions, logout, password change', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs in with a HttpOnly, SameSite=Lax session cookie and answers me', async () => {
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: OWNER_EMAIL.toUpperCase(), password: OWNER_PASSWORD })
      .expect(200);
    const header = (response.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('fanfare_session='),
    )!;
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).toMatch(/Path=\//);
    expect(header).not.toMatch(/Secure/i);
    expect(response.body.user).toMatchObject({ email: OWNER_EMAIL, mustChangePassword: false });
    expect(response.body.memberships).toEqual([
      { brand: expect.objectContaining({ name: 'Bäckerei Sonnenschein' }), role: 'owner' },
    ]);

    const me = await t.http().get('/api/v1/auth/me').set('Cookie', sessionCookie(header)).expect(200);
    expect(me.body.user.email).toBe(OWNER_EMAIL);
  });

  it('refuses wrong passwords and unknown accounts alike', async () => {
    const wrong = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: OWNER_EMAIL, password: 'nope-nope-nope' })
      .expect(401);
    const unknown = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'ghost@example.com', password: 'whatever' })
      .expect(401);
    expect(wrong.body).toMatchObject({ code: 'invalid_credentials', status: 401 });
    expect(unknown.body.code).toBe('invalid_credentials');
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('answers 401 without a session or with a forged one', async () => {
    await t.http().get('/api/v1/auth/me').expect(401);
    const forged = await t
      .http()
      .get('/api/v1/auth/me')
      .set('Cookie', `fanfare_session=${'A'.repeat(43)}`)
      .expect(401);
    expect(forged.body.code).toBe('unauthenticated');
  });

  it('ends the session on logout: the old cookie no longer works', async () => {
    const cookie = await login(t);
    await t.http().get('/api/v1/auth/me').set('Cookie', cookie).expect(200);
    const out = await t.http().post('/api/v1/auth/logout').set('Cookie', cookie).expect(204);
    expect(String(out.headers['set-cookie'])).toMatch(/fanfare_session=;/);
    await t.http().get('/api/v1/auth/me').set('Cookie', cookie).expect(401);
    await t.http().get('/api/v1/brands').set('Cookie', cookie).expect(401);
  });

  it('keeps other sessions when one logs out', async () => {
    const first = await login(t);
    const second = await login(t);
    await t.http().post('/api/v1/auth/logout').set('Cookie', first).expect(204);
    await t.http().get('/api/v1/auth/me').set('Cookie', second).expect(200);
  });

  it('refuses cross-site writes that ride on the cookie', async () => {
    const cookie = await login(t);
    const response = await t
      .http()
      .post('/api/v1/brands')
      .set('Cookie', cookie)
      .set('Sec-Fetch-Site', 'cross-site')
      .send({ name: 'Evil', timeZone: 'Europe/Berlin', locale: 'de' })
      .expect(403);
    expect(response.body.code).toBe('cross_site_request');
    const brands = await t.http().get('/api/v1/brands').set('Cookie', cookie).expect(200);
    expect(brands.body.items.map((b: { name: string }) => b.name)).not.toContain('Evil');
  });

  it('forces a new password after a one-time password, then ends other sessions', async () => {
    const owner = await login(t);
    const brandId = (await t.http().get('/api/v1/brands').set('Cookie', owner).expect(200)).body.items[0]
      .id as string;
    const added = await t
      .http()
      .post(`/api/v1/brands/${brandId}/members`)
      .set('Cookie', owner)
      .send({ email: 'new.manager@example.com', role: 'manager', name: 'Mia' })
      .expect(201);
    const oneTime = added.body.oneTimePassword as string;
    expect(oneTime).toMatch(/^[A-Za-z0-9]{16}$/);

    const first = await login(t, 'new.manager@example.com', oneTime);
    const other = await login(t, 'new.manager@example.com', oneTime);
    const me = await t.http().get('/api/v1/auth/me').set('Cookie', first).expect(200);
    expect(me.body.user.mustChangePassword).toBe(true);
    const blocked = await t.http().get(`/api/v1/brands/${brandId}`).set('Cookie', first).expect(403);
    expect(blocked.body.code).toBe('password_change_required');

    const tooShort = await t
      .http()
      .post('/api/v1/auth/password')
      .set('Cookie', first)
      .send({ currentPassword: oneTime, newPassword: 'short' })
      .expect(400);
    expect(tooShort.body.errors[0].field).toBe('newPassword');
    const wrongCurrent = await t
      .http()
      .post('/api/v1/auth/password')
      .set('Cookie', first)
      .send({ currentPassword: 'not-the-password', newPassword: 'a-brand-new-password' })
      .expect(403);
    expect(wrongCurrent.body.code).toBe('wrong_password');

    const changed = await t
      .http()
      .post('/api/v1/auth/password')
      .set('Cookie', first)
      .send({ currentPassword: oneTime, newPassword: 'a-brand-new-password' })
      .expect(200);
    expect(changed.body.user.mustChangePassword).toBe(false);
    await t.http().get(`/api/v1/brands/${brandId}`).set('Cookie', first).expect(200);
    await t.http().get('/api/v1/auth/me').set('Cookie', other).expect(401);
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'new.manager@example.com', password: oneTime })
      .expect(401);
    await login(t, 'new.manager@example.com', 'a-brand-new-password');
  });
});

describe('auth: credentials in the wrong place', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses API keys on routes for logged-in users, and malformed ids name nothing', async () => {
    const cookie = await login(t);
    const brands = await t.http().get('/api/v1/brands').set('Cookie', cookie).expect(200);
    const brandId = brands.body.items[0].id as string;
    const created = await t
      .http()
      .post(`/api/v1/brands/${brandId}/api-keys`)
      .set('Cookie', cookie)
      .send({ name: 'Shop', scopes: ['events:write'] })
      .expect(201);
    const bearer = `Bearer ${created.body.secret as string}`;
    const refused = await t.http().get('/api/v1/brands').set('Authorization', bearer).expect(403);
    expect(refused.body.code).toBe('session_required');
    await t.http().get('/api/v1/auth/me').set('Authorization', bearer).expect(403);

    const notAKey = await t
      .http()
      .delete(`/api/v1/brands/${brandId}/api-keys/not-a-uuid`)
      .set('Cookie', cookie)
      .expect(404);
    expect(notAKey.body.code).toBe('not_found');
    await t.http().delete(`/api/v1/brands/${brandId}/members/123`).set('Cookie', cookie).expect(404);
  });

  it('refuses text the database cannot store with a 400, storing nothing', async () => {
    const cookie = await login(t);
    const response = await t
      .http()
      .post('/api/v1/brands')
      .set('Cookie', cookie)
      .send({ name: 'Null\u0000Bakery', slug: 'null-bakery', timeZone: 'Europe/Berlin', locale: 'de' })
      .expect(400);
    expect(response.body.code).toBe('bad_request');
    const brands = await t.http().get('/api/v1/brands').set('Cookie', cookie).expect(200);
    expect(brands.body.items.map((b: { slug: string }) => b.slug)).not.toContain('null-bakery');
  });
});

describe('auth behind an HTTPS proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { trustProxy: true } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('marks the session cookie Secure when the request came over HTTPS', async () => {
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ email: OWNER_EMAIL, password: OWNER_PASSWORD })
      .expect(200);
    expect(String(response.headers['set-cookie'])).toMatch(/Secure/);
  });
});
