/**
 * `window.Fanfare`: the widget's whole public surface. `init()` checks what the host page passed,
 * merges it over the `<script>` tag's data attributes and mounts one `<fanfare-widget>` (the one the
 * page placed itself, or a new one at the end of <body>). Calling it again reconfigures that widget.
 */
import { ELEMENT_NAME } from './fanfare-widget.element';
import { type FanfareOptions, mergeOptions, parseInitOptions } from './options';

export interface FanfareApi {
  init(options?: FanfareOptions): void;
  /** Opens the panel (after init). */
  open(): void;
  close(): void;
  /** Fetches the fan's points, rewards and history again, e.g. after the shop reported a purchase. */
  refresh(): void;
}

declare global {
  interface Window {
    Fanfare?: FanfareApi;
  }
}

export function createFanfare(fromScript: FanfareOptions): FanfareApi {
  return Object.freeze({
    init(input?: FanfareOptions): void {
      const parsed = parseInitOptions(input);
      warn(parsed.warnings);
      // Each init() replaces the previous one's options (so a fan token can be taken away again).
      const options = mergeOptions(fromScript, parsed.options);
      whenBodyReady(() => {
        const widget =
          document.querySelector(ELEMENT_NAME) ??
          document.body.appendChild(document.createElement(ELEMENT_NAME));
        widget.configure(options);
      });
    },
    open(): void {
      whenBodyReady(() => document.querySelector(ELEMENT_NAME)?.open());
    },
    close(): void {
      whenBodyReady(() => document.querySelector(ELEMENT_NAME)?.close(false));
    },
    refresh(): void {
      whenBodyReady(() => document.querySelector(ELEMENT_NAME)?.refresh());
    },
  });
}

export function warn(warnings: readonly string[]): void {
  for (const warning of warnings) {
    console.warn(`[Fanfare] ${warning}`);
  }
}

function whenBodyReady(run: () => void): void {
  if (document.body !== null && document.readyState !== 'loading') {
    run();
  } else {
    document.addEventListener('DOMContentLoaded', run, { once: true });
  }
}
