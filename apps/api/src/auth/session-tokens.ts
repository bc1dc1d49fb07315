import { createHmac, randomBytes } from 'node:crypto';

/** A session token: 32 random bytes. The database keeps only HMAC-SHA256(secret, token). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(secret: string, token: string): Buffer {
  return createHmac('sha256', secret).update(token).digest();
}

export function looksLikeSessionToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
