/**
 * The few DOM helpers the widget draws with: elements from `createElement` (never innerHTML, so
 * pages that enforce Trusted Types work), inline SVG icons, and the constructed stylesheet.
 */
import { WIDGET_CSS } from './styles';

export type Child = Node | string | null | undefined | false;
/** Attributes (a string, or true for an empty one; false/undefined leave it out) and `on…` listeners. */
export type Props = Record<string, string | boolean | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, '');
    else if (typeof value === 'string') node.setAttribute(name, value);
  }
  for (const child of children) {
    // Strings become text nodes: whatever the API sends is shown, never parsed as markup.
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

// Tabler Icons (MIT): "gift", "x", "link", "circle-check" and the four networks' brand icons.
export const GIFT_ICON = [
  'M3 9a1 1 0 0 1 1 -1h16a1 1 0 0 1 1 1v2a1 1 0 0 1 -1 1h-16a1 1 0 0 1 -1 -1l0 -2',
  'M12 8l0 13',
  'M19 12v7a2 2 0 0 1 -2 2h-10a2 2 0 0 1 -2 -2v-7',
  'M7.5 8a2.5 2.5 0 0 1 0 -5a4.8 8 0 0 1 4.5 5a4.8 8 0 0 1 4.5 -5a2.5 2.5 0 0 1 0 5',
];
export const CLOSE_ICON = ['M18 6l-12 12', 'M6 6l12 12'];
export const LINK_ICON = [
  'M9 15l6 -6',
  'M11 6l.463 -.536a5 5 0 0 1 7.071 7.072l-.534 .464',
  'M13 18l-.397 .534a5.068 5.068 0 0 1 -7.127 0a4.972 4.972 0 0 1 0 -7.071l.524 -.463',
];
export const VERIFIED_ICON = ['M3 12a9 9 0 1 0 18 0a9 9 0 1 0 -18 0', 'M9 12l2 2l4 -4'];
/** Accounts on other channels get LINK_ICON. */
export const CHANNEL_ICONS: Readonly<Record<string, readonly string[]>> = {
  instagram: [
    'M3 7a4 4 0 0 1 4 -4h10a4 4 0 0 1 4 4v10a4 4 0 0 1 -4 4h-10a4 4 0 0 1 -4 -4l0 -10',
    'M8.5 12a3.5 3.5 0 1 0 7 0a3.5 3.5 0 0 0 -7 0',
    'M17 7v.01',
  ],
  facebook: ['M7 10v4h3v7h4v-7h3l1 -4h-4v-2a1 1 0 0 1 1 -1h3v-4h-3a5 5 0 0 0 -5 5v2h-3'],
  whatsapp: [
    'M3 21l1.65 -3.8a9 9 0 1 1 3.4 2.9l-5.05 .9',
    'M9 10a.5 .5 0 0 0 1 0v-1a.5 .5 0 0 0 -1 0v1a5 5 0 0 0 5 5h1a.5 .5 0 0 0 0 -1h-1a.5 .5 0 0 0 0 1',
  ],
  x: ['M4 4l11.733 16h4.267l-11.733 -16l-4.267 0', 'M4 20l6.768 -6.768m2.46 -2.46l6.772 -6.772'],
};

export function icon(paths: readonly string[]): SVGSVGElement {
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

/**
 * Adopts the widget's stylesheet plus one of this element's own for its brand colours, and answers
 * a function that replaces the latter (`:host { --fanfare-primary: … }`). Constructed stylesheets
 * are not subject to the page's CSP `style-src`, and leave the host element without a `style`
 * attribute (which a custom element's constructor may not add). Old browsers get `<style>`s.
 */
export function adoptStyles(root: ShadowRoot): (hostCss: string) => void {
  if (
    'adoptedStyleSheets' in root &&
    typeof CSSStyleSheet === 'function' &&
    'replaceSync' in CSSStyleSheet.prototype
  ) {
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(WIDGET_CSS);
    }
    const ownSheet = new CSSStyleSheet();
    root.adoptedStyleSheets = [sharedSheet, ownSheet];
    return (hostCss) => ownSheet.replaceSync(hostCss);
  }
  const style = document.createElement('style');
  style.textContent = WIDGET_CSS;
  const own = document.createElement('style');
  root.append(style, own);
  return (hostCss) => {
    own.textContent = hostCss;
  };
}
