/**
 * What the panel shows, as plain data, and how it changes: `reduce(state, action)` is the only way
 * the widget's state moves (loading → ready → confirming → redeeming → redeemed, or error / expired;
 * for account linking: code shown → waiting → linked). Also the small decisions the view needs (what
 * a reward says instead of a Redeem button, which words explain a problem, where focus goes next).
 * Pure: no DOM, no fetch; the controller runs the requests and the element draws the state.
 */
import { isChannel } from '@fanfare/shared';

import { fill } from './format';
import { type FieldProblem, type Messages, PROBLEM_CODES, type ProblemCode } from './messages';
import {
  type ApiError,
  type HistoryPage,
  type LinkChannel,
  type LinkCode,
  type LinkedAccount,
  type Me,
  type Redemption,
  type Reward,
  type ShippingAddress,
  type WayToEarn,
  type WidgetConfig,
} from './widget-api';

export const TABS = ['rewards', 'earn', 'history', 'accounts'] as const;
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

/** Anonymous visitors have no history to show, and no accounts to link. */
export function visibleTabs(signedIn: boolean): readonly Tab[] {
  return signedIn ? TABS : TABS.filter((tab) => tab !== 'history' && tab !== 'accounts');
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

/**
 * Linking an account: asking for the code, the code on screen while the controller polls the
 * accounts (`watching`; it stops when the panel closes or after a while), and the account that the
 * code linked.
 */
export type LinkFlow =
  | { step: 'requesting'; channel: LinkChannel }
  | {
      step: 'code';
      code: LinkCode;
      /** The verified accounts when the code came (`accountKey`): any other one of its channel is new. */
      known: readonly string[];
      watching: boolean;
    }
  | { step: 'linked'; account: LinkedAccount };

/** The Accounts tab, loaded when it is first opened (most fans never do). */
export interface AccountsState {
  /** null until loaded. */
  items: LinkedAccount[] | null;
  /** The list is loading at the fan's request (the polls while a code is shown are quiet). */
  loading: boolean;
  /** Loading the list or getting a code failed. */
  error: ApiError | null;
  flow: LinkFlow | null;
}

export interface WidgetState {
  phase: Phase;
  signedIn: boolean;
  data: WidgetData | null;
  error: ApiError | null;
  tab: Tab;
  redeem: RedeemFlow | null;
  /** Loading the next history page ("load more"). */
  more: { loading: boolean; error: ApiError | null };
  accounts: AccountsState;
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
  | { type: 'moreFailed'; error: ApiError }
  | AccountsAction;

export type AccountsAction =
  | { type: 'loadAccounts' }
  /** The list, loaded at the fan's request or polled while a code is shown. */
  | { type: 'accountsLoaded'; items: LinkedAccount[] }
  | { type: 'accountsFailed'; error: ApiError }
  | { type: 'requestCode'; channel: LinkChannel }
  | { type: 'codeReceived'; code: LinkCode }
  | { type: 'codeFailed'; error: ApiError }
  | { type: 'watch' }
  | { type: 'unwatch' }
  | { type: 'closeCode' };

export function initialState(options: { configured: boolean; signedIn: boolean }): WidgetState {
  return {
    phase: options.configured ? 'idle' : 'unconfigured',
    signedIn: options.signedIn,
    data: null,
    error: null,
    tab: 'rewards',
    redeem: null,
    more: { loading: false, error: null },
    accounts: { items: null, loading: false, error: null, flow: null },
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
    case 'selectTab': {
      if (state.redeem !== null || !visibleTabs(state.signedIn).includes(action.tab)) return state;
      // The "linked" message has been read once the fan moves on; a code on screen stays.
      const flow =
        state.accounts.flow?.step === 'linked' && action.tab !== state.tab ? null : state.accounts.flow;
      return { ...state, tab: action.tab, accounts: { ...state.accounts, flow } };
    }
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
    case 'loadAccounts':
    case 'accountsLoaded':
    case 'accountsFailed':
    case 'requestCode':
    case 'codeReceived':
    case 'codeFailed':
    case 'watch':
    case 'unwatch':
    case 'closeCode':
      return reduceAccounts(state, action);
  }
}

function reduceAccounts(state: WidgetState, action: AccountsAction): WidgetState {
  const accounts = state.accounts;
  const flow = accounts.flow;
  switch (action.type) {
    case 'loadAccounts':
      if (!state.signedIn || accounts.loading) return state;
      return { ...state, accounts: { ...accounts, loading: true, error: null } };
    case 'accountsLoaded': {
      const account =
        flow?.step === 'code' ? newlyLinked(action.items, flow.code.channel, flow.known) : undefined;
      // A poll that brings nothing new leaves the state (and the panel's DOM) as it was.
      if (account === undefined && !accounts.loading && sameAccounts(accounts.items, action.items))
        return state;
      return {
        ...state,
        accounts: {
          items: action.items,
          loading: false,
          error: accounts.loading ? null : accounts.error,
          flow: account === undefined ? flow : { step: 'linked', account },
        },
      };
    }
    case 'accountsFailed':
      if (isExpired(action.error)) return expire(state);
      // A failed poll is tried again with the next one; only the fan's own request shows its problem.
      return accounts.loading
        ? { ...state, accounts: { ...accounts, loading: false, error: action.error } }
        : state;
    case 'requestCode':
      if (
        state.phase !== 'ready' ||
        !state.signedIn ||
        accounts.items === null ||
        flow?.step === 'requesting' ||
        flow?.step === 'code'
      )
        return state;
      return {
        ...state,
        accounts: { ...accounts, error: null, flow: { step: 'requesting', channel: action.channel } },
      };
    case 'codeReceived':
      if (flow?.step !== 'requesting') return state;
      return {
        ...state,
        accounts: {
          ...accounts,
          flow: {
            step: 'code',
            code: { ...action.code, channel: flow.channel },
            known: (accounts.items ?? []).filter((item) => item.verified).map(accountKey),
            watching: false,
          },
        },
      };
    case 'codeFailed':
      if (flow?.step !== 'requesting') return state;
      if (isExpired(action.error)) return expire(state);
      return { ...state, accounts: { ...accounts, error: action.error, flow: null } };
    case 'watch':
    case 'unwatch': {
      const watching = action.type === 'watch';
      if (flow?.step !== 'code' || flow.watching === watching) return state;
      return { ...state, accounts: { ...accounts, flow: { ...flow, watching } } };
    }
    case 'closeCode':
      return flow?.step === 'code' ? { ...state, accounts: { ...accounts, flow: null } } : state;
  }
}

/** The API no longer takes the fan's token: only a new one from the shop helps. */
export function isExpired(error: ApiError): boolean {
  return error.status === 401 && error.code === 'fan_token_invalid';
}

function expire(state: WidgetState): WidgetState {
  return {
    ...state,
    phase: 'expired',
    redeem: null,
    more: { loading: false, error: null },
    accounts: { ...state.accounts, loading: false, flow: null },
  };
}

/** An account as the list shows it; the API gives accounts no id of their own. */
export function accountKey(account: LinkedAccount): string {
  return [account.channel, account.handle ?? '', account.since].join('\n');
}

/** The verified account of `channel` that was not among the `known` ones: the code linked it. */
export function newlyLinked(
  items: readonly LinkedAccount[],
  channel: LinkChannel,
  known: readonly string[],
): LinkedAccount | undefined {
  return items.find((item) => item.channel === channel && item.verified && !known.includes(accountKey(item)));
}

function sameAccounts(before: readonly LinkedAccount[] | null, after: readonly LinkedAccount[]): boolean {
  return (
    before !== null &&
    before.length === after.length &&
    before.every((item, index) => {
      const other = after[index];
      return (
        other !== undefined && accountKey(item) === accountKey(other) && item.verified === other.verified
      );
    })
  );
}

/** The controller polls the accounts while this is true. */
export function isWatching(state: WidgetState): boolean {
  return state.phase === 'ready' && state.accounts.flow?.step === 'code' && state.accounts.flow.watching;
}

/** `Instagram`; a channel the widget has no name for is shown as the API sends it. */
export function channelName(channel: string, messages: Messages): string {
  return isChannel(channel) ? messages.channels[channel] : channel;
}

/** `@fan_b` (a handle that already starts with @ keeps it). */
export function handleText(handle: string): string {
  return handle.startsWith('@') ? handle : `@${handle}`;
}

/** "Instagram account @fan_b linked". */
export function linkedText(account: LinkedAccount, messages: Messages): string {
  const network = channelName(account.channel, messages);
  return account.handle
    ? fill(messages.linkedNamed, { network, handle: handleText(account.handle) })
    : fill(messages.linkedUnnamed, { network });
}

/** Problems any request can have; for linking, every other one is told by the API's own detail. */
const GENERAL_PROBLEMS: ReadonlySet<ProblemCode> = new Set([
  'network',
  'rate_limited',
  'publishable_key_invalid',
  'fan_token_required',
  'generic',
]);

/**
 * A linking problem in the fan's words: the widget's text for the general problems (offline, rate
 * limited, a server fault), else the API's `detail`, else `fallback` (the reward-specific texts
 * of `problemText` would not fit here).
 */
export function linkProblemText(error: ApiError, messages: Messages, fallback: string): string {
  const code = problemCode(error);
  return code !== undefined && GENERAL_PROBLEMS.has(code)
    ? messages.problems[code]
    : (error.detail ?? fallback);
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
      return focusAfterLinking(action, previous, next);
  }
}

/**
 * Linking: onto the code's heading when it arrives, onto the "linked" message when the code worked,
 * and back to the network's button after Back or a refused request.
 */
function focusAfterLinking(action: Action, previous: WidgetState, next: WidgetState): FocusKey | null {
  const before = previous.accounts.flow;
  const after = next.accounts.flow;
  switch (action.type) {
    case 'codeReceived':
      return after?.step === 'code' ? 'link-code' : null;
    case 'accountsLoaded':
      return before?.step === 'code' && after?.step === 'linked' ? 'linked' : null;
    case 'codeFailed':
      return before?.step === 'requesting' && after === null ? `link-${before.channel}` : null;
    case 'closeCode':
      return before?.step === 'code' && after === null ? `link-${before.code.channel}` : null;
    default:
      return null;
  }
}
