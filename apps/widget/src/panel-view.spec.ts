import { MESSAGES } from './messages';
import { panelBody, type ViewActions } from './panel-view';
import {
  account,
  CONFIG,
  type FakeElement,
  installFakeDocument,
  LINK_CODE,
  ME,
  reward,
} from './test-fixtures';
import { ApiError, type LinkedAccount } from './widget-api';
import { type Action, initialState, reduce, type WidgetState } from './widget-state';

const FACEBOOK = account({ channel: 'facebook', handle: null, since: '2025-01-05T08:00:00.000Z' });
const FAN_B = account();

function run(state: WidgetState, ...actions: Action[]): WidgetState {
  return actions.reduce(reduce, state);
}

/** Signed in and on the Accounts tab with `items` loaded (or still loading when null). */
function onAccounts(items: LinkedAccount[] | null = [FACEBOOK], signedIn = true): WidgetState {
  const loaded = run(
    initialState({ configured: true, signedIn }),
    { type: 'load' },
    {
      type: 'loaded',
      data: {
        config: CONFIG,
        me: signedIn ? ME : null,
        rewards: [reward()],
        waysToEarn: [],
        history: { items: [], nextCursor: null },
        redemptions: [],
      },
    },
    { type: 'selectTab', tab: 'accounts' },
    { type: 'loadAccounts' },
  );
  return items === null ? loaded : reduce(loaded, { type: 'accountsLoaded', items });
}

function withCode(state: WidgetState, ...more: Action[]): WidgetState {
  return run(
    state,
    { type: 'requestCode', channel: 'instagram' },
    { type: 'codeReceived', code: LINK_CODE },
    { type: 'watch' },
    ...more,
  );
}

/** What the fan clicked, recorded. */
function recordingActions(): { actions: ViewActions; done: string[] } {
  const done: string[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]): void => {
      // Listeners given straight to onclick get the event too: only the view's own arguments count.
      done.push([name, ...args.filter((arg) => typeof arg === 'string')].join(' '));
    };
  return {
    done,
    actions: {
      retry: record('retry'),
      selectTab: record('selectTab'),
      startRedeem: record('startRedeem'),
      cancelRedeem: record('cancelRedeem'),
      editAddress: record('editAddress'),
      confirmRedeem: record('confirmRedeem'),
      finishRedeem: record('finishRedeem'),
      loadMore: record('loadMore'),
      loadAccounts: record('loadAccounts'),
      requestCode: record('requestCode'),
      checkAgain: record('checkAgain'),
      closeCode: record('closeCode'),
    },
  };
}

describe('the panel view, Accounts tab', () => {
  let restore: () => void;
  const writes: string[] = [];

  beforeEach(() => {
    writes.length = 0;
    restore = installFakeDocument({
      clipboard: {
        writeText: (text: string) => {
          writes.push(text);
          return Promise.resolve();
        },
      },
    });
  });

  afterEach(() => restore());

  function draw(state: WidgetState, locale: 'de' | 'en' = 'de') {
    const { actions, done } = recordingActions();
    const nodes = panelBody(state, {
      locale,
      messages: MESSAGES[locale],
      actions,
    }) as unknown as FakeElement[];
    const all = nodes.flatMap((node) => node.all());
    const byFocus = (key: string): FakeElement | undefined =>
      all.find((element) => element.getAttribute('data-focus') === key);
    const tabpanel = byFocus('tabpanel');
    return { nodes, all, byFocus, done, text: tabpanel?.textContent ?? '', tabpanel };
  }

  it('offers the Accounts tab ("Konten") to signed-in fans only', () => {
    const tabs = (state: WidgetState) =>
      draw(state)
        .all.filter((element) => element.getAttribute('role') === 'tab')
        .map((tab) => tab.textContent);
    expect(tabs(onAccounts())).toEqual(['Prämien', 'Punkte sammeln', 'Verlauf', 'Konten']);
    const anonymous = reduce(onAccounts(null, false), { type: 'selectTab', tab: 'rewards' });
    expect(tabs(anonymous)).toEqual(['Prämien', 'Punkte sammeln']);
  });

  it('lists the linked accounts with network, @handle, the verified mark and since when', () => {
    const view = draw(onAccounts([FAN_B, { ...FACEBOOK, verified: false }]));
    const rows = view.all.filter((element) => element.getAttribute('class') === 'row account');
    expect(rows.map((row) => row.textContent)).toEqual([
      'Instagram@fan_b \u00b7 seit 12.03.2025Bestätigt',
      'Facebookseit 05.01.2025',
    ]);
    // Each row starts with its network's icon.
    expect(rows.map((row) => row.all()[2]?.tagName)).toEqual(['svg', 'svg']);
  });

  it('says when no account is linked yet, and offers a button per network', () => {
    const view = draw(onAccounts([]), 'en');
    expect(view.text).toContain('No accounts linked yet.');
    const buttons = ['instagram', 'facebook', 'whatsapp', 'x'].map((channel) =>
      view.byFocus(`link-${channel}`),
    );
    expect(buttons.map((button) => button?.textContent)).toEqual([
      'Link Instagram',
      'Link Facebook',
      'Link WhatsApp',
      'Link X',
    ]);
    buttons[0]?.click();
    expect(view.done).toEqual(['requestCode instagram']);
  });

  it('keeps the buttons focusable but inert while a code is on its way', () => {
    const view = draw(reduce(onAccounts(), { type: 'requestCode', channel: 'whatsapp' }));
    expect(view.byFocus('link-whatsapp')?.textContent).toBe('Code wird erstellt …');
    expect(view.byFocus('link-x')?.getAttribute('aria-disabled')).toBe('true');
    view.byFocus('link-x')?.click();
    expect(view.done).toEqual([]);
  });

  it('shows the code big with Copy, where to write it, until when, and that it waits', async () => {
    const view = draw(withCode(onAccounts()));
    expect(view.byFocus('link-code')?.textContent).toBe('Dein Code für Instagram');
    const code = view.all.find((element) => element.tagName === 'code');
    expect(code?.textContent).toBe('FAN-7K2Q9M');
    expect(code?.getAttribute('class')).toBe('code big');
    expect(view.text).toContain(
      'Schreib diesen Code von deinem Instagram-Konto als Kommentar unter einen beliebigen Beitrag von Bäckerei Sonnenschein',
    );
    expect(view.text).toMatch(/Gültig bis 13\.03\.2025, \d{2}:\d{2}/);
    expect(view.text).toContain('Wir warten auf deinen Kommentar oder deine Nachricht bei Instagram');
    // No network buttons while the code is shown; the list stays below it.
    expect(view.byFocus('link-instagram')).toBeUndefined();
    expect(view.text).toContain('Deine verknüpften Konten');

    view.byFocus('copy-FAN-7K2Q9M')?.click();
    await Promise.resolve();
    expect(writes).toEqual(['FAN-7K2Q9M']);
    expect(view.tabpanel?.textContent).toContain('Kopiert');
    view.byFocus('link-back')?.click();
    expect(view.done).toEqual(['closeCode']);
  });

  it('offers to check again once the polling has stopped', () => {
    const view = draw(withCode(onAccounts(), { type: 'unwatch' }), 'en');
    expect(view.text).toContain('Not linked yet? Once you have written the code, check again.');
    view.byFocus('check-again')?.click();
    expect(view.done).toEqual(['checkAgain']);
  });

  it('announces the account the code linked, and lists it', () => {
    const linked = withCode(onAccounts(), { type: 'accountsLoaded', items: [FACEBOOK, FAN_B] });
    const view = draw(linked, 'en');
    const message = view.byFocus('linked');
    expect(message?.textContent).toBe('Instagram account @fan_b linked');
    expect(message?.getAttribute('role')).toBe('status');
    expect(view.text).toContain('@fan_b \u00b7 since Mar 12, 2025');
    expect(view.byFocus('link-instagram')).toBeDefined();
  });

  it("shows a failed load with Retry, and a refused code in the API's words", () => {
    const failed = reduce(onAccounts(null), {
      type: 'accountsFailed',
      error: new ApiError(0, 'network', undefined),
    });
    const view = draw(failed, 'en');
    expect(view.text).toContain('We could not reach the server.');
    view.byFocus('accounts-retry')?.click();
    expect(view.done).toEqual(['loadAccounts']);

    const refused = run(
      onAccounts(),
      { type: 'requestCode', channel: 'x' },
      {
        type: 'codeFailed',
        error: new ApiError(409, 'fan_erased', 'An erased fan cannot get accounts linked.'),
      },
    );
    const alert = draw(refused, 'en').all.find((element) => element.getAttribute('role') === 'alert');
    expect(alert?.textContent).toBe('An erased fan cannot get accounts linked.');
    const noDetail = run(
      onAccounts(),
      { type: 'requestCode', channel: 'x' },
      { type: 'codeFailed', error: new ApiError(400, 'http_400', undefined) },
    );
    expect(draw(noDetail).text).toContain('Wir konnten dir gerade keinen Code erstellen.');
  });

  it('says it is loading until the accounts are there', () => {
    expect(draw(onAccounts(null)).text).toBe('Wird geladen …');
  });
});
