import { MESSAGES } from './messages';
import { account, CONFIG, LINK_CODE, ME, redemption, reward } from './test-fixtures';
import { ApiError, type Reward } from './widget-api';
import {
  type Action,
  checkAddress,
  fieldErrorsOf,
  focusAfter,
  initialState,
  isWatching,
  linkedText,
  linkProblemText,
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

  it('shows anonymous visitors no history and no accounts tab', () => {
    expect(visibleTabs(false)).toEqual(['rewards', 'earn']);
    expect(visibleTabs(true)).toEqual(['rewards', 'earn', 'history', 'accounts']);
    expect(reduce(ready(false), { type: 'selectTab', tab: 'history' }).tab).toBe('rewards');
    expect(reduce(ready(false), { type: 'selectTab', tab: 'accounts' }).tab).toBe('rewards');
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

describe('linking an account', () => {
  const FACEBOOK = account({ channel: 'facebook', handle: null, since: '2025-01-05T08:00:00.000Z' });
  const FAN_B = account();

  /** Signed in, on the Accounts tab, with `items` loaded. */
  const onAccounts = (items = [FACEBOOK]): WidgetState =>
    run(
      ready(),
      { type: 'selectTab', tab: 'accounts' },
      { type: 'loadAccounts' },
      { type: 'accountsLoaded', items },
    );

  const showingCode = (items = [FACEBOOK]): WidgetState =>
    run(
      onAccounts(items),
      { type: 'requestCode', channel: 'instagram' },
      { type: 'codeReceived', code: LINK_CODE },
      { type: 'watch' },
    );

  it('loads the accounts when asked, and shows a failed load to retry', () => {
    const loading = run(ready(), { type: 'selectTab', tab: 'accounts' }, { type: 'loadAccounts' });
    expect(loading.accounts).toMatchObject({ items: null, loading: true });
    expect(reduce(loading, { type: 'accountsLoaded', items: [FACEBOOK] }).accounts).toEqual({
      items: [FACEBOOK],
      loading: false,
      error: null,
      flow: null,
    });
    const offline = new ApiError(0, 'network', undefined);
    expect(reduce(loading, { type: 'accountsFailed', error: offline }).accounts).toMatchObject({
      items: null,
      loading: false,
      error: offline,
    });
  });

  it('walks requesting → code shown → watching → linked when a new verified account of its network appears', () => {
    const requesting = run(onAccounts(), { type: 'requestCode', channel: 'instagram' });
    expect(requesting.accounts.flow).toEqual({ step: 'requesting', channel: 'instagram' });
    const shown = reduce(requesting, { type: 'codeReceived', code: LINK_CODE });
    expect(shown.accounts.flow).toMatchObject({ step: 'code', code: LINK_CODE, watching: false });
    const watching = reduce(shown, { type: 'watch' });
    expect(isWatching(watching)).toBe(true);
    // A poll that brings nothing new changes nothing (no redraw every five seconds).
    expect(reduce(watching, { type: 'accountsLoaded', items: [FACEBOOK] })).toBe(watching);
    const linked = reduce(watching, { type: 'accountsLoaded', items: [FACEBOOK, FAN_B] });
    expect(linked.accounts).toMatchObject({
      items: [FACEBOOK, FAN_B],
      flow: { step: 'linked', account: FAN_B },
    });
    expect(isWatching(linked)).toBe(false);
  });

  it('does not take an account of another network, an unverified one, or one linked before, for the new one', () => {
    const before = account({ handle: 'old_insta', since: '2024-01-01T00:00:00.000Z' });
    const watching = showingCode([before]);
    const unrelated = [
      before,
      account({ channel: 'x', handle: 'fan_x' }),
      account({ handle: 'seen_only', verified: false }),
    ];
    expect(reduce(watching, { type: 'accountsLoaded', items: unrelated }).accounts.flow).toMatchObject({
      step: 'code',
      watching: true,
    });
    // An account that was seen before and is now verified by the code counts.
    const seen = account({ handle: 'seen_only', verified: false });
    const verifiedNow = reduce(showingCode([seen]), {
      type: 'accountsLoaded',
      items: [{ ...seen, verified: true }],
    });
    expect(verifiedNow.accounts.flow).toMatchObject({ step: 'linked', account: { handle: 'seen_only' } });
  });

  it('keeps the list when a poll fails, and shows a failed code request', () => {
    const watching = showingCode();
    expect(
      reduce(watching, { type: 'accountsFailed', error: new ApiError(503, 'http_503', undefined) }),
    ).toBe(watching);
    const refused = new ApiError(409, 'fan_erased', 'An erased fan cannot get accounts linked.');
    const failed = run(
      onAccounts(),
      { type: 'requestCode', channel: 'x' },
      { type: 'codeFailed', error: refused },
    );
    expect(failed.accounts).toMatchObject({ flow: null, error: refused, items: [FACEBOOK] });
    expect(reduce(failed, { type: 'requestCode', channel: 'x' }).accounts).toMatchObject({
      error: null,
      flow: { step: 'requesting', channel: 'x' },
    });
  });

  it('asks for one code at a time, only for signed-in fans with their accounts loaded', () => {
    const requesting = run(onAccounts(), { type: 'requestCode', channel: 'instagram' });
    expect(reduce(requesting, { type: 'requestCode', channel: 'x' })).toBe(requesting);
    expect(reduce(showingCode(), { type: 'requestCode', channel: 'x' }).accounts.flow).toMatchObject({
      step: 'code',
    });
    const notLoaded = run(ready(), { type: 'selectTab', tab: 'accounts' });
    expect(reduce(notLoaded, { type: 'requestCode', channel: 'x' })).toBe(notLoaded);
    expect(reduce(ready(false), { type: 'loadAccounts' }).accounts.loading).toBe(false);
  });

  it('stops watching and goes back to the list', () => {
    const stopped = reduce(showingCode(), { type: 'unwatch' });
    expect(stopped.accounts.flow).toMatchObject({ step: 'code', watching: false });
    expect(reduce(stopped, { type: 'closeCode' }).accounts.flow).toBeNull();
  });

  it('keeps a code on screen across tabs, and drops the "linked" message once the fan moves on', () => {
    const away = reduce(showingCode(), { type: 'selectTab', tab: 'rewards' });
    expect(away.accounts.flow?.step).toBe('code');
    const linked = reduce(showingCode(), { type: 'accountsLoaded', items: [FACEBOOK, FAN_B] });
    expect(reduce(linked, { type: 'selectTab', tab: 'rewards' }).accounts.flow).toBeNull();
  });

  it('shows the expired state when the token is refused while linking', () => {
    const expired = new ApiError(401, 'fan_token_invalid', 'The fan token has expired.');
    const state = reduce(showingCode(), { type: 'accountsFailed', error: expired });
    expect(state.phase).toBe('expired');
    expect(isWatching(state)).toBe(false);
  });

  it('moves focus to the code, to the "linked" message, and back to the network button', () => {
    const requesting = run(onAccounts(), { type: 'requestCode', channel: 'instagram' });
    const focusOf = (state: WidgetState, action: Action): string | null =>
      focusAfter(action, state, reduce(state, action));
    expect(focusOf(requesting, { type: 'codeReceived', code: LINK_CODE })).toBe('link-code');
    expect(focusOf(requesting, { type: 'codeFailed', error: new ApiError(0, 'network', undefined) })).toBe(
      'link-instagram',
    );
    expect(focusOf(showingCode(), { type: 'accountsLoaded', items: [FACEBOOK, FAN_B] })).toBe('linked');
    expect(focusOf(showingCode(), { type: 'closeCode' })).toBe('link-instagram');
    expect(focusOf(showingCode(), { type: 'unwatch' })).toBeNull();
  });
});

describe('linkedText', () => {
  it('names the network and the handle, in both languages', () => {
    expect(linkedText(account(), en)).toBe('Instagram account @fan_b linked');
    expect(linkedText(account(), de)).toBe('Instagram-Konto @fan_b verknüpft');
    expect(linkedText(account({ channel: 'whatsapp', handle: null }), de)).toBe('WhatsApp-Konto verknüpft');
    expect(linkedText(account({ channel: 'x', handle: '@fan_x' }), en)).toBe('X account @fan_x linked');
    expect(linkedText(account({ channel: 'mastodon', handle: 'fan' }), en)).toBe(
      'mastodon account @fan linked',
    );
  });
});

describe('linkProblemText', () => {
  it("uses the widget's words for general problems, else the API's detail, else the fallback", () => {
    expect(linkProblemText(new ApiError(0, 'network', undefined), de, de.codeFailed)).toBe(
      de.problems.network,
    );
    expect(linkProblemText(new ApiError(429, 'too_many_attempts', 'Slow down.'), en, en.codeFailed)).toBe(
      en.problems.rate_limited,
    );
    expect(linkProblemText(new ApiError(500, 'internal_error', 'Boom (id 42)'), en, en.codeFailed)).toBe(
      en.problems.generic,
    );
    expect(
      linkProblemText(
        new ApiError(409, 'fan_erased', 'An erased fan cannot get accounts linked.'),
        en,
        en.codeFailed,
      ),
    ).toBe('An erased fan cannot get accounts linked.');
    // Not the reward's "does not exist any more".
    expect(linkProblemText(new ApiError(404, 'http_404', undefined), de, de.accountsFailed)).toBe(
      'Deine Konten konnten nicht geladen werden. Bitte versuche es erneut.',
    );
  });
});

describe('tabAfterKey', () => {
  it('moves along the tab list with the arrow keys, wrapping, and jumps with Home and End', () => {
    const all = visibleTabs(true);
    expect(tabAfterKey('ArrowRight', 'rewards', all)).toBe('earn');
    expect(tabAfterKey('ArrowRight', 'history', all)).toBe('accounts');
    expect(tabAfterKey('ArrowRight', 'accounts', all)).toBe('rewards');
    expect(tabAfterKey('ArrowLeft', 'rewards', all)).toBe('accounts');
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
