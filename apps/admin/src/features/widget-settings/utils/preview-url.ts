// The live preview's address: the preview page (served next to the widget) with the publishable key
// and the form's current, unsaved colours and texts as query parameters.
import { THEME_COLOURS, TEXT_NAMES, type WidgetFormValues, type WidgetLocale, isColour } from './widget-form';

export const PREVIEW_PATH = '/demo/preview.html';

export interface PreviewInput {
  publishableKey: string;
  locale: WidgetLocale;
  values: Pick<WidgetFormValues, 'theme' | 'texts'>;
}

/**
 * Empty values are left out (the preview then shows the saved or the widget's own), and so are
 * colours still being typed: a half-typed `#b4` must not flash a broken theme.
 */
export function previewUrl({ publishableKey, locale, values }: PreviewInput): string {
  const params: Array<[string, string]> = [
    ['pk', publishableKey],
    ['locale', locale],
  ];
  for (const colour of THEME_COLOURS) {
    const value = values.theme[colour].trim();
    if (isColour(value)) params.push([colour, value.toLowerCase()]);
  }
  for (const name of TEXT_NAMES) {
    const value = values.texts[locale][name].trim();
    if (value) params.push([name, value]);
  }
  // encodeURIComponent rather than URLSearchParams: spaces become %20, which every reader decodes.
  const query = params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
  return `${PREVIEW_PATH}?${query}`;
}
