import { createHmac } from 'node:crypto';

import { SignJWT } from 'jose';

import {
  type ConnectionsDto,
  type SavedMetaConnectionDto,
  type SenderSecretDto,
} from '../src/connectors/dto/connections.dto';
import {
  type HookDeliveryDto,
  type HookDeliveryPageDto,
  type LinkCodeDto,
} from '../src/connectors/dto/deliveries.dto';
import { webhookHeaders } from '../src/connectors/standard-webhooks';
import { bodyOf, PROBLEM, tag } from './support/http';
import { createBrand, login } from './support/sessions';
import { OWNER_EMAIL, startTestApp, type TestApp } from './support/test-app';

const HOUR = 3_600_000;
const APP_SECRET = 'f3a1c0ffee5ecret0123456789abcdef';
const PAGE = '104000000000001';
const IG = '17840000000000001';

interface Fan {
  id: string;
  balance: number;
  identities: Array<{ id: string; channel: string; externalId: string; source: string }>;
}

describe('social connectors', () => {
  let t: TestApp;
  let owner: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await login(t);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A brand with a Meta connection, a campaign paying 10 points per comment and a widget secret. */
  async function connectedBrand(): Promise<{ brandId: string; verifyToken: string }> {
    const brandId = await createBrand(t, owner, `Hooks ${tag()}`);
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/campaigns`)
      .set('Cookie', owner)
      .send({
        name: 'Comments',
        startsAt: new Date(Date.now() - 30 * 24 * HOUR).toISOString(),
        status: 'active',
        rules: [
          {
            name: 'Any comment',
            trigger: { eventType: 'comment', channels: ['facebook', 'instagram'] },
            conditions: [],
            award: { kind: 'fixed', points: 10 },
            limits: [],
          },
        ],
      })
      .expect(201);
    const saved = await t
      .http()
      .put(`/api/v1/brands/${brandId}/connections/meta`)
      .set('Cookie', owner)
      .send({
        appId: '1234567890',
        appSecret: APP_SECRET,
        pageIds: [PAGE],
        instagramIds: [IG],
        whatsappIds: [],
      })
      .expect(200);
    const { verifyToken } = bodyOf<SavedMetaConnectionDto>(saved);
    if (!verifyToken) throw new Error('no verify token on connecting');
    return { brandId, verifyToken };
  }

  // Bodies go out as strings of their exact bytes: supertest would serialise a Buffer as JSON.
  function sign(body: Buffer, secret = APP_SECRET): string {
    return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  }

  function deliverMeta(brandId: string, payload: unknown, secret = APP_SECRET) {
    const body = Buffer.from(JSON.stringify(payload));
    return t
      .http()
      .post(`/api/v1/hooks/meta/${brandId}`)
      .set('content-type', 'application/json')
      .set('x-hub-signature-256', sign(body, secret))
      .send(body.toString());
  }

  /** The delivery's log entry once the job queue has processed it. */
  async function processed(brandId: string, deliveryId: string): Promise<HookDeliveryDto> {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const response = await t
        .http()
        .get(`/api/v1/brands/${brandId}/connections/deliveries?limit=200`)
        .set('Cookie', owner)
        .expect(200);
      const found = bodyOf<HookDeliveryPageDto>(response).items.find((item) => item.id === deliveryId);
      if (found && found.status !== 'pending') return found;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`delivery ${deliveryId} was not processed`);
  }

  async function fanOf(brandId: string, channel: string, externalId: string): Promise<Fan | null> {
    const rows = await t.dataSource.query<Array<{ fan_id: string }>>(
      `SELECT coalesce(f.merged_into_id, f.id) AS fan_id FROM fan_identity i
         JOIN fan f ON f.brand_id = i.brand_id AND f.id = i.fan_id
        WHERE i.brand_id = $1 AND i.channel = $2 AND i.external_id = $3`,
      [brandId, channel, externalId],
    );
    if (!rows[0]) return null;
    const response = await t
      .http()
      .get(`/api/v1/brands/${brandId}/fans/${rows[0].fan_id}`)
      .set('Cookie', owner)
      .expect(200);
    return bodyOf<Fan>(response);
  }

  const feedComment = (
    commentId: string,
    from: { id: string; name: string } | null,
    message: string,
    verb = 'add',
  ) => ({
    object: 'page',
    entry: [
      {
        id: PAGE,
        time: Math.floor(Date.now() / 1000),
        changes: [
          {
            field: 'feed',
            value: {
              item: 'comment',
              verb,
              ...(from ? { from } : {}),
              post_id: `${PAGE}_2222`,
              comment_id: `2222_${commentId}`,
              parent_id: `${PAGE}_2222`,
              created_time: Math.floor(Date.now() / 1000) - 5,
              message,
            },
          },
        ],
      },
    ],
  });

  const igComment = (commentId: string, fromId: string, text: string) => ({
    object: 'instagram',
    entry: [
      {
        id: IG,
        time: Math.floor(Date.now() / 1000),
        changes: [
          {
            field: 'comments',
            value: {
              from: { id: fromId, username: `user_${fromId}` },
              comment_id: commentId,
              text,
              media: { id: '17900000000000001', media_product_type: 'FEED' },
            },
          },
        ],
      },
    ],
  });

  it('answers the handshake only with the verify token, and shows no secret', async () => {
    const { brandId, verifyToken } = await connectedBrand();
    const ok = await t
      .http()
      .get(
        `/api/v1/hooks/meta/${brandId}?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=1158201444`,
      )
      .expect(200);
    expect(ok.text).toBe('1158201444');
    expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    const wrong = await t
      .http()
      .get(
        `/api/v1/hooks/meta/${brandId}?hub.mode=subscribe&hub.verify_token=${verifyToken}x&hub.challenge=1`,
      )
      .expect(403);
    expect(wrong.headers['content-type']).toMatch(PROBLEM);
    await t
      .http()
      .get(
        `/api/v1/hooks/meta/${brandId}?hub.mode=unsubscribe&hub.verify_token=${verifyToken}&hub.challenge=1`,
      )
      .expect(400);
    // A brand without a Meta connection refuses any token, the empty one included.
    const bare = await createBrand(t, owner, `Bare ${tag()}`);
    await t
      .http()
      .get(`/api/v1/hooks/meta/${bare}?hub.mode=subscribe&hub.verify_token=&hub.challenge=1`)
      .expect(403);

    const listed = bodyOf<ConnectionsDto>(
      await t.http().get(`/api/v1/brands/${brandId}/connections`).set('Cookie', owner).expect(200),
    );
    expect(listed.meta).toMatchObject({
      appSecretHint: `…${APP_SECRET.slice(-4)}`,
      pageIds: [PAGE],
      instagramIds: [IG],
    });
    expect(JSON.stringify(listed)).not.toContain(APP_SECRET);
    expect(JSON.stringify(listed)).not.toContain(verifyToken);
    // Connecting without the App Secret is refused.
    const other = await createBrand(t, owner, `NoSecret ${tag()}`);
    const refused = await t
      .http()
      .put(`/api/v1/brands/${other}/connections/meta`)
      .set('Cookie', owner)
      .send({ pageIds: ['1'], instagramIds: [], whatsappIds: ['x'] })
      .expect(400);
    expect(
      bodyOf<{ errors: Array<{ field: string }> }>(refused)
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(expect.arrayContaining(['whatsappIds']));
  });

  it('books signed deliveries once — non-ASCII bodies, edits, removals, authorless changes — and refuses bad signatures', async () => {
    const { brandId } = await connectedBrand();
    const count = async () =>
      Number(
        (
          await t.dataSource.query<Array<{ n: string }>>(
            'SELECT count(*) AS n FROM hook_delivery WHERE brand_id = $1',
            [brandId],
          )
        )[0]?.n,
      );

    const payload = feedComment(
      '3333',
      { id: '9001', name: 'Jürgen Ä. 🎂' },
      'Süß! Schöne Grüße 🎉 #Kuchenliebe',
    );
    const body = Buffer.from(JSON.stringify(payload).replace('Süß', '\\u0053\\u00fc\\u00df'));
    // Missing and wrong signatures: 401, nothing stored.
    await t
      .http()
      .post(`/api/v1/hooks/meta/${brandId}`)
      .set('content-type', 'application/json')
      .send(body.toString())
      .expect(401);
    await t
      .http()
      .post(`/api/v1/hooks/meta/${brandId}`)
      .set('content-type', 'application/json')
      .set('x-hub-signature-256', sign(body, 'another-secret-0000000000'))
      .send(body.toString())
      .expect(401);
    // A signature of the parsed-and-re-serialised JSON is not one of the bytes received.
    await t
      .http()
      .post(`/api/v1/hooks/meta/${brandId}`)
      .set('content-type', 'application/json')
      .set('x-hub-signature-256', sign(Buffer.from(JSON.stringify(JSON.parse(body.toString())))))
      .send(body.toString())
      .expect(401);
    expect(await count()).toBe(0);

    const first = await t
      .http()
      .post(`/api/v1/hooks/meta/${brandId}`)
      .set('content-type', 'application/json')
      .set('x-hub-signature-256', sign(body))
      .send(body.toString())
      .expect(200);
    const receipt = bodyOf<{ deliveryId: string; duplicate: boolean }>(first);
    expect(receipt.duplicate).toBe(false);
    const log = await processed(brandId, receipt.deliveryId);
    expect(log).toMatchObject({
      status: 'processed',
      summary: { events: 1, outcomes: { awarded: 1 }, points: 10 },
    });
    const jurgen = await fanOf(brandId, 'facebook', '9001');
    expect(jurgen?.balance).toBe(10);

    // Meta retries the same body: a duplicate, stored once.
    const again = await t
      .http()
      .post(`/api/v1/hooks/meta/${brandId}`)
      .set('content-type', 'application/json')
      .set('x-hub-signature-256', sign(body))
      .send(body.toString())
      .expect(200);
    expect(bodyOf<{ duplicate: boolean }>(again)).toMatchObject({
      duplicate: true,
      deliveryId: receipt.deliveryId,
    });
    expect(await count()).toBe(1);

    // An edit earns nothing twice; a removal takes the points back.
    const edited = await deliverMeta(
      brandId,
      feedComment('3333', { id: '9001', name: 'Jürgen' }, 'edited text', 'edited'),
    );
    expect(
      (await processed(brandId, bodyOf<{ deliveryId: string }>(edited).deliveryId)).summary,
    ).toMatchObject({
      outcomes: { duplicate: 1 },
      points: 0,
    });
    const removed = await deliverMeta(
      brandId,
      feedComment('3333', { id: '9001', name: 'Jürgen' }, '', 'remove'),
    );
    expect(
      (await processed(brandId, bodyOf<{ deliveryId: string }>(removed).deliveryId)).summary,
    ).toMatchObject({
      outcomes: { retracted: 1 },
      points: -10,
    });
    expect((await fanOf(brandId, 'facebook', '9001'))?.balance).toBe(0);

    // A removal before its comment: the comment that follows earns nothing.
    await processed(
      brandId,
      bodyOf<{ deliveryId: string }>(
        await deliverMeta(brandId, feedComment('4444', { id: '9002', name: 'Eva' }, '', 'remove')),
      ).deliveryId,
    );
    const late = await deliverMeta(brandId, feedComment('4444', { id: '9002', name: 'Eva' }, 'late'));
    expect((await processed(brandId, bodyOf<{ deliveryId: string }>(late).deliveryId)).summary).toMatchObject(
      { points: 0 },
    );
    expect((await fanOf(brandId, 'facebook', '9002'))?.balance ?? 0).toBe(0);

    // Without an author: stored unattributed, earns nothing.
    const anonymous = await deliverMeta(brandId, feedComment('5555', null, 'who?'));
    const anonymousLog = await processed(brandId, bodyOf<{ deliveryId: string }>(anonymous).deliveryId);
    expect(anonymousLog.summary).toMatchObject({ events: 1, points: 0 });
    const [stored] = await t.dataSource.query<Array<{ fan_id: string | null; status: string }>>(
      `SELECT fan_id, status FROM engagement_event WHERE brand_id = $1 AND external_id LIKE '%5555%' AND type = 'comment'`,
      [brandId],
    );
    expect(stored).toEqual({ fan_id: null, status: 'no_match' });

    // Not JSON, though signed: 400, nothing stored.
    const notJson = Buffer.from('{"object": "page", ');
    await t
      .http()
      .post(`/api/v1/hooks/meta/${brandId}`)
      .set('content-type', 'application/json')
      .set('x-hub-signature-256', sign(notJson))
      .send(notJson.toString())
      .expect(400);
    // Another brand's connection does not take this brand's deliveries.
    const { brandId: other } = await connectedBrand();
    await deliverMeta(other, payload, 'wrong-app-secret-00000000').expect(401);
  });

  it('processes a burst of deliveries together, each logged with its own outcome', async () => {
    const { brandId } = await connectedBrand();
    const receipts = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        deliverMeta(
          brandId,
          feedComment(`burst-${i}`, { id: `95${i}`, name: `Fan ${i}` }, `Nr. ${i} 🎉`),
        ).expect(200),
      ),
    );
    const logs = await Promise.all(
      receipts.map((receipt) => processed(brandId, bodyOf<{ deliveryId: string }>(receipt).deliveryId)),
    );
    expect(logs.map((log) => [log.status, log.summary?.events, log.summary?.points])).toEqual(
      logs.map(() => ['processed', 1, 10]),
    );
    const sums = await t.dataSource.query<Array<{ total: string }>>(
      `SELECT coalesce(sum(points), 0) AS total FROM ledger_entry WHERE brand_id = $1`,
      [brandId],
    );
    expect(Number(sums[0]?.total)).toBe(400);
  });

  it('links an account by a code in a signed comment, merging its points; unsigned, foreign, expired or used codes do not', async () => {
    const { brandId } = await connectedBrand();
    // The widget: the fan asks for an Instagram code.
    const secret = bodyOf<{ kid: string; secret: string }>(
      await t
        .http()
        .post(`/api/v1/brands/${brandId}/widget-settings/secrets`)
        .set('Cookie', owner)
        .send({})
        .expect(201),
    );
    const settings = bodyOf<{ publishableKey: string }>(
      await t.http().get(`/api/v1/brands/${brandId}/widget-settings`).set('Cookie', owner).expect(200),
    );
    const token = await new SignJWT({ name: 'Mia' })
      .setProtectedHeader({ alg: 'HS256', kid: secret.kid })
      .setSubject('customer-mia')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret.secret));
    const widget = (path: string, init: RequestInit = {}) =>
      fetch(`${t.url}/api/v1/widget/${path}?pk=${settings.publishableKey}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      });
    const codeResponse = await widget('link-codes', {
      method: 'POST',
      body: JSON.stringify({ channel: 'instagram' }),
    });
    expect(codeResponse.status).toBe(200);
    const { code } = (await codeResponse.json()) as LinkCodeDto;
    expect(code).toMatch(/^FAN-[2-9A-HJKMNP-Z]{6}$/);
    const again = (await (
      await widget('link-codes', { method: 'POST', body: JSON.stringify({ channel: 'instagram' }) })
    ).json()) as LinkCodeDto;
    expect(again.code).toBe(code);

    // The Instagram account earned on its own before it was linked.
    await processed(
      brandId,
      bodyOf<{ deliveryId: string }>(
        await deliverMeta(brandId, igComment('c-1', '6200000000000001', 'first')),
      ).deliveryId,
    );
    expect((await fanOf(brandId, 'instagram', '6200000000000001'))?.balance).toBe(10);

    // The code through the events API (not signed by the platform) links nothing.
    const key = bodyOf<{ secret: string }>(
      await t
        .http()
        .post(`/api/v1/brands/${brandId}/api-keys`)
        .set('Cookie', owner)
        .send({ name: 'shop', scopes: ['events:write'] })
        .expect(201),
    );
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/events`)
      .set('Authorization', `Bearer ${key.secret}`)
      .send({
        id: 'api-code',
        type: 'comment',
        channel: 'instagram',
        occurredAt: new Date().toISOString(),
        fan: { externalId: '6200000000000001' },
        properties: { text: `my code ${code}` },
      })
      .expect(200);
    // The code in a signed delivery to another brand links nothing there nor here.
    const { brandId: foreign } = await connectedBrand();
    const foreignLog = await processed(
      foreign,
      bodyOf<{ deliveryId: string }>(
        await deliverMeta(foreign, igComment('c-f', '6200000000000001', `hi ${code}`)),
      ).deliveryId,
    );
    expect(foreignLog.summary).toMatchObject({
      links: [{ linked: false, code, failure: 'unknown_code', reason: 'unknown code' }],
    });
    const mia = await fanOf(brandId, 'web', 'customer-mia');
    expect(mia?.identities.map((i) => i.channel)).toEqual(['web']);

    // Signed, from the account, with the code: linked, merged, nothing lost.
    const linking = await deliverMeta(
      brandId,
      igComment('c-2', '6200000000000001', `Mein Code: ${code.toLowerCase()} 😊`),
    );
    const linkLog = await processed(brandId, bodyOf<{ deliveryId: string }>(linking).deliveryId);
    expect(linkLog.summary).toMatchObject({
      links: [{ linked: true, code, fanId: mia?.id }],
      outcomes: { awarded: 1 },
    });
    const linked = await fanOf(brandId, 'instagram', '6200000000000001');
    expect(linked?.id).toBe(mia?.id);
    // 10 from api-code + 10 earned before + 10 for the linking comment, all on Mia now.
    expect(linked?.balance).toBe(30);
    const identity = linked?.identities.find((i) => i.channel === 'instagram');
    expect(identity?.source).toBe('linked');
    const [proof] = await t.dataSource.query<Array<{ proof: Record<string, unknown> }>>(
      'SELECT proof FROM fan_identity WHERE brand_id = $1 AND id = $2',
      [brandId, identity?.id],
    );
    expect(proof?.proof).toMatchObject({ method: 'code', code, via: 'comment', deliveryId: linkLog.id });
    const accounts = (await (await widget('accounts')).json()) as {
      items: Array<{ channel: string; verified: boolean }>;
    };
    expect(accounts.items).toEqual([expect.objectContaining({ channel: 'instagram', verified: true })]);

    // A used code links no other account; an expired one links nothing.
    const reuse = await deliverMeta(brandId, igComment('c-3', '6200000000000002', code));
    expect(
      (await processed(brandId, bodyOf<{ deliveryId: string }>(reuse).deliveryId)).summary,
    ).toMatchObject({
      links: [{ linked: false, failure: 'used', reason: 'the code was used already' }],
    });
    const facebookCode = (await (
      await widget('link-codes', { method: 'POST', body: JSON.stringify({ channel: 'facebook' }) })
    ).json()) as LinkCodeDto;
    await t.dataSource.query(
      `UPDATE link_code SET expires_at = now() - interval '1 minute' WHERE brand_id = $1 AND code = $2`,
      [brandId, facebookCode.code],
    );
    const expired = await deliverMeta(
      brandId,
      feedComment('6666', { id: '9003', name: 'Late' }, facebookCode.code),
    );
    expect(
      (await processed(brandId, bodyOf<{ deliveryId: string }>(expired).deliveryId)).summary,
    ).toMatchObject({
      links: [{ linked: false, failure: 'expired', reason: 'the code has expired' }],
    });
    expect((await fanOf(brandId, 'facebook', '9003'))?.id).not.toBe(mia?.id);

    // A code for an Instagram account, written from a Facebook account, links nothing.
    const instagramCode = (await (
      await widget('link-codes', { method: 'POST', body: JSON.stringify({ channel: 'instagram' }) })
    ).json()) as LinkCodeDto;
    const crossed = await deliverMeta(
      brandId,
      feedComment('6667', { id: '9004', name: 'Crossed' }, `code ${instagramCode.code}`),
    );
    expect(
      (await processed(brandId, bodyOf<{ deliveryId: string }>(crossed).deliveryId)).summary,
    ).toMatchObject({
      links: [
        {
          linked: false,
          code: instagramCode.code,
          failure: 'wrong_channel',
          channels: { expected: 'instagram', got: 'facebook' },
        },
      ],
    });
    expect((await fanOf(brandId, 'facebook', '9004'))?.id).not.toBe(mia?.id);
  });

  it('links and unlinks accounts by hand, recording who did', async () => {
    const { brandId } = await connectedBrand();
    await processed(
      brandId,
      bodyOf<{ deliveryId: string }>(await deliverMeta(brandId, igComment('h-1', '6300000000000001', 'x')))
        .deliveryId,
    );
    await processed(
      brandId,
      bodyOf<{ deliveryId: string }>(
        await deliverMeta(brandId, feedComment('7777', { id: '9100', name: 'B' }, 'y')),
      ).deliveryId,
    );
    const a = await fanOf(brandId, 'instagram', '6300000000000001');
    const b = await fanOf(brandId, 'facebook', '9100');
    const linked = await t
      .http()
      .post(`/api/v1/brands/${brandId}/fans/${a?.id}/identities`)
      .set('Cookie', owner)
      .send({ channel: 'facebook', externalId: '9100', handle: 'bee' })
      .expect(201);
    expect(bodyOf<{ mergedFanId: string }>(linked).mergedFanId).toBe(b?.id);
    const merged = await fanOf(brandId, 'facebook', '9100');
    expect(merged).toMatchObject({ id: a?.id, balance: 20 });
    const [proof] = await t.dataSource.query<Array<{ proof: Record<string, unknown> }>>(
      `SELECT proof FROM fan_identity WHERE brand_id = $1 AND channel = 'facebook' AND external_id = '9100'`,
      [brandId],
    );
    expect(proof?.proof).toMatchObject({ method: 'manual', by: OWNER_EMAIL });
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/fans/${a?.id}/identities`)
      .set('Cookie', owner)
      .send({ channel: 'facebook', externalId: '9100' })
      .expect(409);
    const facebook = merged?.identities.find((i) => i.channel === 'facebook');
    await t
      .http()
      .delete(`/api/v1/brands/${brandId}/fans/${a?.id}/identities/${facebook?.id}`)
      .set('Cookie', owner)
      .expect(204);
    const instagram = merged?.identities.find((i) => i.channel === 'instagram');
    const last = await t
      .http()
      .delete(`/api/v1/brands/${brandId}/fans/${a?.id}/identities/${instagram?.id}`)
      .set('Cookie', owner)
      .expect(409);
    expect(last.headers['content-type']).toMatch(PROBLEM);
  });

  it('takes Standard Webhooks from senders: valid, expired, wrong, rotated, duplicate; CloudEvents too', async () => {
    const { brandId } = await connectedBrand();
    const created = bodyOf<SenderSecretDto>(
      await t
        .http()
        .post(`/api/v1/brands/${brandId}/connections/senders`)
        .set('Cookie', owner)
        .send({ name: 'Shop' })
        .expect(201),
    );
    expect(created.secret).toMatch(/^whsec_/);
    const event = (id: string) => ({
      id,
      type: 'comment',
      channel: 'instagram',
      occurredAt: new Date().toISOString(),
      fan: { externalId: 'generic-fan' },
    });
    const send = (
      secret: string,
      webhookId: string,
      payload: unknown,
      at = Date.now(),
      contentType = 'application/json',
    ) => {
      const body = Buffer.from(JSON.stringify(payload));
      return t
        .http()
        .post(`/api/v1/hooks/generic/${brandId}`)
        .set('content-type', contentType)
        .set(webhookHeaders(secret, webhookId, Math.floor(at / 1000), body))
        .send(body.toString());
    };
    const ok = await send(created.secret, 'msg_1', { events: [event('g-1'), event('g-2')] }).expect(200);
    expect((await processed(brandId, bodyOf<{ deliveryId: string }>(ok).deliveryId)).summary).toMatchObject({
      events: 2,
      outcomes: { awarded: 2 },
    });
    const duplicate = await send(created.secret, 'msg_1', { events: [event('g-3')] }).expect(200);
    expect(bodyOf<{ duplicate: boolean }>(duplicate).duplicate).toBe(true);
    const expired = await send(created.secret, 'msg_2', event('g-4'), Date.now() - 6 * 60_000).expect(401);
    expect(expired.headers['content-type']).toMatch(PROBLEM);
    await send('whsec_' + Buffer.alloc(32, 7).toString('base64'), 'msg_3', event('g-5')).expect(401);

    // Rotation: the old secret keeps working during the overlap, the new one at once.
    const rotated = bodyOf<SenderSecretDto>(
      await t
        .http()
        .post(`/api/v1/brands/${brandId}/connections/senders/${created.sender.id}/rotate`)
        .set('Cookie', owner)
        .send({ overlapHours: 1 })
        .expect(200),
    );
    await send(created.secret, 'msg_4', event('g-6')).expect(200);
    await send(rotated.secret, 'msg_5', event('g-7')).expect(200);
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/connections/senders/${created.sender.id}/rotate`)
      .set('Cookie', owner)
      .send({ overlapHours: 0 })
      .expect(200);
    await send(rotated.secret, 'msg_6', event('g-8')).expect(401);

    // CloudEvents, structured.
    const sender = bodyOf<SenderSecretDto>(
      await t
        .http()
        .post(`/api/v1/brands/${brandId}/connections/senders`)
        .set('Cookie', owner)
        .send({ name: 'CE' })
        .expect(201),
    );
    const cloud = await send(
      sender.secret,
      'ce_1',
      {
        specversion: '1.0',
        id: 'c-1',
        source: '/shop',
        type: 'com.example.social.comment',
        time: new Date().toISOString(),
        data: { channel: 'instagram', fan: { externalId: 'cloud-fan' } },
      },
      Date.now(),
      'application/cloudevents+json',
    ).expect(200);
    expect(
      (await processed(brandId, bodyOf<{ deliveryId: string }>(cloud).deliveryId)).summary,
    ).toMatchObject({
      outcomes: { awarded: 1 },
    });
    expect(
      bodyOf<ConnectionsDto>(await t.http().get(`/api/v1/brands/${brandId}/connections`).set('Cookie', owner))
        .senders,
    ).toHaveLength(2);
  });

  it('takes raw bodies up to 4 MB on hook routes only; other routes keep the app limit and JSON', async () => {
    const { brandId } = await connectedBrand();
    // WhatsApp sends up to 3 MB: a signed 3 MB delivery is taken, a 5 MB one refused.
    const padded = (bytes: number) => {
      const payload = igComment('big', '6400000000000001', 'x');
      const base = JSON.stringify({ ...payload, padding: '' });
      return Buffer.from(JSON.stringify({ ...payload, padding: 'p'.repeat(bytes - base.length) }));
    };
    const big = padded(3 * 1024 * 1024);
    await t
      .http()
      .post(`/api/v1/hooks/meta/${brandId}`)
      .set('content-type', 'application/json')
      .set('x-hub-signature-256', sign(big))
      .send(big.toString())
      .expect(200);
    const huge = padded(5 * 1024 * 1024);
    await t
      .http()
      .post(`/api/v1/hooks/meta/${brandId}`)
      .set('content-type', 'application/json')
      .set('x-hub-signature-256', sign(huge))
      .send(huge.toString())
      .expect(413);
    // The events API keeps the 1 MB limit and refuses CloudEvents types.
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/events`)
      .set('Cookie', owner)
      .set('content-type', 'application/json')
      .send(JSON.stringify({ events: [], padding: 'p'.repeat(1024 * 1024 + 10) }))
      .expect(413);
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/events`)
      .set('Cookie', owner)
      .set('content-type', 'application/cloudevents+json')
      .send('{}')
      .expect(415);
  });

  it('pages through the delivery log without skipping entries received within one millisecond', async () => {
    const { brandId } = await connectedBrand();
    // Nine deliveries in one millisecond, microseconds apart (as a burst arrives).
    await t.dataSource.query(
      `INSERT INTO hook_delivery (brand_id, id, source, delivery_key, received_at, body_bytes, status)
       SELECT $1, uuidv7(), 'meta', 'k' || n, timestamptz '2026-11-20 10:00:00.123' + n * interval '1 microsecond', 2, 'processed'
         FROM generate_series(1, 9) AS n`,
      [brandId],
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = bodyOf(
        await t
          .http()
          .get(
            `/api/v1/brands/${brandId}/connections/deliveries?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          )
          .set('Cookie', owner)
          .expect(200),
      );
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = await t.dataSource.query<Array<{ id: string }>>(
      'SELECT id FROM hook_delivery WHERE brand_id = $1 ORDER BY received_at DESC, id DESC',
      [brandId],
    );
    expect(seen).toEqual(all.map((row) => row.id));
    expect(seen).toHaveLength(9);
  });

  it('sends a test delivery that is logged, never booked', async () => {
    const { brandId } = await connectedBrand();
    const sent = await t
      .http()
      .post(`/api/v1/brands/${brandId}/connections/meta/test`)
      .set('Cookie', owner)
      .expect(200);
    const log = await processed(brandId, bodyOf<{ deliveryId: string }>(sent).deliveryId);
    expect(log).toMatchObject({
      test: true,
      status: 'processed',
      summary: { test: true, events: 1, points: 0 },
    });
    const rows = await t.dataSource.query<Array<{ n: string }>>(
      'SELECT count(*) AS n FROM engagement_event WHERE brand_id = $1',
      [brandId],
    );
    expect(Number(rows[0]?.n)).toBe(0);
  });
});
