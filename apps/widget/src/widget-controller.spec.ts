import {
  account,
  fakeFetch,
  type FakeAnswer,
  happyAnswers,
  LINK_CODE,
  manualTimers,
  ME,
  problem,
  redemption,
  reward,
  settle,
} from './test-fixtures';
import { createWidgetApi } from './widget-api';
import { LINK_POLL_MS, LINK_WATCH_MS, type Timers, WidgetController } from './widget-controller';
import { type Action } from './widget-state';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjdXN0LTQyIn0.c2lnbmF0dXJl';

/** A controller on the real API client, talking to a fake fetch; keys are k1, k2, … */
function setUp(answers: Record<string, FakeAnswer>, signedIn = true, timers?: Timers) {
  const fake = fakeFetch(answers);
  const api = createWidgetApi(
    {
      apiBase: 'https://fanfare.example',
      publishableKey: 'pk_demo',
      fanToken: signedIn ? TOKEN : undefined,
      locale: 'en',
    },
    fake.fetch,
  );
  const actions: Action['type'][] = [];
  let keys = 0;
  const controller = new WidgetController(
    api,
    signedIn,
    (_state, _previous, action) => actions.push(action.type),
    () => {
      keys += 1;
      return `k${keys}`;
    },
    timers,
  );
  const calls = (): string[] => fake.requests.map((request) => `${request.method} ${request.path}`);
  return { controller, fake, actions, calls };
}

describe('WidgetController', () => {
  it('loads nothing until the panel is first opened', async () => {
    const { controller, calls } = setUp(happyAnswers());
    expect(controller.state.phase).toBe('idle');
    expect(calls()).toEqual([]);
    await controller.open();
    expect(controller.state.phase).toBe('ready');
    await controller.open();
    expect(calls()).toHaveLength(6);
  });

  it('only asks for config, rewards and ways to earn for an anonymous visitor', async () => {
    const { controller, fake, calls } = setUp(happyAnswers(), false);
    await controller.open();
    expect(calls().sort()).toEqual(['GET config', 'GET rewards', 'GET ways-to-earn']);
    expect(fake.requests.every((request) => request.headers.Authorization === undefined)).toBe(true);
    expect(controller.state).toMatchObject({ phase: 'ready', signedIn: false, data: { me: null } });
  });

  it("loads a signed-in fan's points, rewards, ways to earn, history and redemptions", async () => {
    const { controller, calls } = setUp(happyAnswers());
    await controller.open();
    expect(calls().sort()).toEqual([
      'GET config',
      'GET history',
      'GET me',
      'GET redemptions',
      'GET rewards',
      'GET ways-to-earn',
    ]);
    expect(controller.state.data?.me).toEqual(ME);
  });

  it('shows an error, and loads again on Retry', async () => {
    const answers = happyAnswers();
    const { controller, fake } = setUp({ ...answers, 'GET rewards': 'network' });
    await controller.open();
    expect(controller.state).toMatchObject({ phase: 'error', error: { code: 'network' } });
    fake.answers.set('GET rewards', answers['GET rewards']!);
    await controller.load();
    expect(controller.state.phase).toBe('ready');
  });

  it('shows the expired state when the API refuses the fan token', async () => {
    const { controller } = setUp({
      ...happyAnswers(),
      'GET me': problem(401, 'fan_token_invalid', 'The fan token has expired.'),
    });
    await controller.open();
    expect(controller.state.phase).toBe('expired');
  });

  it('redeems with one key per confirmation, then refetches the balance and the rewards', async () => {
    const { controller, fake, calls } = setUp({
      ...happyAnswers(),
      'POST redemptions': { status: 201, body: redemption() },
    });
    await controller.open();
    const loaded = calls().length;
    controller.startRedeem('reward-coffee');
    fake.answers.set('GET me', { status: 200, body: { ...ME, balance: 70 } });
    await controller.confirmRedeem();
    const post = fake.requests.find((request) => request.method === 'POST');
    expect(post).toMatchObject({ headers: { 'Idempotency-Key': 'k1' }, body: { rewardId: 'reward-coffee' } });
    expect(controller.state.redeem).toMatchObject({ step: 'redeemed', redemption: { code: 'KAFFEE-7K2Q' } });
    expect(
      calls()
        .slice(loaded + 1)
        .sort(),
    ).toEqual(['GET history', 'GET me', 'GET redemptions', 'GET rewards']);
    expect(controller.state.data?.me?.balance).toBe(70);
  });

  it('sends the same key again when the fan retries after no answer', async () => {
    let attempts = 0;
    const { controller, fake } = setUp({
      ...happyAnswers(),
      'POST redemptions': () => {
        attempts += 1;
        return attempts === 1 ? 'network' : { status: 201, body: redemption() };
      },
    });
    await controller.open();
    controller.startRedeem('reward-coffee');
    await controller.confirmRedeem();
    expect(controller.state.redeem).toMatchObject({ step: 'confirming', error: { code: 'network' } });
    await controller.confirmRedeem();
    const keys = fake.requests
      .filter((request) => request.method === 'POST')
      .map((r) => r.headers['Idempotency-Key']);
    expect(keys).toEqual(['k1', 'k1']);
    expect(controller.state.redeem?.step).toBe('redeemed');
  });

  it('starts a new confirmation with a new key', async () => {
    const { controller, fake } = setUp({
      ...happyAnswers(),
      'POST redemptions': problem(409, 'out_of_stock', 'Reward is out of stock.'),
    });
    await controller.open();
    controller.startRedeem('reward-coffee');
    await controller.confirmRedeem();
    expect(controller.state.redeem).toMatchObject({ step: 'confirming', error: { code: 'out_of_stock' } });
    controller.cancelRedeem();
    controller.startRedeem('reward-coffee');
    await controller.confirmRedeem();
    const keys = fake.requests
      .filter((request) => request.method === 'POST')
      .map((r) => r.headers['Idempotency-Key']);
    expect(new Set(keys).size).toBe(2);
  });

  it('sends the shipping address of a physical reward, and nothing while it is incomplete', async () => {
    const mug = reward({ id: 'reward-mug', kind: 'physical' });
    const { controller, fake } = setUp({
      ...happyAnswers([mug]),
      'POST redemptions': { status: 201, body: redemption({ code: null, status: 'pending' }) },
    });
    await controller.open();
    controller.startRedeem('reward-mug');
    await controller.confirmRedeem();
    expect(fake.requests.some((request) => request.method === 'POST')).toBe(false);
    controller.editAddress('name', 'Anna');
    controller.editAddress('street', 'Hauptstr. 1');
    controller.editAddress('postalCode', '10115');
    controller.editAddress('city', 'Berlin');
    controller.editAddress('country', 'de');
    await controller.confirmRedeem();
    expect(fake.requests.find((request) => request.method === 'POST')?.body).toEqual({
      rewardId: 'reward-mug',
      shippingAddress: {
        name: 'Anna',
        street: 'Hauptstr. 1',
        postalCode: '10115',
        city: 'Berlin',
        country: 'DE',
      },
    });
  });

  it('loads the next history page by its cursor', async () => {
    const answers = happyAnswers();
    const { controller, fake } = setUp({
      ...answers,
      'GET history': (request) =>
        request.query.cursor === 'c1'
          ? {
              status: 200,
              body: {
                items: [
                  {
                    id: 'h2',
                    createdAt: '2025-02-01T00:00:00Z',
                    points: -50,
                    kind: 'redeem',
                    text: 'Kaffee',
                  },
                ],
                nextCursor: null,
              },
            }
          : {
              status: 200,
              body: {
                items: [
                  {
                    id: 'h1',
                    createdAt: '2025-03-01T00:00:00Z',
                    points: 25,
                    kind: 'earn',
                    text: 'Bewertung',
                  },
                ],
                nextCursor: 'c1',
              },
            },
    });
    await controller.open();
    await controller.loadMore();
    expect(controller.state.data?.history.items.map((item) => item.id)).toEqual(['h1', 'h2']);
    expect(controller.state.data?.history.nextCursor).toBeNull();
    expect(fake.requests.filter((request) => request.path === 'history')).toHaveLength(2);
  });

  it('drops the answers of a controller that was replaced (init() with another token)', async () => {
    const { controller, actions } = setUp(happyAnswers());
    const opening = controller.open();
    controller.dispose();
    await opening;
    expect(actions).toEqual(['load']);
    expect(controller.state.phase).toBe('loading');
  });

  it('has nothing to do without an API', async () => {
    const controller = new WidgetController(null, false, () => undefined);
    await controller.open();
    expect(controller.state.phase).toBe('unconfigured');
  });
});

describe('WidgetController, linking an account', () => {
  const FACEBOOK = account({ channel: 'facebook', handle: null, since: '2025-01-05T08:00:00.000Z' });
  const FAN_B = account();

  /** Signed in and open on the Accounts tab, with Facebook linked; the clock is moved by hand. */
  async function onAccounts(extra: Record<string, FakeAnswer> = {}) {
    const clock = manualTimers();
    const set = setUp(
      {
        ...happyAnswers(),
        'GET accounts': { status: 200, body: { items: [FACEBOOK] } },
        'POST link-codes': { status: 200, body: LINK_CODE },
        ...extra,
      },
      true,
      clock.timers,
    );
    await set.controller.open();
    set.controller.selectTab('accounts');
    await settle();
    const polls = (): number => set.calls().filter((call) => call === 'GET accounts').length;
    return { ...set, clock, polls };
  }

  it('loads the accounts when the fan first opens the tab, not before', async () => {
    const { controller, calls } = setUp({
      ...happyAnswers(),
      'GET accounts': { status: 200, body: { items: [] } },
    });
    await controller.open();
    expect(calls()).not.toContain('GET accounts');
    controller.selectTab('accounts');
    await settle();
    controller.selectTab('rewards');
    controller.selectTab('accounts');
    await settle();
    expect(calls().filter((call) => call === 'GET accounts')).toHaveLength(1);
    expect(controller.state.accounts).toMatchObject({ items: [], loading: false });
  });

  it('shows the code, polls every 5 s, and reports the account the code linked with the new balance', async () => {
    const { controller, fake, clock, polls, calls } = await onAccounts();
    await controller.requestCode('instagram');
    expect(fake.requests.find((request) => request.method === 'POST')?.body).toEqual({
      channel: 'instagram',
    });
    expect(controller.state.accounts.flow).toMatchObject({ step: 'code', code: LINK_CODE, watching: true });
    expect(polls()).toBe(1);

    await clock.advance(LINK_POLL_MS - 1);
    expect(polls()).toBe(1);
    await clock.advance(1);
    expect(polls()).toBe(2);
    await clock.advance(LINK_POLL_MS);
    expect(polls()).toBe(3);

    fake.answers.set('GET accounts', { status: 200, body: { items: [FACEBOOK, FAN_B] } });
    fake.answers.set('GET me', { status: 200, body: { ...ME, balance: 195 } });
    const before = calls().length;
    await clock.advance(LINK_POLL_MS);
    expect(controller.state.accounts.flow).toEqual({ step: 'linked', account: FAN_B });
    expect(controller.state.data?.me?.balance).toBe(195);
    expect(
      calls()
        .slice(before + 1)
        .sort(),
    ).toEqual(['GET history', 'GET me', 'GET redemptions', 'GET rewards']);
    // Done: no more polling.
    await clock.advance(LINK_WATCH_MS);
    expect(polls()).toBe(4);
    expect(clock.pending()).toBe(0);
  });

  it('stops polling after 10 minutes, and checks again when asked', async () => {
    const { controller, clock, polls } = await onAccounts();
    await controller.requestCode('instagram');
    await clock.advance(LINK_WATCH_MS + LINK_POLL_MS * 3);
    expect(polls()).toBe(1 + LINK_WATCH_MS / LINK_POLL_MS);
    expect(controller.state.accounts.flow).toMatchObject({ step: 'code', watching: false });
    expect(clock.pending()).toBe(0);

    controller.checkAgain();
    await clock.advance(0);
    expect(polls()).toBe(2 + LINK_WATCH_MS / LINK_POLL_MS);
    expect(controller.state.accounts.flow).toMatchObject({ step: 'code', watching: true });
  });

  it('stops polling when the panel closes, and looks again at once when it opens', async () => {
    const { controller, clock, polls } = await onAccounts();
    await controller.requestCode('instagram');
    controller.close();
    await clock.advance(LINK_POLL_MS * 4);
    expect(polls()).toBe(1);
    expect(controller.state.accounts.flow).toMatchObject({ step: 'code', watching: false });

    await controller.open();
    await clock.advance(0);
    expect(polls()).toBe(2);
    await clock.advance(LINK_POLL_MS);
    expect(polls()).toBe(3);
  });

  it('stops polling when the fan goes back, or the widget is replaced', async () => {
    const first = await onAccounts();
    await first.controller.requestCode('instagram');
    first.controller.closeCode();
    expect(first.controller.state.accounts.flow).toBeNull();
    expect(first.clock.pending()).toBe(0);

    const second = await onAccounts();
    await second.controller.requestCode('instagram');
    second.controller.dispose();
    expect(second.clock.pending()).toBe(0);
  });

  it("keeps polling through a failed poll, and shows a refused code request in the API's words", async () => {
    const { controller, fake, clock, polls } = await onAccounts();
    await controller.requestCode('instagram');
    fake.answers.set('GET accounts', 'network');
    await clock.advance(LINK_POLL_MS);
    expect(controller.state.accounts).toMatchObject({ error: null, flow: { step: 'code', watching: true } });
    await clock.advance(LINK_POLL_MS);
    expect(polls()).toBe(3);

    const other = await onAccounts({
      'POST link-codes': problem(409, 'fan_erased', 'An erased fan cannot get accounts linked.'),
    });
    await other.controller.requestCode('x');
    expect(other.controller.state.accounts).toMatchObject({
      flow: null,
      error: { code: 'fan_erased', detail: 'An erased fan cannot get accounts linked.' },
    });
    expect(other.clock.pending()).toBe(0);
  });

  it('shows a failed load of the accounts, and loads them again on Retry', async () => {
    const { controller, fake } = await onAccounts({ 'GET accounts': problem(503, 'unavailable', 'Down.') });
    expect(controller.state.accounts).toMatchObject({ items: null, error: { status: 503 } });
    fake.answers.set('GET accounts', { status: 200, body: { items: [FACEBOOK] } });
    await controller.loadAccounts();
    expect(controller.state.accounts).toMatchObject({ items: [FACEBOOK], error: null });
  });
});
