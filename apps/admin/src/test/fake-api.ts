// A fake of the Fanfare API for component tests: routes answer with canned JSON or problem
// documents, and every request is recorded so a test can check what the UI sent. The admin's API
// client takes `fetch` once, when it is created, so the set-up installs one fetch for good that asks
// the fake of the running test.
import { vi } from 'vitest';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface FakeReply {
  status: number;
  body?: unknown;
}

type Reply = FakeReply | ((request: FakeRequest) => FakeReply);

export interface FakeApi {
  /** Answers `method path` (the path without its query) from now on, instead of an earlier route. */
  on(method: string, path: string, reply: Reply): FakeApi;
  /** The requests to `method path`, oldest first. */
  sent(method: string, path: string): FakeRequest[];
}

interface Fake {
  routes: Map<string, Reply>;
  requests: FakeRequest[];
}

let current: Fake | null = null;

/** A problem document as the API sends it (RFC 9457). */
export function problem(
  status: number,
  code: string,
  detail: string,
  errors?: Array<{ field: string; reason: string }>,
): FakeReply {
  return {
    status,
    body: { type: 'about:blank', title: 'Problem', status, detail, code, ...(errors ? { errors } : {}) },
  };
}

/** A fresh fake for one test; a request that no route answers gets a 404 problem. */
export function fakeApi(): FakeApi {
  const fake: Fake = { routes: new Map(), requests: [] };
  current = fake;
  const api: FakeApi = {
    on(method, path, reply) {
      fake.routes.set(`${method} ${path}`, reply);
      return api;
    },
    sent: (method, path) =>
      fake.requests.filter((request) => request.method === method && request.path === path),
  };
  return api;
}

async function answer(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const text = await request.text();
  const received: FakeRequest = {
    method: request.method,
    path: url.pathname,
    query: url.searchParams,
    body: text ? (JSON.parse(text) as unknown) : undefined,
  };
  if (!current) {
    throw new Error(`No fake API for ${received.method} ${received.path}: call fakeApi() in the test`);
  }
  current.requests.push(received);
  const route = current.routes.get(`${received.method} ${received.path}`);
  const reply =
    route === undefined
      ? problem(404, 'not_found', `No fake for ${received.method} ${received.path}`)
      : typeof route === 'function'
        ? route(received)
        : route;
  if (reply.body === undefined) {
    return new Response(null, { status: reply.status });
  }
  return new Response(JSON.stringify(reply.body), {
    status: reply.status,
    headers: { 'content-type': reply.status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

export function installFakeFetch(): void {
  // Relative URLs ('/api/v1/…') resolve against the page, as they do in a browser.
  (globalThis as Record<symbol, unknown>)[Symbol.for('undici.globalOrigin.1')] = new URL(
    window.location.origin,
  );
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
    answer(input instanceof Request ? input : new Request(input, init)),
  );
}
