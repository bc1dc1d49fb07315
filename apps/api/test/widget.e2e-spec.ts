import { SignJWT } from 'jose';

import { LedgerCheckRepository } from '../src/ledger/ledger-check.repository';
import { type NewWidgetSecretDto, type WidgetSettingsDto } from '../src/widget/dto/widget-settings.dto';
import {
  type WidgetHistoryPageDto,
  type WidgetMeDto,
  type WidgetRedemptionDto,
  type WidgetRedemptionListDto,
  type WidgetRewardListDto,
  type WidgetWayToEarnListDto,
} from '../src/widget/dto/widget.dto';
import { bodyOf, type Problem, PROBLEM, tag } from './support/http';
import { createBrand, login } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const SHOP = 'https://shop.example';

interface Signing {
  kid: string;
  secret: string;
}

interface Answer<T> {
  status: number;
  headers: Headers;
  body: T & Problem;
}

describe('widget API', () => {
  let t: TestApp;
  let owner: string;
  const brands: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ config: { widgetRateLimit: { perFan: 10_000, perAddress: 100_000 } } });
    owner = await login(t);
  });
  afterAll(async () => {
    try {
      for (const brandId of brands) {
        expect((await new LedgerCheckRepository(t.dataSource).check(brandId)).problems).toEqual([]);
      }
    } finally {
      await t.close();
    }
  });

  async function settings(brandId: string): Promise<WidgetSettingsDto> {
    const response = await t
      .http()
      .get(`/api/v1/brands/${brandId}/widget-settings`)
      .set('Cookie', owner)
      .expect(200);
    return bodyOf<WidgetSettingsDto>(response);
  }

  async function rotate(brandId: string, overlapHours?: number): Promise<NewWidgetSecretDto> {
    const response = await t
      .http()
      .post(`/api/v1/brands/${brandId}/widget-settings/secrets`)
      .set('Cookie', owner)
      .send(overlapHours === undefined ? {} : { overlapHours })
      .expect(201);
    return bodyOf<NewWidgetSecretDto>(response);
  }

  /** A brand with a signing secret, a shop origin and the publishable key. */
  async function widgetBrand(): Promise<{ brandId: string; pk: string; signing: Signing }> {
    const brandId = await createBrand(t, owner, `Widget ${tag()}`);
    brands.push(brandId);
    const { kid, secret } = await rotate(brandId);
    await t
      .http()
      .patch(`/api/v1/brands/${brandId}/widget-settings`)
      .set('Cookie', owner)
      .send({ allowedOrigins: [SHOP] })
      .expect(200);
    return { brandId, pk: (await settings(brandId)).publishableKey, signing: { kid, secret } };
  }

  function token(
    signing: Signing,
    claims: Record<string, unknown> = {},
    options: { expiresIn?: string | number; alg?: string; kid?: string | null } = {},
  ): Promise<string> {
    const jwt = new SignJWT({ ...claims })
      .setProtectedHeader({
        alg: options.alg ?? 'HS256',
        ...(options.kid === null ? {} : { kid: options.kid ?? signing.kid }),
      })
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '1h');
    if (!('sub' in claims)) jwt.setSubject(`customer-${tag()}`);
    return jwt.sign(new TextEncoder().encode(signing.secret));
  }

  /** One real HTTP request, so that requests sent together run in parallel. */
  async function call<T>(
    method: 'GET' | 'POST' | 'OPTIONS',
    path: string,
    pk: string,
    options: { token?: string; body?: object; headers?: Record<string, string>; query?: string } = {},
  ): Promise<Answer<T>> {
    const response = await fetch(`${t.url}/api/v1/widget/${path}?pk=${pk}${options.query ?? ''}`, {
      method,
      headers: {
        ...(options.body ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      ...(options.body ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : {}) as T & Problem,
    };
  }

  async function grant(brandId: string, fanId: string, points: number): Promise<void> {
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/fans/${fanId}/adjustments`)
      .set('Cookie', owner)
      .set('Idempotency-Key', `grant-${tag()}`)
      .send({ points, reason: 'Welcome points' })
      .expect(201);
  }

  async function reward(brandId: string, body: object): Promise<string> {
    const response = await t.http().post(`/api/v1/brands/${brandId}/rewards`).set('Cookie', owner).send(body);
    expect(response.status).toBe(201);
    return (response.body as { id: string }).id;
  }

  const coupon = (costPoints: number) => ({
    nameDe: 'Gratis Kaffee',
    nameEn: 'Free coffee',
    descriptionDe: 'Ein Kaffee deiner Wahl.',
    descriptionEn: 'A coffee of your choice.',
    costPoints,
    kind: 'custom',
    active: true,
  });

  it('settings: a publishable key per brand; origins checked; secrets shown once, listed without them', async () => {
    const brandId = await createBrand(t, owner, `Widget ${tag()}`);
    brands.push(brandId);
    const before = await settings(brandId);
    expect(before.publishableKey).toMatch(/^pk_[0-9a-f]{32}$/);
    expect(before).toMatchObject({ allowedOrigins: [], secrets: [], theme: {}, texts: {} });

    const bad = await t
      .http()
      .patch(`/api/v1/brands/${brandId}/widget-settings`)
      .set('Cookie', owner)
      .send({
        allowedOrigins: ['https://ok.example', 'https://shop.example/path'],
        theme: { primaryColor: '#abcdef' },
      })
      .expect(400);
    expect(bad.headers['content-type']).toMatch(PROBLEM);
    expect(bodyOf<Problem>(bad).errors).toEqual([
      {
        field: 'allowedOrigins.1',
        reason: 'must be an origin such as https://shop.example (scheme, host and port only)',
      },
    ]);
    const badColour = await t
      .http()
      .patch(`/api/v1/brands/${brandId}/widget-settings`)
      .set('Cookie', owner)
      .send({ theme: { primaryColor: 'red' } })
      .expect(400);
    expect(bodyOf<Problem>(badColour).errors?.[0]?.field).toBe('theme.primaryColor');
    expect(await settings(brandId)).toEqual(before);

    const updated = await t
      .http()
      .patch(`/api/v1/brands/${brandId}/widget-settings`)
      .set('Cookie', owner)
      .send({
        allowedOrigins: ['https://Shop.Example/', 'http://localhost:5173'],
        theme: { primaryColor: '#B45309' },
        texts: { de: { title: ' Sonnenpunkte ', welcome: '' }, en: { title: 'Sun points' } },
      })
      .expect(200);
    expect(bodyOf<WidgetSettingsDto>(updated)).toMatchObject({
      allowedOrigins: ['https://shop.example', 'http://localhost:5173'],
      theme: { primaryColor: '#b45309' },
      texts: { de: { title: 'Sonnenpunkte' }, en: { title: 'Sun points' } },
    });

    const first = await rotate(brandId);
    expect(first.kid).toMatch(/^wk_[0-9a-f]{16}$/);
    expect(first.secret).toMatch(/^wsec_/);
    const listed = await settings(brandId);
    expect(listed.secrets).toEqual([
      expect.objectContaining({ kid: first.kid, state: 'active', expiresAt: null }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(first.secret);
    const stored: Array<{ sealed: Buffer }> = await t.dataSource.query(
      'SELECT secret_sealed AS sealed FROM widget_secret WHERE brand_id = $1',
      [brandId],
    );
    expect(stored[0]?.sealed.toString('latin1')).not.toContain(first.secret);

    const config = await call<{ texts: { title: string | null } }>('GET', 'config', listed.publishableKey, {
      query: '&locale=en',
    });
    expect(config.body).toMatchObject({
      texts: { title: 'Sun points', welcome: null },
      theme: { primaryColor: '#b45309' },
    });
  });

  it('fan tokens: every flaw is a 401 that says which; an unknown customer becomes a fan', async () => {
    const { brandId, pk, signing } = await widgetBrand();
    const other = await widgetBrand();
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT', kid: signing.kid })).toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: 'c1', exp: Math.floor(Date.now() / 1000) + 600 }),
    ).toString('base64url')}.`;
    const cases: Array<[string, string]> = [
      ['its signature does not match', await token({ ...signing, secret: `${signing.secret}x` })],
      ['it has expired', await token(signing, {}, { expiresIn: Math.floor(Date.now() / 1000) - 3600 })],
      ['it must be signed with HS256', none],
      ['it must be signed with HS256', await token(signing, {}, { alg: 'HS512' })],
      [`the secret ${other.signing.kid} is unknown, revoked or expired`, await token(other.signing)],
      ['its signature does not match', await token({ kid: signing.kid, secret: other.signing.secret })],
      ['its sub claim is missing', await token(signing, { sub: undefined })],
      ['its header names no kid (the secret it was signed with)', await token(signing, {}, { kid: null })],
      ['its exp is more than 24 hours ahead', await token(signing, {}, { expiresIn: '30d' })],
      ['it is not a JWT', 'not-a-token'],
    ];
    for (const [why, jwt] of cases) {
      const answer = await call<WidgetMeDto>('GET', 'me', pk, { token: jwt });
      expect({ why, status: answer.status, code: answer.body.code, detail: answer.body.detail }).toEqual({
        why,
        status: 401,
        code: 'fan_token_invalid',
        detail: `The fan token is not valid: ${why}.`,
      });
    }
    expect((await call('GET', 'me', pk)).body.code).toBe('fan_token_required');
    expect((await call('GET', 'me', `pk_${'0'.repeat(32)}`, { token: await token(signing) })).body.code).toBe(
      'publishable_key_invalid',
    );
    const fans: Array<{ n: string }> = await t.dataSource.query(
      'SELECT count(*) AS n FROM fan WHERE brand_id = $1',
      [brandId],
    );
    expect(fans[0]?.n).toBe('0');

    const jwt = await token(signing, { sub: 'customer-42', name: 'Anna', email: 'anna@example.com' });
    const me = await call<WidgetMeDto>('GET', 'me', pk, { token: jwt });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      balance: 0,
      lifetimePoints: 0,
      tier: null,
      fan: { displayName: 'Anna' },
    });
    const again = await call<WidgetMeDto>('GET', 'me', pk, { token: jwt });
    expect(again.body.fan.id).toBe(me.body.fan.id);
    const identities: Array<{ channel: string; external_id: string }> = await t.dataSource.query(
      'SELECT channel, external_id FROM fan_identity WHERE brand_id = $1',
      [brandId],
    );
    expect(identities).toEqual([{ channel: 'web', external_id: 'customer-42' }]);
  });

  it('a rotated secret keeps working until its overlap ends; a revoked one stops at once', async () => {
    const { brandId, pk, signing } = await widgetBrand();
    const old = await token(signing);
    const second = await rotate(brandId, 1);
    expect((await call('GET', 'me', pk, { token: old })).status).toBe(200);
    expect((await call('GET', 'me', pk, { token: await token(second) })).status).toBe(200);
    expect((await settings(brandId)).secrets.map((secret) => [secret.kid, secret.state])).toEqual([
      [second.kid, 'active'],
      [signing.kid, 'expiring'],
    ]);

    const third = await rotate(brandId, 0);
    expect((await call('GET', 'me', pk, { token: old })).status).toBe(401);
    expect((await call('GET', 'me', pk, { token: await token(second) })).status).toBe(401);
    expect((await call('GET', 'me', pk, { token: await token(third) })).status).toBe(200);

    await t
      .http()
      .delete(`/api/v1/brands/${brandId}/widget-settings/secrets/${third.kid}`)
      .set('Cookie', owner)
      .expect(204);
    const revoked = await call('GET', 'me', pk, { token: await token(third) });
    expect(revoked.body.detail).toBe(
      `The fan token is not valid: the secret ${third.kid} is unknown, revoked or expired.`,
    );
  });

  it('CORS: only the brand’s allowed origins get CORS headers, preflights included', async () => {
    const { pk } = await widgetBrand();
    const allowed = await call('GET', 'rewards', pk, { headers: { origin: SHOP } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SHOP);
    const other = await call('GET', 'rewards', pk, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const preflight = await call('OPTIONS', 'redemptions', pk, {
      headers: {
        origin: SHOP,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    const refused = await call('OPTIONS', 'redemptions', pk, {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const brandApi = await fetch(`${t.url}/api/v1/brands`, { headers: { origin: SHOP } });
    expect(brandApi.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('rewards and ways to earn: public without a token, with reasons and sentences in the fan’s language', async () => {
    const { brandId, pk, signing } = await widgetBrand();
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/campaigns`)
      .set('Cookie', owner)
      .send({
        name: 'Bewertungen',
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        status: 'active',
        rules: [
          {
            name: 'Review',
            trigger: { eventType: 'review' },
            conditions: [],
            award: { kind: 'fixed', points: 25 },
            limits: [],
          },
        ],
      })
      .expect(201);
    const cheap = await reward(brandId, coupon(50));
    await reward(brandId, { ...coupon(500), nameEn: 'Gold coffee', nameDe: 'Goldkaffee' });

    const anonymous = await call<WidgetRewardListDto>('GET', 'rewards', pk, { query: '&locale=en' });
    expect(anonymous.body.items.map((item) => [item.name, item.canRedeem, item.reason])).toEqual([
      ['Free coffee', false, 'login_required'],
      ['Gold coffee', false, 'login_required'],
    ]);
    const ways = await call<WidgetWayToEarnListDto>('GET', 'ways-to-earn', pk, { query: '&locale=de' });
    expect(ways.body.items).toEqual([
      expect.objectContaining({
        campaignName: 'Bewertungen',
        points: 25,
        text: expect.stringContaining('25 Punkte'),
      }),
    ]);

    const jwt = await token(signing);
    const me = await call<WidgetMeDto>('GET', 'me', pk, { token: jwt });
    await grant(brandId, me.body.fan.id, 80);
    const mine = await call<WidgetRewardListDto>('GET', 'rewards', pk, { token: jwt, query: '&locale=de' });
    expect(mine.body.items.map((item) => [item.id === cheap, item.canRedeem, item.reason])).toEqual([
      [true, true, null],
      [false, false, 'insufficient_points'],
    ]);
    expect(mine.body.items[1]?.reasonText).toContain('420');
  });

  it('redeeming: the code is shown, the balance drops, history explains it; fan A never sees fan B', async () => {
    const { brandId, pk, signing } = await widgetBrand();
    const couponId = await reward(brandId, { ...coupon(30), kind: 'coupon' });
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/rewards/${couponId}/codes`)
      .set('Cookie', owner)
      .set('Content-Type', 'text/plain')
      .send('CODE-A\nCODE-B\n')
      .expect(200);
    const anna = await token(signing, { sub: 'anna' });
    const ben = await token(signing, { sub: 'ben' });
    const annaId = (await call<WidgetMeDto>('GET', 'me', pk, { token: anna })).body.fan.id;
    await grant(brandId, annaId, 100);

    const missingKey = await call('POST', 'redemptions', pk, { token: anna, body: { rewardId: couponId } });
    expect([missingKey.status, missingKey.body.code]).toEqual([400, 'idempotency_key_required']);
    const redeemed = await call<WidgetRedemptionDto>('POST', 'redemptions', pk, {
      token: anna,
      body: { rewardId: couponId },
      headers: { 'idempotency-key': `k-${tag()}` },
      query: '&locale=en',
    });
    expect(redeemed.status).toBe(201);
    expect(redeemed.body).toMatchObject({
      status: 'fulfilled',
      points: 30,
      reward: { name: 'Free coffee', kind: 'coupon' },
    });
    expect(['CODE-A', 'CODE-B']).toContain(redeemed.body.code);
    expect((await call<WidgetMeDto>('GET', 'me', pk, { token: anna })).body.balance).toBe(70);

    const list = await call<WidgetRedemptionListDto>('GET', 'redemptions', pk, { token: anna });
    expect(list.body.items.map((item) => item.code)).toEqual([redeemed.body.code]);
    const history = await call<WidgetHistoryPageDto>('GET', 'history', pk, {
      token: anna,
      query: '&locale=en',
    });
    expect(history.body.items.map((item) => item.points)).toEqual([-30, 100]);
    expect(history.body.items[0]?.text).toContain('Free coffee');

    expect(
      (await call<WidgetRedemptionListDto>('GET', 'redemptions', pk, { token: ben })).body.items,
    ).toEqual([]);
    expect((await call<WidgetHistoryPageDto>('GET', 'history', pk, { token: ben })).body.items).toEqual([]);
    const benTries = await call('POST', 'redemptions', pk, {
      token: ben,
      body: { rewardId: couponId },
      headers: { 'idempotency-key': `k-${tag()}` },
    });
    expect([benTries.status, benTries.body.code]).toEqual([409, 'insufficient_points']);
    expect((await call<WidgetMeDto>('GET', 'me', pk, { token: anna })).body.balance).toBe(70);
  });

  it('says which rewards the fan has redeemed as often as their limits allow', async () => {
    const { brandId, pk, signing } = await widgetBrand();
    const monthly = await reward(brandId, {
      ...coupon(10),
      nameEn: 'Monthly',
      perFanLimit: 1,
      perFanPeriod: 'month',
    });
    const twice = await reward(brandId, {
      ...coupon(20),
      nameEn: 'Twice',
      perFanLimit: 2,
      perFanPeriod: 'lifetime',
    });
    const jwt = await token(signing);
    await grant(brandId, (await call<WidgetMeDto>('GET', 'me', pk, { token: jwt })).body.fan.id, 100);
    for (const rewardId of [monthly, twice]) {
      const answer = await call('POST', 'redemptions', pk, {
        token: jwt,
        body: { rewardId },
        headers: { 'idempotency-key': `k-${tag()}` },
      });
      expect(answer.status).toBe(201);
    }
    const listed = await call<WidgetRewardListDto>('GET', 'rewards', pk, { token: jwt, query: '&locale=en' });
    expect(listed.body.items.map((item) => [item.name, item.canRedeem, item.reason])).toEqual([
      ['Monthly', false, 'fan_limit_reached'],
      ['Twice', true, null],
    ]);
  });

  it('100 concurrent redemptions by one fan whose balance covers three: exactly three succeed', async () => {
    const { brandId, pk, signing } = await widgetBrand();
    const rewardId = await reward(brandId, coupon(40));
    const jwt = await token(signing);
    const fanId = (await call<WidgetMeDto>('GET', 'me', pk, { token: jwt })).body.fan.id;
    await grant(brandId, fanId, 130);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        call('POST', 'redemptions', pk, {
          token: jwt,
          body: { rewardId },
          headers: { 'idempotency-key': `k-${tag()}` },
        }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(3);
    expect(
      new Set(answers.filter((answer) => answer.status !== 201).map((answer) => answer.body.code)),
    ).toEqual(new Set(['insufficient_points']));
    expect((await call<WidgetMeDto>('GET', 'me', pk, { token: jwt })).body.balance).toBe(10);
  });

  it('the same Idempotency-Key sent 20 times at once: one redemption, the same answer each time', async () => {
    const { brandId, pk, signing } = await widgetBrand();
    const rewardId = await reward(brandId, coupon(10));
    const jwt = await token(signing);
    const fanId = (await call<WidgetMeDto>('GET', 'me', pk, { token: jwt })).body.fan.id;
    await grant(brandId, fanId, 100);
    const key = `k-${tag()}`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        call<WidgetRedemptionDto>('POST', 'redemptions', pk, {
          token: jwt,
          body: { rewardId },
          headers: { 'idempotency-key': key },
        }),
      ),
    );
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([201]));
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect((await call<WidgetMeDto>('GET', 'me', pk, { token: jwt })).body.balance).toBe(90);
  });
});

describe('widget rate limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ config: { widgetRateLimit: { perFan: 5, perAddress: 8 } } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 with Retry-After over the per-fan and per-address limits, as problem+json', async () => {
    const owner = await login(t);
    const brandId = await createBrand(t, owner, `Limits ${tag()}`);
    const secret = bodyOf<NewWidgetSecretDto>(
      await t
        .http()
        .post(`/api/v1/brands/${brandId}/widget-settings/secrets`)
        .set('Cookie', owner)
        .send({})
        .expect(201),
    );
    const pk = bodyOf<WidgetSettingsDto>(
      await t.http().get(`/api/v1/brands/${brandId}/widget-settings`).set('Cookie', owner).expect(200),
    ).publishableKey;
    const jwt = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: secret.kid })
      .setSubject('busy-fan')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret.secret));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await fetch(`${t.url}/api/v1/widget/me?pk=${pk}`, {
        headers: { authorization: `Bearer ${jwt}` },
      });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get('content-type')).toMatch(PROBLEM);
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(((await response.json()) as Problem).detail).toBe(
          'Too many widget requests for this fan; try again in a minute.',
        );
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const anonymous: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      anonymous.push((await fetch(`${t.url}/api/v1/widget/rewards?pk=${pk}`)).status);
    }
    // 6 requests above and 2 here make 8 from this address; the 9th is refused.
    expect(anonymous).toEqual([200, 200, 429]);
  });
});
