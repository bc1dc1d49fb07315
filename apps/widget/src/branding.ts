/**
 * The brand's look and words in the widget: colours and texts from `/config`, overridden by the
 * `theme` and `texts` options (the admin's live preview), else the widget's own. Pure.
 */
import { type Messages } from './messages';
import { isColour, type TextOptions, type ThemeOptions } from './options';
import { type WidgetConfig } from './widget-api';

/** Brass orange, the admin's primary colour; white text on it is above 4.5:1. */
export const DEFAULT_THEME = { primaryColor: '#c2410c', textColor: '#1f2937', backgroundColor: '#ffffff' };

/** The CSS custom properties set on `:host`, which styles.ts reads. */
export function themeVariables(
  fromConfig: WidgetConfig['theme'] | undefined,
  fromOptions: ThemeOptions | undefined,
): Record<string, string> {
  const pick = (name: keyof typeof DEFAULT_THEME): string => {
    const configured = fromConfig?.[name];
    return fromOptions?.[name] ?? (isColour(configured) ? configured : DEFAULT_THEME[name]);
  };
  const primary = pick('primaryColor');
  return {
    '--fanfare-primary': primary,
    '--fanfare-on-primary': readableOn(primary),
    '--fanfare-text': pick('textColor'),
    '--fanfare-bg': pick('backgroundColor'),
  };
}

/** White or near-black, whichever contrasts more with a `#rrggbb` background (WCAG luminance). */
export function readableOn(background: string): string {
  const channels = [1, 3, 5].map((start) => {
    const value = parseInt(background.slice(start, start + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  const [r = 0, g = 0, b = 0] = channels;
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white: 1.05 / (L + 0.05); with #111827 (L ≈ 0.0089): (L + 0.05) / 0.0589.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.0589 ? '#ffffff' : '#111827';
}

export function brandTexts(
  fromConfig: WidgetConfig['texts'] | undefined,
  fromOptions: TextOptions | undefined,
  messages: Messages,
): { title: string; welcome: string } {
  return {
    title: fromOptions?.title ?? (fromConfig?.title || messages.panelTitle),
    welcome: fromOptions?.welcome ?? (fromConfig?.welcome || messages.welcome),
  };
}
