// Turns failed API answers (RFC 9457 problem details) into one error type the UI can show:
// a readable message, per-field errors for forms, and how long to wait after a 429.
import type { ProblemDto, ProblemFieldError } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDto | null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.name = 'ApiError';
  }

  get code(): string | null {
    return this.problem?.code ?? null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFieldError(value: unknown): value is ProblemFieldError {
  return isRecord(value) && typeof value['field'] === 'string' && typeof value['reason'] === 'string';
}

/** The body as a problem document, or null when the server answered something else (HTML, text). */
export function parseProblem(body: unknown): ProblemDto | null {
  if (!isRecord(body) || typeof body['status'] !== 'number' || typeof body['title'] !== 'string') {
    return null;
  }
  const errors = body['errors'];
  if (errors !== undefined && !(Array.isArray(errors) && errors.every(isFieldError))) {
    return null;
  }
  return body as ProblemDto;
}

/** Seconds to wait from a Retry-After header, which is either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (header === null || header.trim() === '') {
    return null;
  }
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed);
  }
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) {
    return null;
  }
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** Whole minutes to show for a wait, never less than one. */
export function retryAfterMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

export function toApiError(response: Response, body: unknown): ApiError {
  return new ApiError(
    response.status,
    parseProblem(body),
    parseRetryAfter(response.headers.get('Retry-After')),
  );
}

/**
 * Field errors keyed by the top-level form field. The API names nested fields with dots or brackets
 * (`scopes.0`, `scopes[0]`); forms show those on the field itself. Several reasons for one field are
 * joined into one message.
 */
export function fieldErrorsOf(problem: ProblemDto | null): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { field, reason } of problem?.errors ?? []) {
    const key = field.split(/[.[]/)[0] ?? field;
    result[key] = result[key] ? `${result[key]} ${reason}` : reason;
  }
  return result;
}
