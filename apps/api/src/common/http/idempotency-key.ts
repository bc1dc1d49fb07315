import { BadRequest } from '../errors/domain-error';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** An `Idempotency-Key` header, when sent, is 1–200 visible ASCII characters (400 otherwise). */
export function assertIdempotencyKey(key: string | undefined): void {
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequest(
      'invalid_idempotency_key',
      'The Idempotency-Key header must be 1–200 visible ASCII characters.',
    );
  }
}
