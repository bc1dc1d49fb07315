/**
 * The bundle's entry: registers `<fanfare-widget>`, installs `window.Fanfare`, and mounts the widget
 * by itself when its `<script>` tag carries data attributes:
 *
 *   <script src="https://fanfare.example/widget.js" data-publishable-key="pk_…" data-locale="de" async></script>
 *
 * or, from the page's own script once this one has loaded: `Fanfare.init({ publishableKey: 'pk_…' })`.
 * A second copy of the script on the same page changes nothing: the first one's global stays.
 */
import { ELEMENT_NAME, FanfareWidgetElement } from './fanfare-widget.element';
import { createFanfare, warn } from './loader';
import { apiBaseFromScriptSrc, mergeOptions, parseScriptDataset, wantsAutoInit } from './options';

// Only readable while this script runs for the first time, so it is read right away. The API
// serves this script, so its origin is where the API lives unless `data-api-base` says otherwise.
const script = document.currentScript as HTMLScriptElement | null;
const dataset = script?.dataset ?? {};
const scriptApiBase = apiBaseFromScriptSrc(script?.src);

if (customElements.get(ELEMENT_NAME) === undefined) {
  customElements.define(ELEMENT_NAME, FanfareWidgetElement);
}

if (window.Fanfare === undefined) {
  const fromScript = parseScriptDataset(dataset);
  warn(fromScript.warnings);
  const fanfare = createFanfare(
    mergeOptions(scriptApiBase === undefined ? {} : { apiBase: scriptApiBase }, fromScript.options),
  );
  Object.defineProperty(window, 'Fanfare', {
    value: fanfare,
    enumerable: true,
    configurable: false,
    writable: false,
  });
  if (wantsAutoInit(dataset)) {
    fanfare.init();
  }
}
