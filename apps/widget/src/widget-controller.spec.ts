import { fakeFetch, type FakeAnswer, happyAnswers, ME, problem, redemption, reward } from './test-fixtures';
import { createWidgetApi } from './widget-api';
import { WidgetController } from './widget-controller';
import { type Action } from './widget-state';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjdXN0LTQyIn0.c2lnbmF0dXJl';

/** A controller on the real API client, talking to a fake fetch; keys are k1, k2, … */
function setUp(answers: Record<string, FakeAnswer>, signedIn = true) {
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
