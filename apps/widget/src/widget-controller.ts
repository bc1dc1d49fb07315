/**
 * Runs the widget's requests and feeds their answers to `reduce()`: the first load, retry, the
 * redeem flow (with its idempotency key), history paging, and account linking (the accounts, a
 * code, and polling the accounts while the code is on screen). Owns no DOM; the element listens to
 * `onChange` and draws. Anonymous visitors only ever cause `config`, `rewards` and `ways-to-earn`.
 * A controller belongs to one configuration: `init()` with other options makes a new one and
 * disposes this, whose late answers are then dropped.
 */
import { uuidv7 } from '@fanfare/shared';

import { ApiError, type LinkChannel, type WidgetApi } from './widget-api';
import {
  type Action,
  type AddressField,
  initialState,
  isWatching,
  reduce,
  type Tab,
  type WidgetState,
} from './widget-state';

export type ChangeListener = (state: WidgetState, previous: WidgetState, action: Action) => void;

/** The clock the polling runs on; tests pass one they move by hand. */
export interface Timers {
  now(): number;
  /** Runs `run` after `ms`; the answer cancels it. */
  after(ms: number, run: () => void): () => void;
}

const REAL_TIMERS: Timers = {
  now: () => Date.now(),
  after: (ms, run) => {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};

/** While a linking code is on screen the accounts are asked for this often… */
export const LINK_POLL_MS = 5_000;
/** …for this long; then the fan can ask to check again. */
export const LINK_WATCH_MS = 10 * 60_000;

export class WidgetController {
  private current: WidgetState;
  private disposed = false;
  /** Counts polling rounds: a poll of an earlier round, answering late, schedules no next one. */
  private watchRound = 0;
  private cancelPoll: (() => void) | null = null;

  constructor(
    /** null when the page gave no publishable key or API address. */
    private readonly api: WidgetApi | null,
    signedIn: boolean,
    private readonly onChange: ChangeListener,
    private readonly newKey: () => string = newIdempotencyKey,
    private readonly timers: Timers = REAL_TIMERS,
  ) {
    this.current = initialState({ configured: api !== null, signedIn });
  }

  get state(): WidgetState {
    return this.current;
  }

  dispose(): void {
    this.disposed = true;
    this.stopWatching();
  }

  /**
   * The first open loads; later opens show what was loaded, and check at once whether a linking
   * code still on screen has worked meanwhile (and watch again).
   */
  open(): Promise<void> {
    if (this.current.phase === 'idle') return this.load();
    if (this.current.accounts.flow?.step === 'code') this.watch(0);
    return Promise.resolve();
  }

  /** The panel closed: a confirmation not yet sent is dropped, and nobody watches for a link. */
  close(): void {
    this.cancelRedeem();
    this.stopWatching();
  }

  async load(): Promise<void> {
    const api = this.api;
    if (api === null || this.current.phase === 'loading') return;
    this.dispatch({ type: 'load' });
    const signedIn = this.current.signedIn;
    try {
      const [config, rewards, waysToEarn, me, history, redemptions] = await Promise.all([
        api.config(),
        api.rewards(),
        api.waysToEarn(),
        signedIn ? api.me() : null,
        signedIn ? api.history() : { items: [], nextCursor: null },
        signedIn ? api.redemptions() : [],
      ]);
      this.dispatch({ type: 'loaded', data: { config, me, rewards, waysToEarn, history, redemptions } });
    } catch (error) {
      this.dispatch({ type: 'failed', error: asApiError(error) });
    }
  }

  selectTab(tab: Tab): void {
    this.dispatch({ type: 'selectTab', tab });
    if (this.current.tab === 'accounts' && this.current.accounts.items === null) void this.loadAccounts();
  }

  startRedeem(rewardId: string): void {
    this.dispatch({ type: 'startRedeem', rewardId, idempotencyKey: this.newKey() });
  }

  cancelRedeem(): void {
    this.dispatch({ type: 'cancelRedeem' });
  }

  editAddress(field: AddressField, value: string): void {
    this.dispatch({ type: 'editAddress', field, value });
  }

  /** Confirm (or, after a failure, try again): the same confirmation sends the same key. */
  async confirmRedeem(): Promise<void> {
    const api = this.api;
    this.dispatch({ type: 'submitRedeem' });
    const flow = this.current.redeem;
    if (api === null || flow?.step !== 'redeeming') return;
    try {
      const redemption = await api.redeem(
        flow.reward.id,
        flow.idempotencyKey,
        flow.reward.kind === 'physical' ? flow.address : undefined,
      );
      this.dispatch({ type: 'redeemed', redemption });
    } catch (error) {
      this.dispatch({ type: 'redeemFailed', error: asApiError(error), freshKey: this.newKey() });
      return;
    }
    await this.refresh();
  }

  finishRedeem(): void {
    this.dispatch({ type: 'finishRedeem' });
  }

  async loadMore(): Promise<void> {
    const api = this.api;
    this.dispatch({ type: 'loadMore' });
    const cursor = this.current.data?.history.nextCursor;
    if (api === null || !this.current.more.loading || !cursor) return;
    try {
      this.dispatch({ type: 'moreLoaded', page: await api.history(cursor) });
    } catch (error) {
      this.dispatch({ type: 'moreFailed', error: asApiError(error) });
    }
  }

  /** The fan's linked accounts (on opening the Accounts tab, and on Retry). */
  async loadAccounts(): Promise<void> {
    if (this.api === null || this.current.accounts.loading) return;
    this.dispatch({ type: 'loadAccounts' });
    if (this.current.accounts.loading) await this.fetchAccounts();
  }

  /** Gets the code for `channel` and watches the accounts for the one it links. */
  async requestCode(channel: LinkChannel): Promise<void> {
    const api = this.api;
    this.dispatch({ type: 'requestCode', channel });
    if (api === null || this.current.accounts.flow?.step !== 'requesting') return;
    try {
      this.dispatch({ type: 'codeReceived', code: await api.linkCode(channel) });
    } catch (error) {
      this.dispatch({ type: 'codeFailed', error: asApiError(error) });
      return;
    }
    this.watch(LINK_POLL_MS);
  }

  /** After the polling gave up: look once more now, and watch again. */
  checkAgain(): void {
    this.watch(0);
  }

  /** Back from the code to the list; the code stays valid and is answered again on the next ask. */
  closeCode(): void {
    this.stopWatching();
    this.dispatch({ type: 'closeCode' });
  }

  /**
   * Polls the accounts every LINK_POLL_MS (the first time after `firstDelay`) until the code has
   * linked an account, the fan leaves the code, the panel closes, or LINK_WATCH_MS have passed.
   */
  private watch(firstDelay: number): void {
    this.stopWatching();
    this.dispatch({ type: 'watch' });
    if (!isWatching(this.current)) return;
    const round = this.watchRound;
    const deadline = this.timers.now() + LINK_WATCH_MS;
    const poll = async (): Promise<void> => {
      this.cancelPoll = null;
      await this.fetchAccounts();
      if (round !== this.watchRound || !isWatching(this.current)) return;
      if (this.timers.now() >= deadline) this.stopWatching();
      else this.cancelPoll = this.timers.after(LINK_POLL_MS, () => void poll());
    };
    this.cancelPoll = this.timers.after(firstDelay, () => void poll());
  }

  private stopWatching(): void {
    this.watchRound += 1;
    this.cancelPoll?.();
    this.cancelPoll = null;
    this.dispatch({ type: 'unwatch' });
  }

  /** The accounts into the state; when that shows the code worked, her new balance too. */
  private async fetchAccounts(): Promise<void> {
    const api = this.api;
    if (api === null) return;
    const waiting = this.current.accounts.flow?.step === 'code';
    try {
      this.dispatch({ type: 'accountsLoaded', items: await api.accounts() });
    } catch (error) {
      this.dispatch({ type: 'accountsFailed', error: asApiError(error) });
      return;
    }
    // Points the account earned on its own now count for her.
    if (waiting && this.current.accounts.flow?.step === 'linked') await this.refresh();
  }

  /** Fetches the signed-in fan's figures again when they were loaded once. */
  async reload(): Promise<void> {
    if (this.current.data) await this.refresh();
  }

  /**
   * After a redemption: the new balance, what can still be redeemed, and the history. A failure here
   * leaves the (already updated) figures in place; only an expired token changes the panel.
   */
  private async refresh(): Promise<void> {
    const api = this.api;
    if (api === null || !this.current.signedIn) return;
    try {
      const [me, rewards, redemptions, history] = await Promise.all([
        api.me(),
        api.rewards(),
        api.redemptions(),
        api.history(),
      ]);
      this.dispatch({ type: 'refreshed', data: { me, rewards, redemptions, history } });
    } catch (error) {
      const problem = asApiError(error);
      if (problem.status === 401) this.dispatch({ type: 'failed', error: problem });
    }
  }

  private dispatch(action: Action): void {
    if (this.disposed) return;
    const previous = this.current;
    this.current = reduce(previous, action);
    if (this.current !== previous) this.onChange(this.current, previous, action);
  }
}

/** A fresh key per confirmation; `crypto.randomUUID` is missing outside secure contexts (http pages). */
export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : uuidv7();
}

function asApiError(error: unknown): ApiError {
  // Anything else is a fault in the widget itself; the fan sees the generic message.
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected', undefined);
}
