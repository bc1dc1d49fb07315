import { type Role } from '@fanfare/shared';

import { OWNER_EMAIL, OWNER_PASSWORD, type TestApp } from './test-app';

/** Logs in and returns the session cookie (`fanfare_session=…`) to send as a Cookie header. */
export async function login(t: TestApp, email = OWNER_EMAIL, password = OWNER_PASSWORD): Promise<string> {
  const response = await t.http().post('/api/v1/auth/login').send({ email, password }).expect(200);
  return sessionCookie(response.headers['set-cookie']);
}

export function sessionCookie(setCookie: string | string[] | undefined): string {
  const headers = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = headers.find((header) => header.startsWith('fanfare_session='));
  const pair = cookie?.split(';')[0];
  if (!pair) throw new Error('no session cookie was set');
  return pair;
}

/** The demo brand's id (created by the first start for the owner). */
export async function firstBrandId(t: TestApp, cookie: string): Promise<string> {
  const response = await t.http().get('/api/v1/brands').set('Cookie', cookie).expect(200);
  const first = (response.body as { items: Array<{ id: string }> }).items[0];
  if (!first) throw new Error('the user has no brand');
  return first.id;
}

/** Creates a brand owned by the cookie's user; its id. */
export async function createBrand(t: TestApp, cookie: string, name: string, slug?: string): Promise<string> {
  const response = await t
    .http()
    .post('/api/v1/brands')
    .set('Cookie', cookie)
    .send({ name, slug, timeZone: 'Europe/Berlin', locale: 'de' })
    .expect(201);
  return (response.body as { id: string }).id;
}

/**
 * Adds a member with `role` (a new user), completes their first-login password change, and
 * returns their session cookie and user id.
 */
export async function addMember(
  t: TestApp,
  ownerCookie: string,
  brandId: string,
  email: string,
  role: Role,
): Promise<{ cookie: string; userId: string; password: string }> {
  const added = await t
    .http()
    .post(`/api/v1/brands/${brandId}/members`)
    .set('Cookie', ownerCookie)
    .send({ email, role })
    .expect(201);
  const body = added.body as { member: { userId: string }; oneTimePassword: string };
  const firstCookie = await login(t, email, body.oneTimePassword);
  const password = `${role}-password-${Math.random().toString(36).slice(2)}`;
  await t
    .http()
    .post('/api/v1/auth/password')
    .set('Cookie', firstCookie)
    .send({ currentPassword: body.oneTimePassword, newPassword: password })
    .expect(200);
  return { cookie: firstCookie, userId: body.member.userId, password };
}
