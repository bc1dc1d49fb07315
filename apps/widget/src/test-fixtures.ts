/**
 * Test support (used by the specs only): answers shaped as docs/widget-api.md shows them, and a
 * fake `fetch` that answers by method and path and records every request it was asked for.
 */
import { type FetchFunction, type Me, type Redemption, type Reward, type WidgetConfig } from './widget-api';

export const CONFIG: WidgetConfig = {
  brand: { name: 'Bäckerei Sonnenschein', locale: 'de' },
  theme: { primaryColor: '#b45309', textColor: '#1f2937', backgroundColor: '#ffffff' },
  texts: { title: 'Sonnenschein-Punkte', welcome: 'Sammle Punkte bei jedem Besuch.' },
};

export const ME: Me = {
  fan: { id: 'fan-1', displayName: 'Anna' },
  balance: 120,
  lifetimePoints: 340,
  tier: { key: 'silver', name: 'Silber' },
  nextTier: { key: 'gold', name: 'Gold', threshold: 500, pointsToGo: 160, progress: 0.68 },
};

export function reward(overrides: Partial<Reward> = {}): Reward {
  return {
    id: 'reward-coffee',
    name: 'Gratis Kaffee',
    description: 'Ein Kaffee deiner Wahl.',
    imageUrl: null,
    kind: 'coupon',
    costPoints: 50,
    minTier: null,
    availableUntil: null,
    canRedeem: true,
    reason: null,
    reasonText: null,
    ...overrides,
  };
}

export function redemption(overrides: Partial<Redemption> = {}): Redemption {
  return {
    id: 'redemption-1',
    createdAt: '2025-03-12T10:00:00.000Z',
    status: 'fulfilled',
    points: 50,
    reward: { id: 'reward-coffee', name: 'Gratis Kaffee', kind: 'coupon' },
    code: 'KAFFEE-7K2Q',
    downloadUrl: null,
    ...overrides,
  };
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

/** An answer: a status and JSON body, a function of the request, or `'network'` for no answer. */
export type FakeAnswer =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | 'network'
  | ((request: RecordedRequest) => FakeAnswer);

export interface FakeFetch {
  fetch: FetchFunction;
  requests: RecordedRequest[];
  /** `'GET config'`, `'POST redemptions'`, … (path after /api/v1/widget/). */
  answers: Map<string, FakeAnswer>;
}

export function fakeFetch(answers: Record<string, FakeAnswer> = {}): FakeFetch {
  const fake: FakeFetch = {
    requests: [],
    answers: new Map(Object.entries(answers)),
    fetch: undefined as never,
  };
  fake.fetch = (url, init) => {
    const parsed = new URL(url);
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      path: parsed.pathname.replace('/api/v1/widget/', ''),
      query: Object.fromEntries(parsed.searchParams),
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init.credentials,
    };
    fake.requests.push(request);
    let answer = fake.answers.get(`${request.method} ${request.path}`) ?? { status: 404, body: {} };
    while (typeof answer === 'function') answer = answer(request);
    if (answer === 'network') return Promise.reject(new TypeError('Failed to fetch'));
    const isProblem = answer.status >= 400;
    return Promise.resolve(
      new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
        status: answer.status,
        headers: {
          'Content-Type': isProblem ? 'application/problem+json' : 'application/json',
          ...answer.headers,
        },
      }),
    );
  };
  return fake;
}

/** Everything a signed-in fan's panel loads, answered happily. */
export function happyAnswers(rewards: Reward[] = [reward()]): Record<string, FakeAnswer> {
  return {
    'GET config': { status: 200, body: CONFIG },
    'GET me': { status: 200, body: ME },
    'GET rewards': { status: 200, body: { items: rewards } },
    'GET ways-to-earn': {
      status: 200,
      body: {
        items: [{ ruleId: 'r1', campaignName: 'Sommer', text: '25 Punkte für eine Bewertung.', points: 25 }],
      },
    },
    'GET history': {
      status: 200,
      body: {
        items: [{ id: 'h1', createdAt: '2025-03-01T09:00:00Z', points: 25, kind: 'earn', text: 'Bewertung' }],
        nextCursor: null,
      },
    },
    'GET redemptions': { status: 200, body: { items: [] } },
  };
}

export function problem(status: number, code: string, detail: string, errors?: unknown[]): FakeAnswer {
  return {
    status,
    body: { type: `https://fanfare.dev/problems/${code}`, title: 'x', status, code, detail, errors },
  };
}
