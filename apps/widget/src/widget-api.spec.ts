import { ApiError, createWidgetApi, safeUrl, toApiError } from './widget-api';
import { account, CONFIG, fakeFetch, LINK_CODE, ME, problem, redemption, reward } from './test-fixtures';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjdXN0LTQyIn0.c2lnbmF0dXJl';
const BASE = { apiBase: 'https://fanfare.example', publishableKey: 'pk_demo', locale: 'de' as const };

describe('the widget API client', () => {
  it('names the brand and the language in every request, and sends no cookies', async () => {
    const fake = fakeFetch({
      'GET config': { status: 200, body: CONFIG },
      'GET rewards': { status: 200, body: { items: [reward()] } },
    });
    const api = createWidgetApi(BASE, fake.fetch);
    expect(await api.config()).toEqual(CONFIG);
    expect(await api.rewards()).toEqual([reward()]);
    for (const request of fake.requests) {
      expect(request.query).toMatchObject({ pk: 'pk_demo', locale: 'de' });
      expect(request.credentials).toBe('omit');
    }
  });

  it('sends no Authorization header without a fan token (no CORS preflight for public data)', async () => {
    const fake = fakeFetch({ 'GET ways-to-earn': { status: 200, body: { items: [] } } });
    await createWidgetApi(BASE, fake.fetch).waysToEarn();
    expect(fake.requests[0]?.headers).toEqual({ Accept: 'application/json' });
  });

  it("sends the fan's token as a bearer token when there is one", async () => {
    const fake = fakeFetch({ 'GET me': { status: 200, body: ME } });
    expect(await createWidgetApi({ ...BASE, fanToken: TOKEN }, fake.fetch).me()).toEqual(ME);
    expect(fake.requests[0]?.headers.Authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('asks for a history page by cursor and says when there is no next page', async () => {
    const fake = fakeFetch({ 'GET history': { status: 200, body: { items: [], nextCursor: '' } } });
    const page = await createWidgetApi({ ...BASE, fanToken: TOKEN }, fake.fetch).history('c2');
    expect(fake.requests[0]?.query).toEqual({ pk: 'pk_demo', locale: 'de', limit: '20', cursor: 'c2' });
    expect(page).toEqual({ items: [], nextCursor: null });
  });

  it('posts a redemption with its Idempotency-Key, and the address only when there is one', async () => {
    const fake = fakeFetch({ 'POST redemptions': { status: 201, body: redemption() } });
    const api = createWidgetApi({ ...BASE, fanToken: TOKEN }, fake.fetch);
    expect(await api.redeem('reward-coffee', 'key-1')).toEqual(redemption());
    const address = {
      name: 'Anna',
      street: 'Hauptstr. 1',
      postalCode: '10115',
      city: 'Berlin',
      country: 'DE',
    };
    await api.redeem('reward-mug', 'key-2', address);
    expect(
      fake.requests.map(({ body, headers }) => [body, headers['Idempotency-Key'], headers['Content-Type']]),
    ).toEqual([
      [{ rewardId: 'reward-coffee' }, 'key-1', 'application/json'],
      [{ rewardId: 'reward-mug', shippingAddress: address }, 'key-2', 'application/json'],
    ]);
  });

  it("reads the fan's linked accounts with her token", async () => {
    const fake = fakeFetch({ 'GET accounts': { status: 200, body: { items: [account()] } } });
    expect(await createWidgetApi({ ...BASE, fanToken: TOKEN }, fake.fetch).accounts()).toEqual([account()]);
    expect(fake.requests[0]).toMatchObject({
      method: 'GET',
      query: { pk: 'pk_demo', locale: 'de' },
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
  });

  it('asks for a link code by network, without an Idempotency-Key (asking again answers the same code)', async () => {
    const fake = fakeFetch({ 'POST link-codes': { status: 200, body: LINK_CODE } });
    expect(await createWidgetApi({ ...BASE, fanToken: TOKEN }, fake.fetch).linkCode('instagram')).toEqual(
      LINK_CODE,
    );
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      query: { pk: 'pk_demo', locale: 'de' },
      body: { channel: 'instagram' },
      credentials: 'omit',
    });
    expect(fake.requests[0]?.headers).toEqual({
      Accept: 'application/json',
      Authorization: `Bearer ${TOKEN}`,
      'Content-Type': 'application/json',
    });
  });

  it("turns problem+json into an ApiError with the API's code, detail and field errors", async () => {
    const fake = fakeFetch({
      'POST redemptions': problem(422, 'validation_failed', 'The request is not valid.', [
        { field: 'shippingAddress.postalCode', reason: 'is required and must not be blank' },
      ]),
    });
    const error = await createWidgetApi({ ...BASE, fanToken: TOKEN }, fake.fetch)
      .redeem('reward-mug', 'key-1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      code: 'validation_failed',
      detail: 'The request is not valid.',
      fieldErrors: [{ field: 'shippingAddress.postalCode', reason: 'is required and must not be blank' }],
      retryable: false,
    });
  });

  it('calls a request that got no answer a retryable network problem', async () => {
    const fake = fakeFetch({ 'GET config': 'network' });
    await expect(createWidgetApi(BASE, fake.fetch).config()).rejects.toMatchObject({
      status: 0,
      code: 'network',
      retryable: true,
    });
  });

  it("names an answer that is not problem+json by its status (a proxy's error page)", () => {
    expect(toApiError(502, undefined)).toMatchObject({
      code: 'http_502',
      detail: undefined,
      retryable: true,
    });
    expect(toApiError(429, { code: 'too_many_attempts' }).retryable).toBe(true);
    expect(toApiError(409, { code: 'out_of_stock' }).retryable).toBe(false);
  });
});

describe('safeUrl', () => {
  it('follows http(s) links only', () => {
    expect(safeUrl('https://cdn.example/file.pdf')).toBe('https://cdn.example/file.pdf');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,<b>x</b>')).toBeUndefined();
    expect(safeUrl('/relative')).toBeUndefined();
    expect(safeUrl(null)).toBeUndefined();
  });
});
