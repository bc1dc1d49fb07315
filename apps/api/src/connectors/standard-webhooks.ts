/**
 * Standard Webhooks 1.0, symmetric scheme (v1, HMAC-SHA256) only: `whsec_` secrets, signing, and the
 * verification of a delivery's webhook-id / webhook-timestamp / webhook-signature headers over the raw
 * body bytes. Pure: the caller supplies the clock, the secrets and the id dedupe.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What the reference libraries allow for clock skew and replays. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

const SECRET_PREFIX = 'whsec_';
const NEW_SECRET_BYTES = 32;
const MIN_SECRET_BYTES = 24;
const MAX_SECRET_BYTES = 64;
const MAX_ID_LENGTH = 200;
// Standard base64; the padding may be left off, as some providers print their secrets that way.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;
// Visible ASCII only: the id becomes an idempotency key and shows up in logs, where spaces and
// control characters would blur where one id ends. Node joins a repeated header with ", ", which
// this also refuses.
const WEBHOOK_ID = new RegExp(`^[\\x21-\\x7e]{1,${MAX_ID_LENGTH}}$`);
// Canonical decimal only, so the signed text and the parsed number cannot disagree.
const UNIX_SECONDS = /^(?:0|[1-9][0-9]{0,14})$/;

export type VerifyFailure =
  'missing_headers' | 'bad_id' | 'bad_timestamp' | 'expired' | 'future' | 'bad_signature';

/** A delivery that must be refused; `message` is written for a problem+json `detail`. */
export class WebhookVerificationError extends Error {
  constructor(
    readonly reason: VerifyFailure,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A configured secret that is not a Standard Webhooks secret: a set-up fault, not the sender's. */
export class InvalidSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A new secret: `whsec_` + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(NEW_SECRET_BYTES).toString('base64')}`;
}

/**
 * The key bytes of a `whsec_…` secret. Messages never quote the secret, since they end up in logs.
 */
export function secretKey(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) {
    throw new InvalidSecretError(`A Standard Webhooks secret starts with "${SECRET_PREFIX}".`);
  }
  const encoded = secret.slice(SECRET_PREFIX.length);
  if (encoded === '' || !BASE64.test(encoded)) {
    throw new InvalidSecretError(`The part of the secret after "${SECRET_PREFIX}" is not base64.`);
  }
  const key = Buffer.from(encoded, 'base64');
  if (key.length < MIN_SECRET_BYTES || key.length > MAX_SECRET_BYTES) {
    throw new InvalidSecretError(
      `The secret holds ${key.length} bytes; a Standard Webhooks secret holds ${MIN_SECRET_BYTES} to ${MAX_SECRET_BYTES}.`,
    );
  }
  return key;
}

/** `v1,<base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")>`; a string body is signed as UTF-8. */
export function signWebhook(secret: string, id: string, timestamp: number, body: Buffer | string): string {
  if (!WEBHOOK_ID.test(id)) {
    throw new RangeError(`A webhook id is 1 to ${MAX_ID_LENGTH} visible ASCII characters.`);
  }
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new RangeError('A webhook timestamp is a whole number of Unix seconds.');
  }
  return `v1,${signature(secretKey(secret), id, timestamp, body)}`;
}

export type WebhookHeaders = Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string>;

/** The headers a sender sends with a delivery of `body`. */
export function webhookHeaders(
  secret: string,
  id: string,
  timestamp: number,
  body: Buffer | string,
): WebhookHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(secret, id, timestamp, body),
  };
}

/**
 * Verifies a delivery against one or more secrets (during a rotation, the new and the old one).
 * Headers are looked up case-insensitively; webhook-timestamp must lie within ±toleranceSeconds of
 * `now`; any `v1,` entry of webhook-signature that matches any secret passes, other versions (`v1a`)
 * are ignored. Returns which secret matched, so the caller can tell when the old one may go.
 * Throws WebhookVerificationError for a delivery to refuse, InvalidSecretError for a bad secret.
 */
export function verifyWebhook(
  headers: Record<string, string | string[] | undefined>,
  body: Buffer,
  secrets: readonly string[],
  now: Date,
  toleranceSeconds: number = WEBHOOK_TOLERANCE_SECONDS,
): { id: string; timestamp: number; secretIndex: number } {
  // Set-up faults first, so they are never mistaken for a sender's bad signature.
  const keys = secrets.map((secret) => secretKey(secret));
  if (keys.length === 0) {
    throw new InvalidSecretError('There is no secret to verify the delivery against.');
  }
  const delivery = readHeaders(headers);
  const id = readId(delivery.id);
  const timestamp = readTimestamp(delivery.timestamp, now, toleranceSeconds);
  const secretIndex = matchingSecret(keys, id, timestamp, body, delivery.signature);
  return { id, timestamp, secretIndex };
}

function signature(key: Buffer, id: string, timestamp: number, body: Buffer | string): string {
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64');
}

/** The three headers' values; a repeated id or timestamp stays a list so it can be refused. */
function readHeaders(headers: Record<string, string | string[] | undefined>): {
  id: string[];
  timestamp: string[];
  signature: string;
} {
  const id = headerValues(headers, 'webhook-id');
  const timestamp = headerValues(headers, 'webhook-timestamp');
  const signatures = headerValues(headers, 'webhook-signature');
  const missing = [
    id.length === 0 ? 'webhook-id' : null,
    timestamp.length === 0 ? 'webhook-timestamp' : null,
    signatures.length === 0 ? 'webhook-signature' : null,
  ].filter((name): name is string => name !== null);
  if (missing.length > 0) {
    throw new WebhookVerificationError(
      'missing_headers',
      `The ${listed(missing)} ${missing.length === 1 ? 'header is' : 'headers are'} missing; a Standard Webhooks delivery carries webhook-id, webhook-timestamp and webhook-signature.`,
    );
  }
  // Several signature headers are one list, as if sent space-delimited in one header.
  return { id, timestamp, signature: signatures.join(' ') };
}

function headerValues(headers: Record<string, string | string[] | undefined>, name: string): string[] {
  return Object.entries(headers)
    .filter(([key]) => key.toLowerCase() === name)
    .flatMap(([, value]) => (value === undefined ? [] : value))
    .filter((value) => value !== '');
}

function readId(values: string[]): string {
  const [id] = values;
  if (id === undefined || values.some((value) => value !== id)) {
    throw new WebhookVerificationError(
      'bad_id',
      'The webhook-id header was sent more than once, with different values.',
    );
  }
  if (!WEBHOOK_ID.test(id)) {
    throw new WebhookVerificationError(
      'bad_id',
      `The webhook-id header must be 1 to ${MAX_ID_LENGTH} visible ASCII characters, without spaces.`,
    );
  }
  return id;
}

function readTimestamp(values: string[], now: Date, toleranceSeconds: number): number {
  const [text] = values;
  if (text === undefined || values.some((value) => value !== text)) {
    throw new WebhookVerificationError(
      'bad_timestamp',
      'The webhook-timestamp header was sent more than once, with different values.',
    );
  }
  if (!UNIX_SECONDS.test(text)) {
    throw new WebhookVerificationError(
      'bad_timestamp',
      'The webhook-timestamp header must be a whole number of Unix seconds, such as 1767225600.',
    );
  }
  const timestamp = Number(text);
  const age = Math.floor(now.getTime() / 1000) - timestamp;
  if (age > toleranceSeconds) {
    throw new WebhookVerificationError(
      'expired',
      `webhook-timestamp is ${age} seconds old; deliveries older than ${toleranceSeconds} seconds are refused.`,
    );
  }
  if (-age > toleranceSeconds) {
    throw new WebhookVerificationError(
      'future',
      `webhook-timestamp lies ${-age} seconds in the future; a sender's clock may be ahead by at most ${toleranceSeconds} seconds.`,
    );
  }
  return timestamp;
}

/** The index of the first secret that one of the header's v1 signatures was made with. */
function matchingSecret(keys: Buffer[], id: string, timestamp: number, body: Buffer, header: string): number {
  const candidates = v1Signatures(header);
  if (candidates.length === 0) {
    throw new WebhookVerificationError(
      'bad_signature',
      'The webhook-signature header holds no v1 signature; only v1 (HMAC-SHA256) signatures are accepted.',
    );
  }
  const index = keys.findIndex((key) => {
    const expected = Buffer.from(signature(key, id, timestamp, body));
    return candidates.some((candidate) => sameBytes(expected, candidate));
  });
  if (index === -1) {
    throw new WebhookVerificationError(
      'bad_signature',
      'No v1 signature in webhook-signature matches this delivery; sign "{webhook-id}.{webhook-timestamp}.{raw body}" with the endpoint secret.',
    );
  }
  return index;
}

/** The base64 text of every `v1,` entry; other versions are for other schemes and ignored. */
function v1Signatures(header: string): Buffer[] {
  return header
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => Buffer.from(entry.slice('v1,'.length)));
}

/** timingSafeEqual needs equal lengths; a length difference reveals nothing about the key. */
function sameBytes(expected: Buffer, candidate: Buffer): boolean {
  return expected.length === candidate.length && timingSafeEqual(expected, candidate);
}

function listed(names: string[]): string {
  return names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}
