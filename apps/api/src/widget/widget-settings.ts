import { type FieldError } from '../common/errors/domain-error';

export const MAX_WIDGET_ORIGINS = 20;

/**
 * Reads the origins allowed to call the widget API: `https://shop.example` or `http://localhost:3000`
 * (a trailing slash is forgiven; paths, queries, credentials and wildcards are not). Answers them
 * normalised (lower-case host, default port dropped) and without repeats.
 */
export function readOrigins(
  values: readonly string[],
  field = 'allowedOrigins',
): { origins: string[] } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const origins: string[] = [];
  if (values.length > MAX_WIDGET_ORIGINS) {
    return { errors: [{ field, reason: `must list at most ${MAX_WIDGET_ORIGINS} origins` }] };
  }
  values.forEach((value, index) => {
    const origin = readOrigin(value.trim());
    if (origin === null) {
      errors.push({
        field: `${field}.${index}`,
        reason: 'must be an origin such as https://shop.example (scheme, host and port only)',
      });
    } else if (!origins.includes(origin)) {
      origins.push(origin);
    }
  });
  return errors.length > 0 ? { errors } : { origins };
}

function readOrigin(value: string): string | null {
  if (!/^https?:\/\/[^/?#@\s*]+\/?$/i.test(value)) return null;
  try {
    const url = new URL(value);
    if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
    return url.origin;
  } catch {
    return null;
  }
}
