/**
 * The widget's options: what `Fanfare.init(...)` and the `<script>` tag's data attributes may say,
 * how untrusted input from the host page is checked, and which language the widget speaks.
 * Pure functions, no DOM: the loader passes in what it read from the page.
 */
import { LOCALES, type Locale } from '@fanfare/shared';

/** Used when neither the options, the page nor the browser name a language we speak. */
export const DEFAULT_LOCALE: Locale = 'en';

export interface FanfareOptions {
  /** The brand's publishable widget key, `pk_…`. */
  publishableKey?: string;
  /** A JWT that the brand's backend signed for the signed-in customer. */
  fanToken?: string;
  locale?: Locale;
}

export interface ParsedOptions {
  options: FanfareOptions;
  /** One line per value that was ignored, for the console of the brand's developer. */
  warnings: string[];
}

/** What the host page's `<script data-…>` tag carries (a DOMStringMap, or a plain record in tests). */
export type ScriptDataset = Readonly<Record<string, string | undefined>>;

const PUBLISHABLE_KEY = /^pk_[A-Za-z0-9_-]{1,200}$/;
// A compact JWS: header.payload.signature, each base64url.
const FAN_TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const MAX_FAN_TOKEN_LENGTH = 8192;

/** `de`, `de-AT`, `EN_gb` → the locale we speak, or undefined. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  if (typeof tag !== 'string') return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === primary);
}

/**
 * The explicit choice wins; then the host page's own language (`<html lang>`), because the widget
 * should match the shop the fan is reading; then the browser's preferences; then English.
 */
export function chooseLocale(
  requested: Locale | undefined,
  pageLanguage: string | null | undefined,
  browserLanguages: readonly string[] = [],
): Locale {
  if (requested !== undefined) return requested;
  const fromPage = toLocale(pageLanguage);
  if (fromPage !== undefined) return fromPage;
  for (const language of browserLanguages) {
    const fromBrowser = toLocale(language);
    if (fromBrowser !== undefined) return fromBrowser;
  }
  return DEFAULT_LOCALE;
}

/** Options given to `Fanfare.init(...)` by the host page's script: anything may arrive here. */
export function parseInitOptions(input: unknown): ParsedOptions {
  if (input === undefined || input === null) {
    return { options: {}, warnings: [] };
  }
  if (typeof input !== 'object' || Array.isArray(input)) {
    return {
      options: {},
      warnings: ['init() takes an object, e.g. Fanfare.init({ publishableKey: "pk_…" })'],
    };
  }
  const record = input as Record<string, unknown>;
  const warnings: string[] = [];
  const known = new Set(['publishableKey', 'fanToken', 'locale']);
  for (const key of Object.keys(record)) {
    if (!known.has(key)) warnings.push(`init(): unknown option "${key}" ignored`);
  }
  return {
    options: readValues(
      { publishableKey: record.publishableKey, fanToken: record.fanToken, locale: record.locale },
      (name) => `init(): ${name}`,
      warnings,
    ),
    warnings,
  };
}

/** `data-publishable-key`, `data-fan-token`, `data-locale` on the widget's own `<script>` tag. */
export function parseScriptDataset(dataset: ScriptDataset): ParsedOptions {
  const warnings: string[] = [];
  const options = readValues(
    { publishableKey: dataset.publishableKey, fanToken: dataset.fanToken, locale: dataset.locale },
    (name) => `<script data-${kebab(name)}>`,
    warnings,
  );
  return { options, warnings };
}

/** Whether the script tag asks the widget to mount by itself (any of its data attributes is present). */
export function wantsAutoInit(dataset: ScriptDataset): boolean {
  return (
    dataset.publishableKey !== undefined || dataset.fanToken !== undefined || dataset.locale !== undefined
  );
}

/** Later sources win, value by value: script tag, then each `init()` call. */
export function mergeOptions(...sources: readonly FanfareOptions[]): FanfareOptions {
  const merged: FanfareOptions = {};
  for (const source of sources) {
    if (source.publishableKey !== undefined) merged.publishableKey = source.publishableKey;
    if (source.fanToken !== undefined) merged.fanToken = source.fanToken;
    if (source.locale !== undefined) merged.locale = source.locale;
  }
  return merged;
}

function readValues(
  raw: { publishableKey: unknown; fanToken: unknown; locale: unknown },
  label: (name: keyof FanfareOptions) => string,
  warnings: string[],
): FanfareOptions {
  const options: FanfareOptions = {};

  const publishableKey = text(raw.publishableKey);
  if (publishableKey !== undefined) {
    if (PUBLISHABLE_KEY.test(publishableKey)) options.publishableKey = publishableKey;
    else warnings.push(`${label('publishableKey')} ignored: a publishable key looks like "pk_…"`);
  } else if (raw.publishableKey !== undefined && typeof raw.publishableKey !== 'string') {
    warnings.push(`${label('publishableKey')} ignored: must be a string`);
  }

  const fanToken = text(raw.fanToken);
  if (fanToken !== undefined) {
    if (fanToken.length <= MAX_FAN_TOKEN_LENGTH && FAN_TOKEN.test(fanToken)) options.fanToken = fanToken;
    // Never echo the token itself: it identifies a customer.
    else warnings.push(`${label('fanToken')} ignored: it is not a signed token (JWT)`);
  } else if (raw.fanToken !== undefined && typeof raw.fanToken !== 'string') {
    warnings.push(`${label('fanToken')} ignored: must be a string`);
  }

  const localeText = text(raw.locale);
  if (localeText !== undefined) {
    const locale = toLocale(localeText);
    if (locale !== undefined) options.locale = locale;
    else warnings.push(`${label('locale')} "${localeText}" ignored: the widget speaks ${LOCALES.join(', ')}`);
  } else if (raw.locale !== undefined && typeof raw.locale !== 'string') {
    warnings.push(`${label('locale')} ignored: must be a string`);
  }

  return options;
}

/** A non-empty trimmed string, or undefined. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
