import { describe, expect, it } from 'vitest';

import {
  ApiError,
  fieldErrorsOf,
  parseProblem,
  parseRetryAfter,
  retryAfterMinutes,
  toApiError,
} from './problem';

const validation = {
  type: 'https://fanfare.dev/problems/validation',
  title: 'Bad Request',
  status: 400,
  detail: 'The request has invalid fields.',
  code: 'validation_failed',
  errors: [
    { field: 'name', reason: 'must not be empty' },
    { field: 'scopes.0', reason: 'must be one of events:write, fans:read' },
    { field: 'scopes[1]', reason: 'must be unique' },
  ],
};

describe('parseProblem', () => {
  it('accepts a problem document', () => {
    expect(parseProblem(validation)).toEqual(validation);
  });

  it('rejects bodies that are not problem documents', () => {
    expect(parseProblem('<html>Bad gateway</html>')).toBeNull();
    expect(parseProblem(null)).toBeNull();
    expect(parseProblem({ message: 'nope' })).toBeNull();
    expect(parseProblem({ ...validation, errors: [{ field: 1 }] })).toBeNull();
  });
});

describe('fieldErrorsOf', () => {
  it('puts nested field errors on the top-level field and joins several reasons', () => {
    expect(fieldErrorsOf(parseProblem(validation))).toEqual({
      name: 'must not be empty',
      scopes: 'must be one of events:write, fans:read must be unique',
    });
  });

  it('is empty without a problem or without errors', () => {
    expect(fieldErrorsOf(null)).toEqual({});
    expect(fieldErrorsOf(parseProblem({ ...validation, errors: undefined }))).toEqual({});
  });
});

describe('Retry-After', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(' 7 ')).toBe(7);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-02-03T10:00:00Z');
    expect(parseRetryAfter('Tue, 03 Feb 2026 10:05:00 GMT', now)).toBe(300);
    expect(parseRetryAfter('Tue, 03 Feb 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('is null when missing or unreadable', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('')).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('rounds waits up to whole minutes, at least one', () => {
    expect(retryAfterMinutes(0)).toBe(1);
    expect(retryAfterMinutes(60)).toBe(1);
    expect(retryAfterMinutes(61)).toBe(2);
    expect(retryAfterMinutes(900)).toBe(15);
  });
});

describe('toApiError', () => {
  it('keeps status, problem and Retry-After of the response', () => {
    const response = new Response(null, { status: 429, headers: { 'Retry-After': '600' } });
    const problem = {
      type: 'about:blank',
      title: 'Too Many Requests',
      status: 429,
      detail: 'Slow down',
      code: 'too_many_attempts',
    };
    const error = toApiError(response, problem);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(429);
    expect(error.code).toBe('too_many_attempts');
    expect(error.retryAfterSeconds).toBe(600);
    expect(error.message).toBe('Slow down');
  });

  it('copes with a body that is not a problem', () => {
    const error = toApiError(new Response(null, { status: 502 }), 'Bad gateway');
    expect(error.problem).toBeNull();
    expect(error.code).toBeNull();
    expect(error.message).toBe('HTTP 502');
  });
});
