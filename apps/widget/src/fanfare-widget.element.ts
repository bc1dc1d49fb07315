/**
 * `<fanfare-widget>`: a launcher button and a small non-modal dialog, isolated from the shop's page
 * in a Shadow DOM. It builds its DOM with createElement (no innerHTML, so pages with Trusted Types
 * work) and adopts a constructed stylesheet (not subject to the page's CSP `style-src`).
 * It stores nothing: no cookies, no localStorage.
 */
import { type Locale } from '@fanfare/shared';

import { type Messages, MESSAGES } from './messages';
import { chooseLocale, type FanfareOptions, toLocale } from './options';
import { WIDGET_CSS } from './styles';

export const ELEMENT_NAME = 'fanfare-widget';

// Tabler Icons (MIT): "gift" and "x".
const GIFT_ICON = [
  'M3 9a1 1 0 0 1 1 -1h16a1 1 0 0 1 1 1v2a1 1 0 0 1 -1 1h-16a1 1 0 0 1 -1 -1l0 -2',
  'M12 8l0 13',
  'M19 12v7a2 2 0 0 1 -2 2h-10a2 2 0 0 1 -2 -2v-7',
  'M7.5 8a2.5 2.5 0 0 1 0 -5a4.8 8 0 0 1 4.5 5a4.8 8 0 0 1 4.5 -5a2.5 2.5 0 0 1 0 5',
];
const CLOSE_ICON = ['M18 6l-12 12', 'M6 6l12 12'];

export class FanfareWidgetElement extends HTMLElement {
  static readonly observedAttributes = ['locale'];

  private credentials: FanfareOptions = {};
  private readonly launcher: HTMLButtonElement;
  private readonly panel: HTMLDivElement;
  private readonly heading: HTMLHeadingElement;
  private readonly comingSoon: HTMLParagraphElement;
  private readonly nothingYet: HTMLParagraphElement;
  private readonly closeButton: HTMLButtonElement;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root);

    this.launcher = element('button', {
      type: 'button',
      class: 'launcher',
      'aria-expanded': 'false',
      'aria-controls': 'fanfare-panel',
    });
    this.launcher.append(icon(GIFT_ICON));

    this.heading = element('h2', { id: 'fanfare-title' });
    this.closeButton = element('button', { type: 'button', class: 'close' });
    this.closeButton.append(icon(CLOSE_ICON));
    this.comingSoon = element('p', { id: 'fanfare-coming-soon' });
    this.nothingYet = element('p', { class: 'hint' });

    const header = element('div', { class: 'header' });
    header.append(this.heading, this.closeButton);
    this.panel = element('div', {
      id: 'fanfare-panel',
      class: 'panel',
      role: 'dialog',
      'aria-labelledby': 'fanfare-title',
      'aria-describedby': 'fanfare-coming-soon',
      // Focus moves to the dialog itself, so screen readers announce its title and text first.
      tabindex: '-1',
    });
    this.panel.hidden = true;
    this.panel.append(header, this.comingSoon, this.nothingYet);

    // The launcher comes first, so Tab from it walks into the open panel.
    root.append(this.launcher, this.panel);

    this.launcher.addEventListener('click', () => (this.isOpen ? this.close(false) : this.open()));
    this.closeButton.addEventListener('click', () => this.close(true));
    root.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape' && this.isOpen) {
        event.stopPropagation();
        this.close(true);
      }
    });
    this.render();
  }

  /** Key and fan token for the widget API (used once rewards arrive); the locale as an attribute. */
  configure(options: FanfareOptions): void {
    this.credentials = { publishableKey: options.publishableKey, fanToken: options.fanToken };
    if (options.locale !== undefined) {
      this.setAttribute('locale', options.locale);
    } else {
      this.removeAttribute('locale');
    }
    this.render();
  }

  get options(): Readonly<FanfareOptions> {
    return { ...this.credentials, locale: this.locale };
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
  }

  close(returnFocus: boolean): void {
    if (!this.isOpen) return;
    this.panel.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'false');
    if (returnFocus) this.launcher.focus();
  }

  attributeChangedCallback(): void {
    this.render();
  }

  private render(): void {
    const locale = this.locale;
    const text: Messages = MESSAGES[locale];
    // Screen readers pronounce the widget in its own language, whatever the page's is.
    this.launcher.lang = locale;
    this.panel.lang = locale;
    this.launcher.setAttribute('aria-label', text.launcherLabel);
    this.heading.textContent = text.panelTitle;
    this.comingSoon.textContent = text.comingSoon;
    this.nothingYet.textContent = text.nothingYet;
    this.closeButton.setAttribute('aria-label', text.close);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fanfare-widget': FanfareWidgetElement;
  }
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  return node;
}

function icon(paths: readonly string[]): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const attributes: Record<string, string> = {
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
    focusable: 'false',
  };
  for (const [name, value] of Object.entries(attributes)) {
    svg.setAttribute(name, value);
  }
  for (const d of paths) {
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

let sharedSheet: CSSStyleSheet | undefined;

function adoptStyles(root: ShadowRoot): void {
  if (
    'adoptedStyleSheets' in root &&
    typeof CSSStyleSheet === 'function' &&
    'replaceSync' in CSSStyleSheet.prototype
  ) {
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(WIDGET_CSS);
    }
    root.adoptedStyleSheets = [sharedSheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = WIDGET_CSS;
  root.append(style);
}
