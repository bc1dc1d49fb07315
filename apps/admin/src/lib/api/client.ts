// The one HTTP client of the admin: openapi-fetch typed by the generated schema. The session lives in
// an HttpOnly cookie, so requests only need same-origin credentials.
import createClient, { type Middleware } from 'openapi-fetch';

import { toApiError } from './problem';
import type { paths } from './schema';

export const LOGIN_PATH = '/api/v1/auth/login';

let onUnauthorized: () => void = () => undefined;

/** The app decides what "session expired" means (drop the session, show the login page). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

const sessionExpiry: Middleware = {
  onResponse({ response, schemaPath }) {
    // A 401 from login means wrong credentials, which the login form shows itself.
    if (response.status === 401 && schemaPath !== LOGIN_PATH) {
      onUnauthorized();
    }
    return undefined;
  },
};

export const api = createClient<paths>({ credentials: 'same-origin' });
api.use(sessionExpiry);

interface ApiResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's body, or an ApiError carrying the problem document. */
export async function unwrap<T>(request: Promise<ApiResult<T>>): Promise<T> {
  const { data, error, response } = await request;
  if (response.ok && data !== undefined) {
    return data;
  }
  throw toApiError(response, error);
}

/** For answers without a body (204): resolves on success, throws an ApiError otherwise. */
export async function unwrapEmpty(request: Promise<{ error?: unknown; response: Response }>): Promise<void> {
  const { error, response } = await request;
  if (!response.ok) {
    throw toApiError(response, error);
  }
}
