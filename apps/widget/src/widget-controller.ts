/**
 * Runs the widget's requests and feeds their answers to `reduce()`: the first load, retry, the
 * redeem flow (with its idempotency key) and history paging. Owns no DOM; the element listens to
 * `onChange` and draws. Anonymous visitors only ever cause `config`, `rewards` and `ways-to-earn`.
 * A controller belongs to one configuration: `init()` with other options makes a new one and
 * disposes this, whose late answers are then dropped.
 */
import { uuidv7 } from '@fanfare/shared';

import { ApiError, type WidgetApi } from './widget-api';
import {
  type Action,
  type AddressField,
  initialState,
  reduce,
  type Tab,
  type WidgetState,
} from './widget-state';

export type ChangeListener = (state: WidgetState, previous: WidgetState, action: Action) => void;

export class WidgetController {
  private current: WidgetState;
  private disposed = false;

  constructor(
    /** null when the page gave no publishable key or API address. */
    private readonly api: WidgetApi | null,
    signedIn: boolean,
    private readonly onChange: ChangeListener,
    private readonly newKey: () => string = newIdempotencyKey,
  ) {
    this.current = initialState({ configured: api !== null, signedIn });
  }

  get state(): WidgetState {
    return this.current;
  }

  dispose(): void {
    this.disposed = true;
  }

  /** The first open loads; later opens show what was loaded. */
  open(): Promise<void> {
    return this.current.phase === 'idle' ? this.load() : Promise.resolve();
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
