import { LOGIN_LIMITS } from '../src/auth/auth.service';
import { OWNER_EMAIL, OWNER_PASSWORD, startTestApp, type TestApp } from './support/test-app';

async function attempt(t: TestApp, email: string, password: string): Promise<Response> {
  return fetch(`${t.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

describe('login rate limits', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('locks an account after repeated failures, even against the right password, with Retry-After', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i += 1) {
      expect((await attempt(t, OWNER_EMAIL, `wrong-${i}`)).status).toBe(401);
    }
    const limited = await attempt(t, OWNER_EMAIL, OWNER_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_LIMITS.windowSeconds);
    const body = (await limited.json()) as { code: string; detail: string };
    expect(body.code).toBe('too_many_attempts');
    expect(body.detail).toMatch(/Try again in \d+ minute/);
  });

  it('holds the account limit under parallel guessing', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(t, OWNER_EMAIL, `parallel-wrong-${i}`)),
    );
    const statuses = results.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(LOGIN_LIMITS.perAccount);
    expect(statuses.filter((status) => status === 429)).toHaveLength(12 - LOGIN_LIMITS.perAccount);
  });

  it('limits an address that tries many accounts', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i += 1) {
      expect((await attempt(t, `someone-${i}@example.com`, 'guess-guess')).status).toBe(401);
    }
    expect((await attempt(t, OWNER_EMAIL, OWNER_PASSWORD)).status).toBe(429);
  });

  it('does not count failures before a successful login against the account', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount - 1; i += 1) {
      expect((await attempt(t, OWNER_EMAIL, `wrong-${i}`)).status).toBe(401);
    }
    expect((await attempt(t, OWNER_EMAIL, OWNER_PASSWORD)).status).toBe(200);
    expect((await attempt(t, OWNER_EMAIL, 'wrong-again')).status).toBe(401);
    expect((await attempt(t, OWNER_EMAIL, OWNER_PASSWORD)).status).toBe(200);
  });
});
