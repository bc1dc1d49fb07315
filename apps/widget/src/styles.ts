/**
 * The widget's styles, scoped by its Shadow DOM. `:host` resets what the shop's CSS would
 * otherwise pass down, so the widget looks the same on every site. Brand colours arrive as custom
 * properties on `:host` (`--fanfare-primary`, `--fanfare-on-primary`, `--fanfare-text`,
 * `--fanfare-bg`; see branding.ts), with the admin's brass orange as the fallback.
 * Focus rings are always visible: the launcher's is dark with a white halo (it sits on the shop's
 * page, light or dark); inside the panel the ring takes the text colour with a background halo.
 * Below 480 px the panel covers nearly the whole screen above the launcher. Success (an account
 * linked) and the "verified" mark are green, problems red, each with a bar or icon besides colour.
 * (Comments inside the CSS string would ship in the bundle, so they live here.)
 */
export const WIDGET_CSS = `
:host {
  all: initial;
  position: fixed;
  right: 16px;
  bottom: 16px;
  z-index: 2147483000;
  font: 400 16px/1.5 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--fanfare-text, #1f2937);
  -webkit-text-size-adjust: 100%;
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
button, input { font: inherit; color: inherit; }
button { cursor: pointer; }
button[aria-disabled="true"] { cursor: progress; opacity: 0.7; }
:focus-visible {
  outline: 3px solid var(--fanfare-text, #1f2937);
  outline-offset: 2px;
  box-shadow: 0 0 0 2px var(--fanfare-bg, #fff);
}
.launcher:focus-visible { outline-color: #1f2937; box-shadow: 0 0 0 2px #fff; }
[role="dialog"]:focus-visible, [role="tabpanel"]:focus-visible, h3:focus-visible, .success:focus-visible {
  outline: 2px solid var(--fanfare-primary, #c2410c);
  outline-offset: -2px;
  box-shadow: none;
}
.launcher {
  display: grid;
  place-items: center;
  width: 56px;
  height: 56px;
  padding: 0;
  border: 0;
  border-radius: 50%;
  background: var(--fanfare-primary, #c2410c);
  color: var(--fanfare-on-primary, #fff);
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.25);
}
.launcher:hover, .primary:hover { filter: brightness(0.9); }
.launcher svg { width: 28px; height: 28px; }
.panel {
  position: absolute;
  right: 0;
  bottom: 72px;
  display: flex;
  flex-direction: column;
  width: min(380px, calc(100vw - 32px));
  max-height: min(640px, calc(100vh - 104px));
  border-radius: 12px;
  background: var(--fanfare-bg, #fff);
  color: var(--fanfare-text, #1f2937);
  box-shadow: 0 10px 30px rgba(0, 0, 0, 0.2);
  overflow: hidden;
}
.panel[hidden] { display: none; }
.header { padding: 16px 20px 0; }
.title-row {
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 12px;
}
h2 { margin: 0; font-size: 18px; font-weight: 700; line-height: 1.3; }
h3 { margin: 0; font-size: 16px; font-weight: 600; line-height: 1.35; }
.body { flex: 1 1 auto; min-height: 0; overflow: auto; padding: 0 20px 20px; }
.close {
  display: grid;
  place-items: center;
  flex: none;
  width: 36px;
  height: 36px;
  padding: 0;
  border: 0;
  border-radius: 8px;
  background: transparent;
}
.close:hover { background: rgba(127, 127, 127, 0.15); }
.close svg { width: 20px; height: 20px; }
p { margin: 12px 0 0; }
.hint, .meta, .note, .empty { font-size: 14px; }
.meta { display: block; opacity: 0.8; }
.problem { padding: 8px 12px; border-left: 4px solid #b91c1c; background: rgba(185, 28, 28, 0.08); }
.summary { margin-top: 12px; padding: 12px; border-radius: 8px; background: rgba(127, 127, 127, 0.1); }
.summary p { margin: 0; }
.balance { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; }
.points { font-size: 24px; line-height: 1.2; }
.tier { font-size: 14px; }
.progress {
  height: 8px;
  margin-top: 8px;
  border-radius: 4px;
  background: rgba(127, 127, 127, 0.25);
  overflow: hidden;
}
.bar { height: 100%; background: var(--fanfare-primary, #c2410c); }
.tabs {
  display: flex;
  gap: 4px;
  margin-top: 12px;
  border-bottom: 1px solid rgba(127, 127, 127, 0.35);
}
[role="tab"] {
  flex: 1 1 0;
  min-height: 44px;
  padding: 8px 4px;
  border: 0;
  border-bottom: 3px solid transparent;
  background: transparent;
  font-size: 14px;
}
[role="tab"][aria-selected="true"] { border-bottom-color: var(--fanfare-primary, #c2410c); font-weight: 600; }
.tabpanel { padding-top: 4px; }
.tabpanel h3 { margin-top: 16px; }
.list { margin: 0; padding: 0; list-style: none; }
.list > li { padding: 12px 0; border-bottom: 1px solid rgba(127, 127, 127, 0.25); }
.list > li:last-child { border-bottom: 0; }
.row { display: flex; align-items: flex-start; justify-content: space-between; gap: 12px; }
.row > strong { flex: none; }
.card { display: flex; gap: 12px; }
.card img { flex: none; width: 64px; height: 64px; border-radius: 8px; object-fit: cover; }
.card-body { flex: 1 1 auto; min-width: 0; }
.card-body > * + * { margin-top: 4px; }
.description { font-size: 14px; }
.primary, .secondary {
  min-height: 40px;
  padding: 8px 16px;
  border-radius: 8px;
  font-weight: 600;
}
.primary {
  border: 0;
  background: var(--fanfare-primary, #c2410c);
  color: var(--fanfare-on-primary, #fff);
}
.secondary { border: 1px solid currentColor; background: transparent; }
.small { min-height: 32px; padding: 4px 10px; font-size: 14px; }
.body > .primary, .body > .secondary, .tabpanel > .secondary { margin-top: 12px; }
.flow { margin-top: 16px; }
.flow > * + * { margin-top: 12px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; }
.address { margin: 12px 0 0; padding: 0; border: 0; }
.address legend { padding: 0; font-weight: 600; }
.field { margin-top: 8px; }
.field label { display: block; font-size: 14px; }
.field input {
  width: 100%;
  min-height: 40px;
  padding: 6px 10px;
  border: 1px solid rgba(127, 127, 127, 0.6);
  border-radius: 6px;
  background: var(--fanfare-bg, #fff);
}
.field input[aria-invalid="true"] { border-color: #b91c1c; }
.field-error { margin: 4px 0 0; color: #b91c1c; font-size: 14px; }
.code-row { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-top: 6px; }
.code {
  padding: 4px 8px;
  border: 1px dashed currentColor;
  border-radius: 6px;
  font: 600 16px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  letter-spacing: 0.05em;
  user-select: all;
}
.code.big { padding: 8px 14px; font-size: 24px; letter-spacing: 0.1em; }
.copied { font-size: 14px; }
.success { padding: 8px 12px; border-left: 4px solid #15803d; background: rgba(21, 128, 61, 0.1); font-weight: 600; }
.account-name { display: flex; align-items: flex-start; gap: 10px; min-width: 0; overflow-wrap: anywhere; }
.account svg, .link-buttons svg { flex: none; width: 20px; height: 20px; }
.account-name svg { margin-top: 2px; }
.verified { display: flex; flex: none; align-items: center; gap: 4px; font-size: 14px; font-weight: 600; }
.verified svg { width: 16px; height: 16px; color: #15803d; }
.link-buttons { display: grid; gap: 8px; margin-top: 12px; }
.link-buttons button { display: flex; align-items: center; gap: 10px; text-align: start; }
.link { display: inline-block; margin-top: 6px; color: inherit; font-weight: 600; }
@media (max-width: 480px) {
  .panel {
    position: fixed;
    top: 8px;
    right: 8px;
    bottom: 80px;
    left: 8px;
    width: auto;
    max-height: none;
  }
}
@media (prefers-reduced-motion: no-preference) {
  .panel { animation: fanfare-open 120ms ease-out; }
}
@keyframes fanfare-open {
  from { opacity: 0; transform: translateY(8px); }
  to { opacity: 1; transform: none; }
}
@media (forced-colors: active) {
  .launcher, .panel { border: 1px solid CanvasText; }
  .bar { background: Highlight; }
  [role="tab"][aria-selected="true"] { border-bottom-color: Highlight; }
  .verified svg { color: CanvasText; }
}
`;
