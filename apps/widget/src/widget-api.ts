/**
 * The widget's client for `/api/v1/widget/…` (docs/widget-api.md): the answers' shapes, one
 * function per endpoint, and problem+json turned into an `ApiError` with the API's stable `code`.
 * Every request names the brand (`pk=`) and the language (`locale=`) in the query; only a signed-in
 * fan's requests carry `Authorization`, so anonymous GETs stay simple CORS requests (no preflight).
 * `fetch` is passed in, so tests run it against a fake.
 */
import { type Locale } from '@fanfare/shared';

export type RewardKind = 'coupon' | 'download' | 'physical' | 'custom';

/** Why a fan cannot redeem a reward now; the same codes the redemption refusals use. */
export type RefusalReason =
  | 'login_required'
  | 'insufficient_points'
  | 'out_of_stock'
  | 'tier_too_low'
  | 'fan_limit_reached'
  | 'reward_not_available_yet';

export interface WidgetConfig {
  brand: { name: string; locale: Locale };
  theme: { primaryColor?: string | null; textColor?: string | null; backgroundColor?: string | null } | null;
  texts: { title: string | null; welcome: string | null } | null;
}

export interface TierRef {
  key: string;
  name: string;
}

export interface Me {
  fan: { id: string; displayName: string | null };
  balance: number;
  lifetimePoints: number;
  tier: TierRef | null;
  nextTier: (TierRef & { threshold: number; pointsToGo: number; progress: number }) | null;
}

export interface Reward {
  id: string;
  name: string;
  description: string | null;
  imageUrl: string | null;
  kind: RewardKind;
  costPoints: number;
  minTier: TierRef | null;
  availableUntil: string | null;
  canRedeem: boolean;
  reason: RefusalReason | null;
  reasonText: string | null;
}

export interface WayToEarn {
  ruleId: string;
  campaignName: string;
  text: string;
  points: number;
}

export interface HistoryItem {
  id: string;
  createdAt: string;
  points: number;
  kind: string;
  text: string;
}

export interface HistoryPage {
  items: HistoryItem[];
  nextCursor: string | null;
}

export type RedemptionStatus = 'pending' | 'fulfilled' | 'cancelled';

export interface Redemption {
  id: string;
  createdAt: string;
  status: RedemptionStatus;
  points: number;
  reward: { id: string; name: string; kind: RewardKind };
  code: string | null;
  downloadUrl: string | null;
}

export interface ShippingAddress {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
}

/** The networks a fan can link an account on, in the order the widget offers them. */
export const LINK_CHANNELS = ['instagram', 'facebook', 'whatsapp', 'x'] as const;
export type LinkChannel = (typeof LINK_CHANNELS)[number];

/** One of the fan's social accounts (the account she logs in to the shop with is not listed). */
export interface LinkedAccount {
  /** `instagram`, `facebook`, `whatsapp`, `x`, or another channel the brand's events come from. */
  channel: string;
  handle: string | null;
  /** Linked with a code (or by the brand), not only seen in the brand's events. */
  verified: boolean;
  since: string;
}

/** A one-time code the fan writes from the account she links; asking again answers the open one. */
export interface LinkCode {
  code: string;
  channel: LinkChannel;
  expiresAt: string;
}

export interface FieldError {
  /** As the API names it, e.g. `shippingAddress.postalCode`. */
  field: string;
  reason: string;
}

/** What went wrong with a request: the API's problem+json, or `network` when no answer came. */
export class ApiError extends Error {
  constructor(
    /** 0 when the request got no answer (offline, CORS refused, timed out). */
    readonly status: number,
    /** The API's stable code (`fan_token_invalid`, `out_of_stock`, …), or `network` / `http_<status>`. */
    readonly code: string,
    /** The API's readable sentence, when it sent one. */
    readonly detail: string | undefined,
    readonly fieldErrors: readonly FieldError[] = [],
  ) {
    super(detail ?? code);
    this.name = 'ApiError';
  }

  /** Trying the same request again may work: no answer, a timeout, rate limiting, a server fault. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export interface WidgetApi {
  config(): Promise<WidgetConfig>;
  me(): Promise<Me>;
  rewards(): Promise<Reward[]>;
  waysToEarn(): Promise<WayToEarn[]>;
  history(cursor?: string | null): Promise<HistoryPage>;
  redemptions(): Promise<Redemption[]>;
  /** The same `idempotencyKey` for a retry of one confirmation: the API books it once. */
  redeem(rewardId: string, idempotencyKey: string, shippingAddress?: ShippingAddress): Promise<Redemption>;
  accounts(): Promise<LinkedAccount[]>;
  linkCode(channel: LinkChannel): Promise<LinkCode>;
}

export interface ApiSettings {
  /** `https://host[/prefix]`, no trailing slash. */
  apiBase: string;
  publishableKey: string;
  fanToken?: string;
  locale: Locale;
}

export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/** A request that has not answered by then is given up (and may be retried with the same key). */
export const REQUEST_TIMEOUT_MS = 15_000;
export const HISTORY_PAGE_SIZE = 20;

export function createWidgetApi(settings: ApiSettings, fetchFn: FetchFunction): WidgetApi {
  const request = async <T>(
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string> = {},
    /** Without a key for requests the API answers the same however often they come (a link code). */
    body?: { json: unknown; idempotencyKey?: string },
  ): Promise<T> => {
    const params = new URLSearchParams({ pk: settings.publishableKey, locale: settings.locale, ...query });
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (settings.fanToken !== undefined) headers.Authorization = `Bearer ${settings.fanToken}`;
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      if (body.idempotencyKey !== undefined) headers['Idempotency-Key'] = body.idempotencyKey;
    }
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
    const timer = setTimeout(() => controller?.abort(), REQUEST_TIMEOUT_MS);
    let response: Response;
    try {
      response = await fetchFn(`${settings.apiBase}/api/v1/widget/${path}?${params.toString()}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body.json),
        // The widget stores nothing and sends no cookies: the fan token is its only credential.
        credentials: 'omit',
        mode: 'cors',
        signal: controller?.signal,
      });
    } catch {
      throw new ApiError(0, 'network', undefined);
    } finally {
      clearTimeout(timer);
    }
    const payload = await readJson(response);
    if (!response.ok) throw toApiError(response.status, payload);
    if (payload === undefined) throw new ApiError(response.status, 'bad_response', undefined);
    return payload as T;
  };

  const items = async <T>(path: string): Promise<T[]> =>
    listOf<T>((await request<{ items?: unknown }>('GET', path)).items);

  return {
    config: () => request<WidgetConfig>('GET', 'config'),
    me: () => request<Me>('GET', 'me'),
    rewards: () => items<Reward>('rewards'),
    waysToEarn: () => items<WayToEarn>('ways-to-earn'),
    history: async (cursor) => {
      const query: Record<string, string> = { limit: String(HISTORY_PAGE_SIZE) };
      if (cursor) query.cursor = cursor;
      const page = await request<{ items?: unknown; nextCursor?: unknown }>('GET', 'history', query);
      return {
        items: listOf<HistoryItem>(page.items),
        nextCursor: typeof page.nextCursor === 'string' && page.nextCursor !== '' ? page.nextCursor : null,
      };
    },
    redemptions: () => items<Redemption>('redemptions'),
    redeem: (rewardId, idempotencyKey, shippingAddress) =>
      request<Redemption>(
        'POST',
        'redemptions',
        {},
        {
          json: shippingAddress === undefined ? { rewardId } : { rewardId, shippingAddress },
          idempotencyKey,
        },
      ),
    accounts: () => items<LinkedAccount>('accounts'),
    linkCode: (channel) => request<LinkCode>('POST', 'link-codes', {}, { json: { channel } }),
  };
}

/** problem+json → ApiError; anything else (a proxy's HTML page) → `http_<status>`. */
export function toApiError(status: number, payload: unknown): ApiError {
  const problem = isObject(payload) ? payload : {};
  const code = typeof problem.code === 'string' && problem.code !== '' ? problem.code : `http_${status}`;
  const detail = typeof problem.detail === 'string' && problem.detail !== '' ? problem.detail : undefined;
  const fieldErrors = Array.isArray(problem.errors)
    ? problem.errors
        .filter(isObject)
        .flatMap((error) =>
          typeof error.field === 'string'
            ? [{ field: error.field, reason: typeof error.reason === 'string' ? error.reason : '' }]
            : [],
        )
    : [];
  return new ApiError(status, code, detail, fieldErrors);
}

/** Only http(s) links and images are followed: a `javascript:` URL from anywhere is dropped. */
export function safeUrl(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

function listOf<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
