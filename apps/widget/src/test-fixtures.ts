/**
 * Test support (used by the specs only): answers shaped as docs/widget-api.md shows them, a fake
 * `fetch` that answers by method and path and records every request it was asked for, a clock the
 * tests move by hand, and just enough of a `document` for the view to draw into (no DOM library is
 * installed).
 */
import {
  type FetchFunction,
  type LinkCode,
  type LinkedAccount,
  type Me,
  type Redemption,
  type Reward,
  type WidgetConfig,
} from './widget-api';
import { type Timers } from './widget-controller';

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

export function account(overrides: Partial<LinkedAccount> = {}): LinkedAccount {
  return {
    channel: 'instagram',
    handle: 'fan_b',
    verified: true,
    since: '2025-03-12T10:00:00.000Z',
    ...overrides,
  };
}

export const LINK_CODE: LinkCode = {
  code: 'FAN-7K2Q9M',
  channel: 'instagram',
  expiresAt: '2025-03-13T10:00:00.000Z',
};

/** Lets the fake fetch's answers, and whatever they start, run to their end. */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < 10; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

export interface ManualTimers {
  timers: Timers;
  /** Callbacks waiting to run. */
  pending(): number;
  /** Moves the clock on by `ms`, running (and settling) each callback that falls due on the way. */
  advance(ms: number): Promise<void>;
}

export function manualTimers(): ManualTimers {
  let now = 0;
  let queue: Array<{ at: number; run: () => void }> = [];
  return {
    timers: {
      now: () => now,
      after: (ms, run) => {
        const entry = { at: now + ms, run };
        queue.push(entry);
        return () => {
          queue = queue.filter((other) => other !== entry);
        };
      },
    },
    pending: () => queue.length,
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = queue.filter((entry) => entry.at <= end).sort((a, b) => a.at - b.at)[0];
        if (due === undefined) break;
        queue = queue.filter((entry) => entry !== due);
        now = due.at;
        due.run();
        await settle();
      }
      now = end;
    },
  };
}

/** An element of the fake document: attributes, children (text as strings), listeners. */
export class FakeElement {
  readonly children: Array<FakeElement | string> = [];
  readonly attributes = new Map<string, string>();
  readonly style: Record<string, string> = {};
  value = '';
  private readonly listeners = new Map<string, Array<(event: Event) => void>>();

  constructor(readonly tagName: string) {}

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  append(...nodes: Array<FakeElement | string>): void {
    this.children.push(...nodes);
  }

  get textContent(): string {
    return this.children.map((child) => (typeof child === 'string' ? child : child.textContent)).join('');
  }

  set textContent(text: string) {
    this.children.splice(0, this.children.length, text);
  }

  click(): void {
    for (const listener of this.listeners.get('click') ?? []) {
      listener({ type: 'click', preventDefault: () => undefined } as unknown as Event);
    }
  }

  /** This element and every element inside it, in document order. */
  all(): FakeElement[] {
    return [this, ...this.children.flatMap((child) => (typeof child === 'string' ? [] : child.all()))];
  }
}

/** Puts a fake `document` (and optionally a `navigator`) on the global object; answers the undo. */
export function installFakeDocument(navigator?: unknown): () => void {
  const global = globalThis as Record<string, unknown>;
  const before = { document: global.document, navigator: global.navigator };
  global.document = {
    createElement: (tag: string) => new FakeElement(tag),
    createElementNS: (_ns: string, tag: string) => new FakeElement(tag),
  };
  global.navigator = navigator;
  return () => {
    global.document = before.document;
    global.navigator = before.navigator;
  };
}
