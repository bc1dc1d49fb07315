// The widget settings form's working copy and the PATCH body it becomes. The fields are named like
// the API's (`theme.primaryColor`, `texts.de.title`), so most of a problem's `errors[]` land on the
// field they name; `allowedOrigins.N` becomes one message on the origins field naming the bad value.
import type { TFunction } from 'i18next';

import type { ProblemFieldError, UpdateWidgetSettingsDto, WidgetSettingsDto } from '@/lib/api/types';

export const WIDGET_LOCALES = ['de', 'en'] as const;
export type WidgetLocale = (typeof WIDGET_LOCALES)[number];

export const THEME_COLOURS = ['primaryColor', 'textColor', 'backgroundColor'] as const;
export type ThemeColour = (typeof THEME_COLOURS)[number];

export const TEXT_NAMES = ['title', 'welcome'] as const;
export type TextName = (typeof TEXT_NAMES)[number];

/** The API's limits, so the inputs refuse what the server would. */
export const MAX_ORIGINS = 20;
export const MAX_TEXT_LENGTH: Record<TextName, number> = { title: 60, welcome: 300 };

export type TextSetValues = Record<TextName, string>;

export interface WidgetFormValues {
  allowedOrigins: string[];
  /** '' for "the widget's default colour". */
  theme: Record<ThemeColour, string>;
  /** '' for "the widget's own text". */
  texts: Record<WidgetLocale, TextSetValues>;
}

const COLOUR = /^#[0-9a-f]{6}$/i;

/** A colour as the API takes it, `#rrggbb`. */
export function isColour(value: string): boolean {
  return COLOUR.test(value);
}

export function valuesOf(settings: WidgetSettingsDto): WidgetFormValues {
  const textSet = (locale: WidgetLocale): TextSetValues => ({
    title: settings.texts[locale]?.title ?? '',
    welcome: settings.texts[locale]?.welcome ?? '',
  });
  return {
    allowedOrigins: [...settings.allowedOrigins],
    theme: {
      primaryColor: settings.theme.primaryColor ?? '',
      textColor: settings.theme.textColor ?? '',
      backgroundColor: settings.theme.backgroundColor ?? '',
    },
    texts: { de: textSet('de'), en: textSet('en') },
  };
}

function themeOf(values: WidgetFormValues): NonNullable<UpdateWidgetSettingsDto['theme']> {
  const theme: NonNullable<UpdateWidgetSettingsDto['theme']> = {};
  for (const colour of THEME_COLOURS) {
    const value = values.theme[colour].trim().toLowerCase();
    if (value) theme[colour] = value;
  }
  return theme;
}

function textsOf(values: WidgetFormValues): NonNullable<UpdateWidgetSettingsDto['texts']> {
  const texts: NonNullable<UpdateWidgetSettingsDto['texts']> = {};
  for (const locale of WIDGET_LOCALES) {
    const set: Partial<TextSetValues> = {};
    for (const name of TEXT_NAMES) {
      const value = values.texts[locale][name].trim();
      if (value) set[name] = value;
    }
    if (Object.keys(set).length > 0) texts[locale] = set;
  }
  return texts;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Only the parts that changed go to the API (each part replaces what was there), so the audit log
 * records exactly the user's edits. Empty colours and texts are left out: the widget's own apply.
 */
export function changesOf(settings: WidgetSettingsDto, values: WidgetFormValues): UpdateWidgetSettingsDto {
  const saved = valuesOf(settings);
  const changes: UpdateWidgetSettingsDto = {};
  const origins = values.allowedOrigins.map((origin) => origin.trim()).filter(Boolean);
  if (!sameJson(origins, saved.allowedOrigins)) changes.allowedOrigins = origins;
  const theme = themeOf(values);
  if (!sameJson(theme, themeOf(saved))) changes.theme = theme;
  const texts = textsOf(values);
  if (!sameJson(texts, textsOf(saved))) changes.texts = texts;
  return changes;
}

/** The form's own checks; the server checks origins (it also normalises them). */
export function widgetFormValidation(t: TFunction) {
  const colour = (value: string) =>
    value.trim() === '' || isColour(value.trim()) ? null : t('widgetSettings.appearance.colourInvalid');
  return {
    theme: { primaryColor: colour, textColor: colour, backgroundColor: colour },
  };
}

const ORIGIN_FIELD = /^allowedOrigins\.(\d+)$/;
const COLOUR_FIELD = /^theme\.(primaryColor|textColor|backgroundColor)$/;
const TEXT_FIELD = /^texts\.(de|en)\.(title|welcome)$/;

export interface PlacedErrors {
  /** Messages by form path, ready for `form.setErrors`. */
  onFields: Record<string, string>;
  /** Errors no field of this form shows; the caller tells the user another way. */
  elsewhere: ProblemFieldError[];
}

/** Puts the API's field errors on the form's fields, in the UI language where we know the reason. */
export function placeFieldErrors(
  errors: readonly ProblemFieldError[],
  values: WidgetFormValues,
  t: TFunction,
): PlacedErrors {
  const onFields: Record<string, string> = {};
  const elsewhere: ProblemFieldError[] = [];
  const add = (path: string, message: string) => {
    onFields[path] = onFields[path] ? `${onFields[path]} ${message}` : message;
  };
  for (const error of errors) {
    const origin = ORIGIN_FIELD.exec(error.field);
    if (origin) {
      const value = values.allowedOrigins[Number(origin[1])];
      add(
        'allowedOrigins',
        value === undefined
          ? t('widgetSettings.origins.invalidAny')
          : t('widgetSettings.origins.invalid', { origin: value }),
      );
    } else if (error.field === 'allowedOrigins') {
      add('allowedOrigins', error.reason);
    } else if (COLOUR_FIELD.test(error.field)) {
      add(error.field, t('widgetSettings.appearance.colourInvalid'));
    } else if (TEXT_FIELD.test(error.field)) {
      add(error.field, error.reason);
    } else {
      elsewhere.push(error);
    }
  }
  return { onFields, elsewhere };
}
