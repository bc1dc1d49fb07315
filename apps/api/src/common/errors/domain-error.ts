/**
 * Errors that services throw. Each carries a stable machine-readable `code`; the problem filter
 * turns them into RFC 9457 problem details with the matching HTTP status.
 */
export interface FieldError {
  field: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extras: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainError {
  constructor(errors: FieldError[], message = 'The request is not valid.') {
    super(400, 'validation_failed', message, { errors });
  }
}

export class BadRequest extends DomainError {
  constructor(code: string, message: string) {
    super(400, code, message);
  }
}

export class Unauthenticated extends DomainError {
  constructor(code = 'unauthenticated', message = 'Log in or send a valid API key.') {
    super(401, code, message);
  }
}

export class Forbidden extends DomainError {
  constructor(code = 'forbidden', message = 'You are not allowed to do this.') {
    super(403, code, message);
  }
}

export class NotFound extends DomainError {
  constructor(what: string) {
    super(404, 'not_found', `${what} was not found.`);
  }
}

export class Conflict extends DomainError {
  constructor(code: string, message: string, errors?: FieldError[]) {
    super(409, code, message, errors ? { errors } : {});
  }
}

export class PayloadTooLarge extends DomainError {
  constructor(code: string, message: string) {
    super(413, code, message);
  }
}

export class TooManyRequests extends DomainError {
  constructor(message: string, retryAfterSeconds: number) {
    super(429, 'too_many_attempts', message, { headers: { 'Retry-After': String(retryAfterSeconds) } });
  }
}
