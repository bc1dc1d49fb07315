/**
 * `<fanfare-widget>`: a launcher button and a non-modal dialog with the fan's points, the rewards,
 * ways to earn, history and linked accounts, isolated from the shop's page in a Shadow DOM. It builds its DOM with
 * createElement (no innerHTML, so pages with Trusted Types work) and adopts a constructed
 * stylesheet (not subject to the page's CSP `style-src`). It stores nothing: no cookies, no
 * localStorage. It owns opening, closing, focus and brand colours; what the panel shows comes from
 * the controller's state (widget-state.ts), drawn by panel-view.ts.
 */
import { type Locale } from '@fanfare/shared';

import { brandTexts, themeVariables } from './branding';
import { adoptStyles, CLOSE_ICON, GIFT_ICON, h, icon } from './dom';
import { MESSAGES } from './messages';
import { chooseLocale, type FanfareOptions, toLocale } from './options';
import { panelBody, type ViewActions } from './panel-view';
import { createWidgetApi } from './widget-api';
import { WidgetController } from './widget-controller';
import { type Action, focusAfter, type WidgetState } from './widget-state';

export const ELEMENT_NAME = 'fanfare-widget';

export class FanfareWidgetElement extends HTMLElement {
  static readonly observedAttributes = ['locale'];

  private settings: FanfareOptions = {};
  private controller: WidgetController;
  /** Which API, brand, fan and language the controller was made for. */
  private connection = '';
  private readonly root: ShadowRoot;
  private readonly launcher: HTMLButtonElement;
  private readonly panel: HTMLDivElement;
  private readonly heading: HTMLHeadingElement;
  private readonly welcome: HTMLParagraphElement;
  private readonly closeButton: HTMLButtonElement;
  private readonly body: HTMLDivElement;
  private readonly actions: ViewActions;
  private readonly setHostCss: (css: string) => void;
  private hostCss = '';

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.setHostCss = adoptStyles(this.root);

    this.launcher = h('button', {
      type: 'button',
      class: 'launcher',
      'aria-expanded': 'false',
      'aria-controls': 'fanfare-panel',
    });
    this.launcher.append(icon(GIFT_ICON));

    this.heading = h('h2', { id: 'fanfare-title' });
    this.closeButton = h('button', { type: 'button', class: 'close' }, icon(CLOSE_ICON));
    this.welcome = h('p', { id: 'fanfare-welcome', class: 'hint' });
    this.body = h('div', { class: 'body' });
    this.panel = h(
      'div',
      {
        id: 'fanfare-panel',
        class: 'panel',
        role: 'dialog',
        'aria-labelledby': 'fanfare-title',
        'aria-describedby': 'fanfare-welcome',
        // Focus moves to the dialog itself, so screen readers announce its title and text first.
        tabindex: '-1',
      },
      h(
        'div',
        { class: 'header' },
        h('div', { class: 'title-row' }, this.heading, this.closeButton),
        this.welcome,
      ),
      this.body,
    );
    this.panel.hidden = true;

    // The launcher comes first, so Tab from it walks into the open panel.
    this.root.append(this.launcher, this.panel);

    this.launcher.addEventListener('click', () => (this.isOpen ? this.close(false) : this.open()));
    this.closeButton.addEventListener('click', () => this.close(true));
    this.root.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape' && this.isOpen) {
        event.stopPropagation();
        this.close(true);
      }
    });

    this.actions = {
      retry: () => void this.controller.load(),
      selectTab: (tab, focus) => {
        this.controller.selectTab(tab);
        if (focus) this.focusKey(`tab-${tab}`);
      },
      startRedeem: (rewardId) => this.controller.startRedeem(rewardId),
      cancelRedeem: () => this.controller.cancelRedeem(),
      editAddress: (field, value) => this.controller.editAddress(field, value),
      confirmRedeem: () => void this.controller.confirmRedeem(),
      finishRedeem: () => this.controller.finishRedeem(),
      loadMore: () => void this.controller.loadMore(),
      loadAccounts: () => void this.controller.loadAccounts(),
      requestCode: (channel) => void this.controller.requestCode(channel),
      checkAgain: () => this.controller.checkAgain(),
      closeCode: () => this.controller.closeCode(),
    };
    this.controller = this.connect();
    this.render(null);
  }

  /** What `Fanfare.init()` and the script tag settled on; the locale is kept as an attribute. */
  configure(options: FanfareOptions): void {
    this.settings = { ...options };
    delete this.settings.locale;
    if (options.locale !== undefined) {
      this.setAttribute('locale', options.locale);
    } else {
      this.removeAttribute('locale');
    }
    this.reconnect();
  }

  get options(): Readonly<FanfareOptions> {
    return { ...this.settings, locale: this.locale };
  }

  /** The `locale` attribute when it names one we speak; otherwise the page's or browser's language. */
  get locale(): Locale {
    return chooseLocale(
      toLocale(this.getAttribute('locale')),
      document.documentElement.lang,
      navigator.languages,
    );
  }

  get isOpen(): boolean {
    return !this.panel.hidden;
  }

  open(): void {
    this.panel.hidden = false;
    this.launcher.setAttribute('aria-expanded', 'true');
    this.panel.focus();
    if (this.controller.state.phase === 'unconfigured') {
      console.warn(
        '[Fanfare] nothing to show: the widget needs a publishableKey, and an apiBase when the script was not loaded from the Fanfare API',
      );
    }
    void this.controller.open();
  }

  /** New figures from the API (a purchase was booked meanwhile); nothing to do before the first open. */
  refresh(): void {
    void this.controller.reload();
  }

  close(returnFocus: boolean): void {
    if (!this.isOpen) return;
    this.panel.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'false');
    // A confirmation not yet sent is dropped; one on its way finishes and shows on the next open.
    // Polling for a linked account stops; the next open looks again.
    this.controller.close();
    if (returnFocus) this.launcher.focus();
  }

  attributeChangedCallback(): void {
    // Before the constructor finished (an upgraded element with `locale` set) there is nothing to redo.
    if (this.controller !== undefined) this.reconnect();
  }

  /** Another key, token, API or language: start over with a new controller; else just redraw. */
  private reconnect(): void {
    const { apiBase, publishableKey, fanToken } = this.settings;
    const connection = [apiBase, publishableKey, fanToken, this.locale].join('\n');
    if (connection !== this.connection) {
      this.controller.dispose();
      this.controller = this.connect();
      if (this.isOpen) void this.controller.open();
    }
    this.render(null);
  }

  private connect(): WidgetController {
    const { apiBase, publishableKey, fanToken } = this.settings;
    const locale = this.locale;
    this.connection = [apiBase, publishableKey, fanToken, locale].join('\n');
    const api =
      apiBase !== undefined && publishableKey !== undefined
        ? createWidgetApi({ apiBase, publishableKey, fanToken, locale }, (url, init) => fetch(url, init))
        : null;
    return new WidgetController(api, fanToken !== undefined, (state, previous, action) =>
      this.changed(state, previous, action),
    );
  }

  private changed(state: WidgetState, previous: WidgetState, action: Action): void {
    // Typing in the address form redraws nothing: the input keeps its caret and the fan's text.
    if (action.type === 'editAddress') return;
    this.render(focusAfter(action, previous, state));
  }

  private render(focus: string | null): void {
    const state = this.controller.state;
    const locale = this.locale;
    const messages = MESSAGES[locale];
    const texts = brandTexts(state.data?.config.texts, this.settings.texts, messages);
    // Only checked `#rrggbb` colours reach this CSS text (see branding.ts).
    const variables = Object.entries(themeVariables(state.data?.config.theme, this.settings.theme));
    const hostCss = `:host{${variables.map(([name, value]) => `${name}:${value}`).join(';')}}`;
    if (hostCss !== this.hostCss) {
      this.hostCss = hostCss;
      this.setHostCss(hostCss);
    }
    // Screen readers pronounce the widget in its own language, whatever the page's is.
    this.launcher.lang = locale;
    this.panel.lang = locale;
    this.launcher.setAttribute('aria-label', messages.launcherLabel);
    this.heading.textContent = texts.title;
    this.welcome.textContent = texts.welcome;
    this.closeButton.setAttribute('aria-label', messages.close);

    const active = this.root.activeElement;
    const activeKey = active?.getAttribute('data-focus') ?? null;
    const busy =
      state.phase === 'loading' ||
      state.phase === 'idle' ||
      state.redeem?.step === 'redeeming' ||
      state.accounts.loading ||
      state.accounts.flow?.step === 'requesting';
    this.body.setAttribute('aria-busy', String(busy));
    this.body.replaceChildren(...panelBody(state, { locale, messages, actions: this.actions }));

    if (!this.isOpen) return;
    if (!this.focusKey(focus ?? activeKey) && active !== null && !active.isConnected) {
      // What had focus is gone (Retry, the last "load more"): keep focus nearby, inside the dialog.
      if (!this.focusKey('tabpanel')) this.panel.focus();
    }
  }

  private focusKey(key: string | null): boolean {
    if (key === null) return false;
    const target = this.root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`);
    target?.focus();
    return target !== null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fanfare-widget': FanfareWidgetElement;
  }
}
