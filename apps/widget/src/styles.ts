/**
 * The widget's styles, scoped by its Shadow DOM. `:host` resets what the shop's CSS would
 * otherwise pass down, so the widget looks the same on every site. Brass orange #c2410c is the
 * admin's primary colour; white text on it is above 4.5:1 contrast. Buttons get a dark focus ring
 * with a white halo, visible on light and dark shop pages alike; the dialog, which takes focus when
 * it opens so that its title is announced, gets a quieter one.
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
  color: #1f2937;
  -webkit-text-size-adjust: 100%;
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
button { font: inherit; cursor: pointer; }
button:focus-visible {
  outline: 3px solid #1f2937;
  outline-offset: 2px;
  box-shadow: 0 0 0 2px #fff;
}
[role="dialog"]:focus-visible {
  outline: 2px solid #c2410c;
  outline-offset: -2px;
}
.launcher {
  display: grid;
  place-items: center;
  width: 56px;
  height: 56px;
  padding: 0;
  border: 0;
  border-radius: 50%;
  background: #c2410c;
  color: #fff;
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.25);
}
.launcher:hover { background: #9a3412; }
.launcher svg { width: 28px; height: 28px; }
.panel {
  position: absolute;
  right: 0;
  bottom: 72px;
  width: min(340px, calc(100vw - 32px));
  max-height: calc(100vh - 104px);
  overflow: auto;
  padding: 16px 20px 20px;
  border-radius: 12px;
  background: #fff;
  color: #1f2937;
  box-shadow: 0 10px 30px rgba(0, 0, 0, 0.2);
}
.panel[hidden] { display: none; }
.header {
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 12px;
}
h2 {
  margin: 0;
  font-size: 18px;
  font-weight: 700;
  line-height: 1.3;
  color: #7c2d12;
}
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
  color: #4b5563;
}
.close:hover { background: #f3f4f6; color: #1f2937; }
.close svg { width: 20px; height: 20px; }
p { margin: 12px 0 0; }
.hint { color: #4b5563; font-size: 14px; }
@media (prefers-reduced-motion: no-preference) {
  .panel { animation: fanfare-open 120ms ease-out; }
}
@keyframes fanfare-open {
  from { opacity: 0; transform: translateY(8px); }
  to { opacity: 1; transform: none; }
}
@media (forced-colors: active) {
  .launcher, .panel { border: 1px solid CanvasText; }
}
`;
