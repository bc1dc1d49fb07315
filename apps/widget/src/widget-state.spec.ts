import { MESSAGES } from './messages';
import { CONFIG, ME, redemption, reward } from './test-fixtures';
import { ApiError, type Reward } from './widget-api';
import {
  type Action,
  checkAddress,
  fieldErrorsOf,
  focusAfter,
  initialState,
  problemText,
  progressOf,
  reduce,
  rewardNote,
  tabAfterKey,
  visibleTabs,
  type WidgetData,
  type WidgetState,
} from './widget-state';

const en = MESSAGES.en;
const de = MESSAGES.de;

const MUG = reward({ id: 'reward-mug', name: 'Tasse', kind: 'physical', costPoints: 80 });

function data(rewards: Reward[] = [reward(), MUG]): WidgetData {
  return {
    config: CONFIG,
    me: ME,
    rewards,
    waysToEarn: [],
    history: { items: [], nextCursor: 'next' },
    redemptions: [],
  };
}

function run(state: WidgetState, ...actions: Action[]): WidgetState {
  return actions.reduce(reduce, state);
}

const ready = (signedIn = true): WidgetState =>
  run(initialState({ configured: true, signedIn }), { type: 'load' }, { type: 'loaded', data: data() });

const ADDRESS = { name: 'Anna', street: 'Hauptstr. 1', postalCode: '10115', city: 'Berlin', country: 'de' };

describe('the panel state', () => {
  it('has nothing to load without a publishable key', () => {
    const state = initialState({ configured: false, signedIn: false });
    expect(state.phase).toBe('unconfigured');
    expect(reduce(state, { type: 'load' })).toBe(state);
  });

  it('goes idle → loading → ready', () => {
    const idle = initialState({ configured: true, signedIn: true });
    expect(idle.phase).toBe('idle');
    const loading = reduce(idle, { type: 'load' });
    expect(loading.phase).toBe('loading');
    expect(reduce(loading, { type: 'loaded', data: data() })).toMatchObject({
      phase: 'ready',
      tab: 'rewards',
    });
  });

  it('shows an error to retry, and the expired state for a refused fan token', () => {
    const loading = run(initialState({ configured: true, signedIn: true }), { type: 'load' });
    const network = new ApiError(0, 'network', undefined);
    expect(reduce(loading, { type: 'failed', error: network })).toMatchObject({
      phase: 'error',
      error: network,
    });
    const expired = new ApiError(401, 'fan_token_invalid', 'The token has expired.');
    expect(reduce(loading, { type: 'failed', error: expired }).phase).toBe('expired');
  });

  it('walks confirming → redeeming → redeemed, with the balance lowered at once', () => {
    const confirming = run(ready(), { type: 'startRedeem', rewardId: 'reward-coffee', idempotencyKey: 'k1' });
    expect(confirming.redeem).toMatchObject({ step: 'confirming', idempotencyKey: 'k1', error: null });
    const redeeming = reduce(confirming, { type: 'submitRedeem' });
    expect(redeeming.redeem?.step).toBe('redeeming');
    const done = reduce(redeeming, { type: 'redeemed', redemption: redemption() });
    expect(done.redeem).toMatchObject({ step: 'redeemed', redemption: redemption() });
    expect(done.data?.me?.balance).toBe(70);
    expect(done.data?.redemptions).toEqual([redemption()]);
    expect(run(done, { type: 'finishRedeem' })).toMatchObject({ redeem: null, tab: 'rewards' });
  });

  it('lets anonymous visitors not start a redemption, nor a fan one they cannot afford', () => {
    const anonymous = ready(false);
    expect(
      reduce(anonymous, { type: 'startRedeem', rewardId: 'reward-coffee', idempotencyKey: 'k' }).redeem,
    ).toBeNull();
    const poor = run(initialState({ configured: true, signedIn: true }), {
      type: 'loaded',
      data: data([reward({ canRedeem: false, reason: 'insufficient_points' })]),
    });
    expect(
      reduce(poor, { type: 'startRedeem', rewardId: 'reward-coffee', idempotencyKey: 'k' }).redeem,
    ).toBeNull();
  });

  it('keeps the idempotency key for a retry after no answer, and takes a fresh one after a refusal', () => {
    const redeeming = run(
      ready(),
      { type: 'startRedeem', rewardId: 'reward-coffee', idempotencyKey: 'k1' },
      { type: 'submitRedeem' },
    );
    const offline = reduce(redeeming, {
      type: 'redeemFailed',
      error: new ApiError(0, 'network', undefined),
      freshKey: 'k2',
    });
    expect(offline.redeem).toMatchObject({ step: 'confirming', idempotencyKey: 'k1' });
    const refused = reduce(redeeming, {
      type: 'redeemFailed',
      error: new ApiError(409, 'out_of_stock', 'Sold out.'),
      freshKey: 'k2',
    });
    expect(refused.redeem).toMatchObject({ step: 'confirming', idempotencyKey: 'k2' });
  });

  it('checks the shipping address of a physical reward before sending it', () => {
    const confirming = run(ready(), { type: 'startRedeem', rewardId: 'reward-mug', idempotencyKey: 'k1' });
    const refused = reduce(confirming, { type: 'submitRedeem' });
    expect(refused.redeem).toMatchObject({
      step: 'confirming',
      fieldErrors: {
        name: 'required',
        street: 'required',
        postalCode: 'required',
        city: 'required',
        country: 'required',
      },
    });
    const filled = run(
      refused,
      ...Object.entries(ADDRESS).map(([field, value]): Action => ({
        type: 'editAddress',
        field: field as keyof typeof ADDRESS,
        value,
      })),
    );
    expect(filled.redeem).toMatchObject({ fieldErrors: {} });
    const sent = reduce(filled, { type: 'submitRedeem' });
    expect(sent.redeem).toMatchObject({ step: 'redeeming', address: { ...ADDRESS, country: 'DE' } });
  });

  it("puts the API's field errors next to the fields", () => {
    const redeeming = run(
      ready(),
      { type: 'startRedeem', rewardId: 'reward-mug', idempotencyKey: 'k1' },
      ...Object.entries(ADDRESS).map(([field, value]): Action => ({
        type: 'editAddress',
        field: field as keyof typeof ADDRESS,
        value,
      })),
      { type: 'submitRedeem' },
    );
    const error = new ApiError(422, 'validation_failed', 'Invalid.', [
      { field: 'shippingAddress.postalCode', reason: 'must be at most 20 characters' },
    ]);
    expect(reduce(redeeming, { type: 'redeemFailed', error, freshKey: 'k2' }).redeem).toMatchObject({
      step: 'confirming',
      fieldErrors: { postalCode: 'invalid' },
    });
  });

  it('shows anonymous visitors no history tab', () => {
    expect(visibleTabs(false)).toEqual(['rewards', 'earn']);
    expect(reduce(ready(false), { type: 'selectTab', tab: 'history' }).tab).toBe('rewards');
    expect(reduce(ready(true), { type: 'selectTab', tab: 'history' }).tab).toBe('history');
  });

  it('leaves a redemption on its way alone when the fan cancels or closes', () => {
    const redeeming = run(
      ready(),
      { type: 'startRedeem', rewardId: 'reward-coffee', idempotencyKey: 'k1' },
      { type: 'submitRedeem' },
    );
    expect(reduce(redeeming, { type: 'cancelRedeem' })).toBe(redeeming);
  });

  it('appends the next history page, without repeating an entry', () => {
    const item = (id: string) => ({
      id,
      createdAt: '2025-03-01T09:00:00Z',
      points: 5,
      kind: 'earn',
      text: id,
    });
    let state = run(initialState({ configured: true, signedIn: true }), {
      type: 'loaded',
      data: { ...data(), history: { items: [item('a'), item('b')], nextCursor: 'c1' } },
    });
    state = reduce(state, { type: 'loadMore' });
    expect(state.more.loading).toBe(true);
    state = reduce(state, { type: 'moreLoaded', page: { items: [item('b'), item('c')], nextCursor: null } });
    expect(state.data?.history).toEqual({ items: [item('a'), item('b'), item('c')], nextCursor: null });
    expect(reduce(state, { type: 'loadMore' })).toBe(state);
  });
});

describe('tabAfterKey', () => {
  it('moves along the tab list with the arrow keys, wrapping, and jumps with Home and End', () => {
    const all = visibleTabs(true);
    expect(tabAfterKey('ArrowRight', 'rewards', all)).toBe('earn');
    expect(tabAfterKey('ArrowRight', 'history', all)).toBe('rewards');
    expect(tabAfterKey('ArrowLeft', 'rewards', all)).toBe('history');
    expect(tabAfterKey('End', 'rewards', visibleTabs(false))).toBe('earn');
    expect(tabAfterKey('Home', 'earn', all)).toBe('rewards');
    expect(tabAfterKey('Enter', 'earn', all)).toBeUndefined();
  });
});

describe('rewardNote', () => {
  it('asks anonymous visitors to log in', () => {
    expect(
      rewardNote(reward({ canRedeem: false, reason: 'login_required', reasonText: 'x' }), false, en),
    ).toBe('Log in to redeem');
    expect(rewardNote(reward(), false, de)).toBe('Zum Einlösen anmelden');
  });

  it("shows a button when the fan can redeem, else the API's sentence, else the widget's", () => {
    expect(rewardNote(reward(), true, en)).toBeNull();
    const short = reward({
      canRedeem: false,
      reason: 'insufficient_points',
      reasonText: 'Dir fehlen noch 30 Punkte.',
    });
    expect(rewardNote(short, true, de)).toBe('Dir fehlen noch 30 Punkte.');
    expect(rewardNote({ ...short, reasonText: null }, true, en)).toBe('You do not have enough points yet.');
    expect(rewardNote(reward({ canRedeem: false, reason: 'out_of_stock', reasonText: '' }), true, de)).toBe(
      'Ausverkauft.',
    );
  });
});

describe('problemText', () => {
  it("explains the API's codes in the fan's language", () => {
    expect(problemText(new ApiError(409, 'out_of_stock', 'Reward is out of stock.'), de)).toBe(
      'Diese Prämie ist leider gerade ausgegangen.',
    );
    expect(problemText(new ApiError(0, 'network', undefined), en)).toMatch(/could not reach/);
    expect(problemText(new ApiError(429, 'too_many_attempts', 'Slow down.'), en)).toMatch(/wait a moment/);
    expect(problemText(new ApiError(404, 'not_found', 'Reward was not found.'), en)).toBe(
      'This reward does not exist any more.',
    );
  });

  it("falls back to the API's detail, then to a generic sentence", () => {
    expect(problemText(new ApiError(409, 'fan_erased', 'An erased fan cannot redeem.'), en)).toBe(
      'An erased fan cannot redeem.',
    );
    expect(problemText(new ApiError(500, 'internal_error', 'Boom (id 42)'), en)).toBe(en.problems.generic);
    expect(problemText(new ApiError(400, 'http_400', undefined), en)).toBe(en.problems.generic);
  });
});

describe('progressOf', () => {
  it('gives the bar towards the next tier in percent', () => {
    expect(progressOf(ME)).toEqual({ percent: 68, nextTierName: 'Gold', pointsToGo: 160 });
  });

  it('has no bar at the top of the ladder, and keeps odd figures in range', () => {
    expect(progressOf({ ...ME, nextTier: null })).toBeNull();
    const odd = {
      ...ME,
      nextTier: { key: 'gold', name: 'Gold', threshold: 500, pointsToGo: -3, progress: 1.7 },
    };
    expect(progressOf(odd)).toEqual({ percent: 100, nextTierName: 'Gold', pointsToGo: 0 });
  });
});

describe('checkAddress and fieldErrorsOf', () => {
  it('trims, upper-cases the country and refuses what is not two letters', () => {
    expect(checkAddress({ ...ADDRESS, name: '  Anna ', country: 'at' })).toEqual({
      address: { ...ADDRESS, country: 'AT' },
      fieldErrors: {},
    });
    expect(checkAddress({ ...ADDRESS, country: 'Deutschland' }).fieldErrors).toEqual({ country: 'country' });
  });

  it("maps the API's field names onto the form", () => {
    const error = new ApiError(400, 'validation_failed', 'x', [
      { field: 'shippingAddress.country', reason: 'must be an ISO 3166-1 alpha-2 country code such as DE' },
      { field: 'shippingAddress.city', reason: 'is required' },
      { field: 'rewardId', reason: 'must be a UUID' },
    ]);
    expect(fieldErrorsOf(error)).toEqual({ country: 'country', city: 'invalid' });
  });
});

describe('focusAfter', () => {
  const focusOf = (state: WidgetState, action: Action): string | null =>
    focusAfter(action, state, reduce(state, action));

  it('focuses the confirm button, or the first address field of a physical reward', () => {
    expect(focusOf(ready(), { type: 'startRedeem', rewardId: 'reward-coffee', idempotencyKey: 'k' })).toBe(
      'confirm',
    );
    expect(focusOf(ready(), { type: 'startRedeem', rewardId: 'reward-mug', idempotencyKey: 'k' })).toBe(
      'field-name',
    );
  });

  it('moves to the first refused field, and back to the Redeem button on cancel', () => {
    const mug = run(
      ready(),
      { type: 'startRedeem', rewardId: 'reward-mug', idempotencyKey: 'k' },
      {
        type: 'editAddress',
        field: 'name',
        value: 'Anna',
      },
    );
    expect(focusOf(mug, { type: 'submitRedeem' })).toBe('field-street');
    expect(focusOf(mug, { type: 'cancelRedeem' })).toBe('redeem-reward-mug');
  });

  it('lands on the success message after a redemption', () => {
    const redeeming = run(
      ready(),
      { type: 'startRedeem', rewardId: 'reward-coffee', idempotencyKey: 'k' },
      { type: 'submitRedeem' },
    );
    expect(focusOf(redeeming, { type: 'redeemed', redemption: redemption() })).toBe('redeemed');
    expect(
      focusOf(redeeming, {
        type: 'redeemFailed',
        error: new ApiError(0, 'network', undefined),
        freshKey: 'k2',
      }),
    ).toBe('confirm');
  });
});
