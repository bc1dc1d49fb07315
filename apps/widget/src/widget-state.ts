/**
 * What the panel shows, as plain data, and how it changes: `reduce(state, action)` is the only way
 * the widget's state moves (loading → ready → confirming → redeeming → redeemed, or error / expired).
 * Also the small decisions the view needs (what a reward says instead of a Redeem button, which
 * words explain a problem, where focus goes next). Pure: no DOM, no fetch; the controller runs the
 * requests and the element draws the state.
 */
import { type FieldProblem, type Messages, PROBLEM_CODES, type ProblemCode } from './messages';
import {
  type ApiError,
  type HistoryPage,
  type Me,
  type Redemption,
  type Reward,
  type ShippingAddress,
  type WayToEarn,
  type WidgetConfig,
} from './widget-api';

export const TABS = ['rewards', 'earn', 'history'] as const;
export type Tab = (typeof TABS)[number];

/** The tab an arrow, Home or End key moves to in the tab list (wrapping around), or undefined. */
export function tabAfterKey(key: string, current: Tab, shown: readonly Tab[]): Tab | undefined {
  const index = shown.indexOf(current);
  switch (key) {
    case 'ArrowRight':
      return shown[(index + 1) % shown.length];
    case 'ArrowLeft':
      return shown[(index + shown.length - 1) % shown.length];
    case 'Home':
      return shown[0];
    case 'End':
      return shown[shown.length - 1];
    default:
      return undefined;
  }
}

/** Anonymous visitors have no history to show. */
export function visibleTabs(signedIn: boolean): readonly Tab[] {
  return signedIn ? TABS : TABS.filter((tab) => tab !== 'history');
}

/**
 * `unconfigured`: no publishable key or API address, nothing to load. `idle`: configured, waiting
 * for the first open (the widget loads nothing on pages where the fan never opens it).
 * `expired`: the API refused the fan token.
 */
export type Phase = 'unconfigured' | 'idle' | 'loading' | 'ready' | 'error' | 'expired';

export interface WidgetData {
  config: WidgetConfig;
  /** null for anonymous visitors. */
  me: Me | null;
  rewards: Reward[];
  waysToEarn: WayToEarn[];
  history: HistoryPage;
  redemptions: Redemption[];
}

export const ADDRESS_FIELDS = ['name', 'street', 'postalCode', 'city', 'country'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type FieldErrors = Partial<Record<AddressField, FieldProblem>>;

export type RedeemFlow =
  | {
      step: 'confirming' | 'redeeming';
      reward: Reward;
      /** One per confirmation: a retry of the same confirmation sends it again, so nothing is booked twice. */
      idempotencyKey: string;
      address: ShippingAddress;
      fieldErrors: FieldErrors;
      error: ApiError | null;
    }
  | { step: 'redeemed'; reward: Reward; redemption: Redemption };

export interface WidgetState {
  phase: Phase;
  signedIn: boolean;
  data: WidgetData | null;
  error: ApiError | null;
  tab: Tab;
  redeem: RedeemFlow | null;
  /** Loading the next history page ("load more"). */
  more: { loading: boolean; error: ApiError | null };
}

export type Action =
  | { type: 'load' }
  | { type: 'loaded'; data: WidgetData }
  | { type: 'failed'; error: ApiError }
  | { type: 'selectTab'; tab: Tab }
  | { type: 'startRedeem'; rewardId: string; idempotencyKey: string }
  | { type: 'cancelRedeem' }
  | { type: 'editAddress'; field: AddressField; value: string }
  | { type: 'submitRedeem' }
  | { type: 'redeemed'; redemption: Redemption }
  /** `freshKey` replaces the idempotency key when the refusal was final (the next try is a new request). */
  | { type: 'redeemFailed'; error: ApiError; freshKey: string }
  | { type: 'refreshed'; data: Partial<WidgetData> }
  | { type: 'finishRedeem' }
  | { type: 'loadMore' }
  | { type: 'moreLoaded'; page: HistoryPage }
  | { type: 'moreFailed'; error: ApiError };

export function initialState(options: { configured: boolean; signedIn: boolean }): WidgetState {
  return {
    phase: options.configured ? 'idle' : 'unconfigured',
    signedIn: options.signedIn,
    data: null,
    error: null,
    tab: 'rewards',
    redeem: null,
    more: { loading: false, error: null },
  };
}

const EMPTY_ADDRESS: ShippingAddress = { name: '', street: '', postalCode: '', city: '', country: '' };

export function reduce(state: WidgetState, action: Action): WidgetState {
  switch (action.type) {
    case 'load':
      if (state.phase === 'unconfigured' || state.phase === 'loading') return state;
      return { ...state, phase: 'loading', error: null };
    case 'loaded':
      return { ...state, phase: 'ready', data: action.data, error: null };
    case 'failed':
      return isExpired(action.error)
        ? expire(state)
        : { ...state, phase: 'error', error: action.error, redeem: null };
    case 'selectTab':
      return state.redeem === null && visibleTabs(state.signedIn).includes(action.tab)
        ? { ...state, tab: action.tab }
        : state;
    case 'startRedeem': {
      const reward = state.data?.rewards.find((candidate) => candidate.id === action.rewardId);
      if (state.phase !== 'ready' || !state.signedIn || !reward?.canRedeem || state.redeem !== null)
        return state;
      return {
        ...state,
        redeem: {
          step: 'confirming',
          reward,
          idempotencyKey: action.idempotencyKey,
          address: EMPTY_ADDRESS,
          fieldErrors: {},
          error: null,
        },
      };
    }
    case 'cancelRedeem':
      // A request on its way cannot be called back: its answer decides.
      return state.redeem?.step === 'redeeming' ? state : { ...state, redeem: null };
    case 'editAddress': {
      const flow = state.redeem;
      if (flow?.step !== 'confirming') return state;
      const fieldErrors = { ...flow.fieldErrors };
      delete fieldErrors[action.field];
      return {
        ...state,
        redeem: { ...flow, address: { ...flow.address, [action.field]: action.value }, fieldErrors },
      };
    }
    case 'submitRedeem': {
      const flow = state.redeem;
      if (flow?.step !== 'confirming') return state;
      if (flow.reward.kind !== 'physical')
        return { ...state, redeem: { ...flow, step: 'redeeming', error: null } };
      const { address, fieldErrors } = checkAddress(flow.address);
      return Object.keys(fieldErrors).length > 0
        ? { ...state, redeem: { ...flow, address, fieldErrors, error: null } }
        : { ...state, redeem: { ...flow, step: 'redeeming', address, fieldErrors, error: null } };
    }
    case 'redeemed': {
      const flow = state.redeem;
      if (flow?.step !== 'redeeming' || state.data === null) return state;
      const { me, redemptions } = state.data;
      return {
        ...state,
        redeem: { step: 'redeemed', reward: flow.reward, redemption: action.redemption },
        data: {
          ...state.data,
          // Shown at once; the refetch of `me` that follows replaces it with the API's figure.
          me: me === null ? null : { ...me, balance: Math.max(0, me.balance - action.redemption.points) },
          redemptions: [action.redemption, ...redemptions.filter((item) => item.id !== action.redemption.id)],
        },
      };
    }
    case 'redeemFailed': {
      const flow = state.redeem;
      if (flow?.step !== 'redeeming') return state;
      if (isExpired(action.error)) return expire(state);
      return {
        ...state,
        redeem: {
          ...flow,
          step: 'confirming',
          error: action.error,
          fieldErrors: fieldErrorsOf(action.error),
          idempotencyKey: action.error.retryable ? flow.idempotencyKey : action.freshKey,
        },
      };
    }
    case 'refreshed':
      return state.data === null ? state : { ...state, data: { ...state.data, ...action.data } };
    case 'finishRedeem':
      return state.redeem?.step === 'redeemed' ? { ...state, redeem: null, tab: 'rewards' } : state;
    case 'loadMore':
      if (state.more.loading || !state.data?.history.nextCursor) return state;
      return { ...state, more: { loading: true, error: null } };
    case 'moreLoaded': {
      if (state.data === null) return state;
      const known = new Set(state.data.history.items.map((item) => item.id));
      const items = [...state.data.history.items, ...action.page.items.filter((item) => !known.has(item.id))];
      return {
        ...state,
        data: { ...state.data, history: { items, nextCursor: action.page.nextCursor } },
        more: { loading: false, error: null },
      };
    }
    case 'moreFailed':
      if (isExpired(action.error)) return expire(state);
      return { ...state, more: { loading: false, error: action.error } };
  }
}

/** The API no longer takes the fan's token: only a new one from the shop helps. */
export function isExpired(error: ApiError): boolean {
  return error.status === 401 && error.code === 'fan_token_invalid';
}

function expire(state: WidgetState): WidgetState {
  return { ...state, phase: 'expired', redeem: null, more: { loading: false, error: null } };
}

/** Trims the address and finds what is missing, as the API would (country: two letters, upper case). */
export function checkAddress(input: ShippingAddress): { address: ShippingAddress; fieldErrors: FieldErrors } {
  const address = { ...input };
  const fieldErrors: FieldErrors = {};
  for (const field of ADDRESS_FIELDS) {
    address[field] = address[field].trim();
    if (address[field] === '') fieldErrors[field] = 'required';
  }
  if (address.country !== '') {
    if (/^[A-Za-z]{2}$/.test(address.country)) address.country = address.country.toUpperCase();
    else fieldErrors.country = 'country';
  }
  return { address, fieldErrors };
}

/** The API's field errors (`shippingAddress.postalCode`) on the form's fields. */
export function fieldErrorsOf(error: ApiError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const { field } of error.fieldErrors) {
    const name = ADDRESS_FIELDS.find((candidate) => field === candidate || field.endsWith(`.${candidate}`));
    if (name !== undefined) fieldErrors[name] = name === 'country' ? 'country' : 'invalid';
  }
  return fieldErrors;
}

/**
 * What a reward says where a Redeem button would be, or null for the button. Anonymous visitors
 * are asked to log in; otherwise the API's own sentence (it knows how many points are missing),
 * else the widget's words for the reason.
 */
export function rewardNote(reward: Reward, signedIn: boolean, messages: Messages): string | null {
  if (!signedIn) return messages.loginToRedeem;
  if (reward.canRedeem) return null;
  if (reward.reasonText) return reward.reasonText;
  return reward.reason === null ? messages.problems.generic : messages.reasons[reward.reason];
}

/** A problem in the fan's words: the widget's text for the API's code, else the API's `detail`. */
export function problemText(error: ApiError, messages: Messages): string {
  const code = problemCode(error);
  if (code !== undefined) return messages.problems[code];
  return error.detail ?? messages.problems.generic;
}

function problemCode(error: ApiError): ProblemCode | undefined {
  if (error.status === 429) return 'rate_limited';
  if (error.fieldErrors.length > 0 || error.status === 422) return 'validation_failed';
  const known = PROBLEM_CODES.find((code) => code === error.code);
  if (known !== undefined) return known;
  if (error.status === 404) return 'not_found';
  if (error.status === 0 && error.code !== 'network') return 'generic';
  return error.status >= 500 ? 'generic' : undefined;
}

export interface ProgressView {
  /** 0..100 within the current step of the ladder. */
  percent: number;
  nextTierName: string;
  pointsToGo: number;
}

/** The bar towards the next tier; null at the top of the ladder. */
export function progressOf(me: Me): ProgressView | null {
  if (me.nextTier === null) return null;
  const progress = Number.isFinite(me.nextTier.progress) ? me.nextTier.progress : 0;
  return {
    percent: Math.round(Math.min(1, Math.max(0, progress)) * 100),
    nextTierName: me.nextTier.name,
    pointsToGo: Math.max(0, me.nextTier.pointsToGo),
  };
}

/** `data-focus` keys of the elements the view draws, for focus to find them again after a redraw. */
export type FocusKey = string;

/**
 * Where focus goes after an action, so keyboard and screen-reader users are never left on a button
 * that vanished: into the confirmation (its confirm button, or the first address field), to the
 * first field the check or the API refused, onto the success message, and back to the reward's
 * Redeem button when the confirmation closes. Null: leave focus where it is.
 */
export function focusAfter(action: Action, previous: WidgetState, next: WidgetState): FocusKey | null {
  const flow = next.redeem;
  const firstInvalid =
    flow !== null && flow.step !== 'redeemed'
      ? ADDRESS_FIELDS.find((field) => flow.fieldErrors[field] !== undefined)
      : undefined;
  switch (action.type) {
    case 'startRedeem':
      if (flow?.step !== 'confirming') return null;
      return flow.reward.kind === 'physical' ? 'field-name' : 'confirm';
    case 'submitRedeem':
      return flow?.step === 'confirming' && firstInvalid !== undefined ? `field-${firstInvalid}` : null;
    case 'redeemFailed':
      if (flow?.step !== 'confirming') return null;
      return firstInvalid !== undefined ? `field-${firstInvalid}` : 'confirm';
    case 'redeemed':
      return flow?.step === 'redeemed' ? 'redeemed' : null;
    case 'cancelRedeem':
    case 'finishRedeem':
      return previous.redeem !== null && flow === null ? `redeem-${previous.redeem.reward.id}` : null;
    default:
      return null;
  }
}
