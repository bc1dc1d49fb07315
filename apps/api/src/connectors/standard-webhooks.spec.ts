import { createHmac } from 'node:crypto';

import {
  InvalidSecretError,
  newWebhookSecret,
  secretKey,
  signWebhook,
  type VerifyFailure,
  verifyWebhook,
  WEBHOOK_TOLERANCE_SECONDS,
  WebhookVerificationError,
  webhookHeaders,
} from './standard-webhooks';

/** The published test vector of the Standard Webhooks reference libraries. */
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const NOW_SECONDS = 1767225600;
const now = new Date(NOW_SECONDS * 1000);
const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const OLD_SECRET = `whsec_${Buffer.alloc(24, 9).toString('base64')}`;
const BODY = Buffer.from('{"type":"comment","id":"c-1"}');

function signed(overrides: { secret?: string; body?: Buffer; timestamp?: number; id?: string } = {}) {
  return webhookHeaders(
    overrides.secret ?? SECRET,
    overrides.id ?? 'msg_1',
    overrides.timestamp ?? NOW_SECONDS,
    overrides.body ?? BODY,
  );
}

/** The failure verifyWebhook throws, or a failing assertion when it passes. */
function failure(run: () => unknown): WebhookVerificationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return error as WebhookVerificationError;
  }
  throw new Error('expected the delivery to be refused');
}

function refusedAs(reason: VerifyFailure, run: () => unknown): string {
  const error = failure(run);
  expect(error.reason).toBe(reason);
  return error.message;
}

describe('signWebhook', () => {
  it('reproduces the published Standard Webhooks test vector', () => {
    expect(signWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
    expect(signWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, Buffer.from(VECTOR.body))).toBe(
      VECTOR.signature,
    );
  });

  it('signs the raw bytes of the body, including bytes that are not UTF-8', () => {
    const body = Buffer.concat([
      Buffer.from('{"text":"Grüße 🎉","raw":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}'),
    ]);
    const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
    const independent = createHmac('sha256', key)
      .update(Buffer.concat([Buffer.from('msg_1.1767225600.'), body]))
      .digest('base64');
    expect(signWebhook(SECRET, 'msg_1', NOW_SECONDS, body)).toBe(`v1,${independent}`);
  });

  it('signs a string body as UTF-8', () => {
    const text = '{"text":"Grüße 🎉"}';
    expect(signWebhook(SECRET, 'msg_1', NOW_SECONDS, text)).toBe(
      signWebhook(SECRET, 'msg_1', NOW_SECONDS, Buffer.from(text, 'utf8')),
    );
    expect(signWebhook(SECRET, 'msg_1', NOW_SECONDS, text)).not.toBe(
      signWebhook(SECRET, 'msg_1', NOW_SECONDS, Buffer.from(text, 'latin1')),
    );
  });

  it('refuses timestamps that are not whole Unix seconds and ids a receiver would refuse', () => {
    expect(() => signWebhook(SECRET, 'msg_1', 1767225600.5, BODY)).toThrow(RangeError);
    expect(() => signWebhook(SECRET, 'msg_1', -1, BODY)).toThrow(RangeError);
    expect(() => signWebhook(SECRET, 'msg 1', NOW_SECONDS, BODY)).toThrow(RangeError);
    expect(() => signWebhook(SECRET, '', NOW_SECONDS, BODY)).toThrow(RangeError);
  });
});

describe('webhookHeaders', () => {
  it('gives the three Standard Webhooks headers of a delivery', () => {
    expect(webhookHeaders(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toEqual({
      'webhook-id': VECTOR.id,
      'webhook-timestamp': '1614265330',
      'webhook-signature': VECTOR.signature,
    });
  });
});

describe('secretKey', () => {
  it('decodes the base64 after whsec_', () => {
    expect(secretKey(VECTOR.secret)).toEqual(Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64'));
    expect(secretKey(VECTOR.secret)).toHaveLength(24);
  });

  it('accepts 24 to 64 key bytes, with or without base64 padding', () => {
    expect(secretKey(`whsec_${Buffer.alloc(64, 1).toString('base64')}`)).toHaveLength(64);
    const unpadded = Buffer.alloc(32, 2).toString('base64').replace(/=+$/, '');
    expect(secretKey(`whsec_${unpadded}`)).toEqual(Buffer.alloc(32, 2));
  });

  it.each([
    ['a secret without the prefix', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
    ['another prefix', 'wsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
    ['base64url', `whsec_${'-_'.repeat(16)}`],
    ['text that is not base64', 'whsec_not base64 at all, sorry!!'],
    ['too short a key (23 bytes)', `whsec_${Buffer.alloc(23).toString('base64')}`],
    ['too long a key (65 bytes)', `whsec_${Buffer.alloc(65).toString('base64')}`],
  ])('refuses %s without quoting it', (_case, secret) => {
    let thrown: unknown;
    try {
      secretKey(secret);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidSecretError);
    expect((thrown as Error).message).not.toContain(secret.slice(-12));
  });

  it('refuses the prefix alone and the empty string', () => {
    expect(() => secretKey('whsec_')).toThrow(InvalidSecretError);
    expect(() => secretKey('')).toThrow(InvalidSecretError);
  });
});

describe('newWebhookSecret', () => {
  it('makes whsec_ secrets of 32 random bytes', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(secretKey(secret)).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('signs deliveries that verify with it and with no other secret', () => {
    const secret = newWebhookSecret();
    const headers = signed({ secret });
    expect(verifyWebhook(headers, BODY, [secret], now)).toEqual({
      id: 'msg_1',
      timestamp: NOW_SECONDS,
      secretIndex: 0,
    });
    refusedAs('bad_signature', () => verifyWebhook(headers, BODY, [newWebhookSecret()], now));
  });
});

describe('verifyWebhook', () => {
  it('accepts the published test vector at its own time', () => {
    const headers = webhookHeaders(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body);
    expect(
      verifyWebhook(headers, Buffer.from(VECTOR.body), [VECTOR.secret], new Date(VECTOR.timestamp * 1000)),
    ).toEqual({ id: VECTOR.id, timestamp: VECTOR.timestamp, secretIndex: 0 });
  });

  it('accepts a body with non-ASCII and non-UTF-8 bytes, but not the same text in another encoding', () => {
    const text = '{"text":"Grüße aus Köln 🎉"}';
    const body = Buffer.concat([Buffer.from(text), Buffer.from([0xc3, 0x28, 0xff])]);
    const headers = signed({ body });
    expect(verifyWebhook(headers, body, [SECRET], now).secretIndex).toBe(0);
    refusedAs('bad_signature', () =>
      verifyWebhook(signed({ body: Buffer.from(text) }), Buffer.from(text, 'latin1'), [SECRET], now),
    );
  });

  describe('timestamp window', () => {
    it('accepts deliveries exactly 300 seconds old or ahead', () => {
      expect(WEBHOOK_TOLERANCE_SECONDS).toBe(300);
      const old = signed({ timestamp: NOW_SECONDS - 300 });
      const ahead = signed({ timestamp: NOW_SECONDS + 300 });
      expect(verifyWebhook(old, BODY, [SECRET], now).timestamp).toBe(NOW_SECONDS - 300);
      expect(verifyWebhook(ahead, BODY, [SECRET], now).timestamp).toBe(NOW_SECONDS + 300);
    });

    it('refuses a delivery 301 seconds old, saying how old it is', () => {
      const message = refusedAs('expired', () =>
        verifyWebhook(signed({ timestamp: NOW_SECONDS - 301 }), BODY, [SECRET], now),
      );
      expect(message).toBe(
        'webhook-timestamp is 301 seconds old; deliveries older than 300 seconds are refused.',
      );
    });

    it('refuses a delivery 301 seconds in the future', () => {
      const message = refusedAs('future', () =>
        verifyWebhook(signed({ timestamp: NOW_SECONDS + 301 }), BODY, [SECRET], now),
      );
      expect(message).toContain('301 seconds in the future');
    });

    it('refuses an old delivery even when it is signed correctly: a replay', () => {
      const replayed = signed({ timestamp: NOW_SECONDS - 3600 });
      refusedAs('expired', () => verifyWebhook(replayed, BODY, [SECRET], now));
    });

    it('takes another tolerance when given one', () => {
      const headers = signed({ timestamp: NOW_SECONDS - 100 });
      expect(verifyWebhook(headers, BODY, [SECRET], now, 100).timestamp).toBe(NOW_SECONDS - 100);
      const message = refusedAs('expired', () => verifyWebhook(headers, BODY, [SECRET], now, 99));
      expect(message).toContain('older than 99 seconds');
    });

    it.each([
      ['text', 'hello'],
      ['a fraction', '1767225600.5'],
      ['a negative number', '-1767225600'],
      ['leading zeros', '01767225600'],
      ['an exponent', '1.7672256e9'],
      ['padding spaces', ' 1767225600'],
    ])('refuses %s as webhook-timestamp', (_case, timestamp) => {
      const headers = { ...signed(), 'webhook-timestamp': timestamp };
      refusedAs('bad_timestamp', () => verifyWebhook(headers, BODY, [SECRET], now));
    });
  });

  describe('signatures', () => {
    it('refuses a wrong signature', () => {
      const headers = { ...signed(), 'webhook-signature': `v1,${Buffer.alloc(32, 1).toString('base64')}` };
      const message = refusedAs('bad_signature', () => verifyWebhook(headers, BODY, [SECRET], now));
      expect(message).toContain('No v1 signature');
    });

    it('refuses the signature of another body', () => {
      const headers = signed({ body: Buffer.from('{"type":"comment","id":"c-2"}') });
      refusedAs('bad_signature', () => verifyWebhook(headers, BODY, [SECRET], now));
    });

    it('refuses a signature over another id or timestamp', () => {
      const forOtherId = { ...signed(), 'webhook-id': 'msg_2' };
      const forOtherTime = { ...signed(), 'webhook-timestamp': String(NOW_SECONDS - 1) };
      refusedAs('bad_signature', () => verifyWebhook(forOtherId, BODY, [SECRET], now));
      refusedAs('bad_signature', () => verifyWebhook(forOtherTime, BODY, [SECRET], now));
    });

    it('refuses a truncated or empty signature', () => {
      const valid = signed()['webhook-signature'];
      for (const truncated of [valid.slice(0, -1), valid.slice(0, 8), 'v1,']) {
        const headers = { ...signed(), 'webhook-signature': truncated };
        refusedAs('bad_signature', () => verifyWebhook(headers, BODY, [SECRET], now));
      }
    });

    it('accepts a list of signatures when a later one matches', () => {
      const valid = signed()['webhook-signature'];
      const wrong = `v1,${Buffer.alloc(32, 1).toString('base64')}`;
      const headers = { ...signed(), 'webhook-signature': `${wrong} ${valid} ${wrong}` };
      expect(verifyWebhook(headers, BODY, [SECRET], now).secretIndex).toBe(0);
    });

    it('ignores v1a (asymmetric) entries, even ones carrying the right HMAC', () => {
      const valid = signed()['webhook-signature'];
      const onlyV1a = { ...signed(), 'webhook-signature': valid.replace('v1,', 'v1a,') };
      const message = refusedAs('bad_signature', () => verifyWebhook(onlyV1a, BODY, [SECRET], now));
      expect(message).toContain('no v1 signature');
      const mixed = {
        ...signed(),
        'webhook-signature': `v1a,${Buffer.alloc(64).toString('base64')} ${valid}`,
      };
      expect(verifyWebhook(mixed, BODY, [SECRET], now).secretIndex).toBe(0);
    });
  });

  describe('rotated secrets', () => {
    it('accepts the old secret while it is still listed, and says which secret matched', () => {
      expect(verifyWebhook(signed({ secret: SECRET }), BODY, [SECRET, OLD_SECRET], now).secretIndex).toBe(0);
      expect(verifyWebhook(signed({ secret: OLD_SECRET }), BODY, [SECRET, OLD_SECRET], now).secretIndex).toBe(
        1,
      );
    });

    it('refuses the old secret once it is dropped from the list', () => {
      refusedAs('bad_signature', () => verifyWebhook(signed({ secret: OLD_SECRET }), BODY, [SECRET], now));
    });

    it('accepts a sender that signs with both secrets during the rotation', () => {
      const both = `${signed({ secret: OLD_SECRET })['webhook-signature']} ${signed()['webhook-signature']}`;
      const headers = { ...signed(), 'webhook-signature': both };
      expect(verifyWebhook(headers, BODY, [OLD_SECRET], now).secretIndex).toBe(0);
      expect(verifyWebhook(headers, BODY, [SECRET], now).secretIndex).toBe(0);
    });

    it('treats a malformed or absent secret as a set-up fault, not as a bad delivery', () => {
      expect(() => verifyWebhook(signed(), BODY, [SECRET, 'whsec_short'], now)).toThrow(InvalidSecretError);
      expect(() => verifyWebhook(signed(), BODY, [], now)).toThrow(InvalidSecretError);
    });
  });

  describe('headers', () => {
    it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])(
      'refuses a delivery without %s',
      (name) => {
        const headers: Record<string, string | undefined> = { ...signed(), [name]: undefined };
        const message = refusedAs('missing_headers', () => verifyWebhook(headers, BODY, [SECRET], now));
        expect(message).toContain(`The ${name} header is missing`);
      },
    );

    it('names every missing header, and counts an empty value as missing', () => {
      const message = refusedAs('missing_headers', () =>
        verifyWebhook({ 'webhook-id': '', 'content-type': 'application/json' }, BODY, [SECRET], now),
      );
      expect(message).toBe(
        'The webhook-id, webhook-timestamp and webhook-signature headers are missing; a Standard Webhooks delivery carries webhook-id, webhook-timestamp and webhook-signature.',
      );
    });

    it('finds headers whatever the case of their names', () => {
      const sent = signed();
      const headers = {
        'Webhook-Id': sent['webhook-id'],
        'WEBHOOK-TIMESTAMP': sent['webhook-timestamp'],
        'webhook-Signature': sent['webhook-signature'],
      };
      expect(verifyWebhook(headers, BODY, [SECRET], now).id).toBe('msg_1');
    });

    it('takes array values: one id, and every signature header as one list', () => {
      const sent = signed();
      const wrong = `v1,${Buffer.alloc(32, 1).toString('base64')}`;
      const headers = {
        'webhook-id': [sent['webhook-id']],
        'webhook-timestamp': [sent['webhook-timestamp'], sent['webhook-timestamp']],
        'webhook-signature': [wrong, sent['webhook-signature']],
      };
      expect(verifyWebhook(headers, BODY, [SECRET], now)).toEqual({
        id: 'msg_1',
        timestamp: NOW_SECONDS,
        secretIndex: 0,
      });
    });

    it('refuses an id or timestamp sent twice with different values', () => {
      const sent = signed();
      refusedAs('bad_id', () =>
        verifyWebhook({ ...sent, 'webhook-id': ['msg_1', 'msg_2'] }, BODY, [SECRET], now),
      );
      refusedAs('bad_id', () => verifyWebhook({ ...sent, 'Webhook-ID': 'msg_2' }, BODY, [SECRET], now));
      refusedAs('bad_timestamp', () =>
        verifyWebhook({ ...sent, 'webhook-timestamp': [String(NOW_SECONDS), '1'] }, BODY, [SECRET], now),
      );
    });

    it('accepts ids of up to 200 visible ASCII characters', () => {
      const id = `msg_${'x'.repeat(196)}`;
      expect(verifyWebhook(signed({ id }), BODY, [SECRET], now).id).toBe(id);
    });

    it.each([
      ['201 characters', 'x'.repeat(201)],
      ['a space', 'msg 1'],
      ['non-ASCII', 'msg_ü'],
      ['a control character', 'msg_\u0001'],
      ['a comma-joined repeat', 'msg_1, msg_2'],
    ])('refuses an id with %s', (_case, id) => {
      const message = refusedAs('bad_id', () =>
        verifyWebhook({ ...signed(), 'webhook-id': id }, BODY, [SECRET], now),
      );
      expect(message).toContain('1 to 200 visible ASCII characters');
    });
  });

  it('throws errors that are named for logs', () => {
    const error = failure(() => verifyWebhook({}, BODY, [SECRET], now));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('WebhookVerificationError');
  });
});
