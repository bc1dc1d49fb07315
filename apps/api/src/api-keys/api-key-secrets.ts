import { createHash, randomBytes } from 'node:crypto';

/** `sk_` + 43 base64url characters (256 random bits). High entropy: a plain SHA-256 is enough to store. */
export function newApiKeySecret(): string {
  return `sk_${randomBytes(32).toString('base64url')}`;
}

export function hashApiKeySecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function looksLikeApiKey(secret: string): boolean {
  return /^sk_[A-Za-z0-9_-]{43}$/.test(secret);
}

/** What lists show: enough to tell keys apart, useless to an attacker. */
export function apiKeyPrefix(secret: string): string {
  return secret.slice(0, 10);
}
