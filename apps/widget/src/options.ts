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
  /** Where the widget API lives (`https://host[/prefix]`); by default the origin of the script's `src`. */
  apiBase?: string;
  /** Brand colours that win over the ones `/config` answers (the admin's live preview sets them). */
  theme?: ThemeOptions;
  /** Texts that win over the ones `/config` answers. */
  texts?: TextOptions;
}

export const THEME_COLOURS = ['primaryColor', 'textColor', 'backgroundColor'] as const;
export type ThemeOptions = Partial<Record<(typeof THEME_COLOURS)[number], string>>;

export const TEXT_NAMES = ['title', 'welcome'] as const;
export type TextOptions = Partial<Record<(typeof TEXT_NAMES)[number], string>>;

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
const COLOUR = /^#[0-9a-fA-F]{6}$/;
const MAX_TEXT_LENGTH = 500;

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
  const known = new Set(['publishableKey', 'fanToken', 'locale', 'apiBase', 'theme', 'texts']);
  for (const key of Object.keys(record)) {
    if (!known.has(key)) warnings.push(`init(): unknown option "${key}" ignored`);
  }
  const options = readValues(record, (name) => `init(): ${name}`, warnings);
  const theme = readRecord(record.theme, THEME_COLOURS, 'theme', warnings, (value) =>
    isColour(value) ? undefined : 'a colour looks like "#rrggbb"',
  );
  if (theme !== undefined) options.theme = theme;
  const texts = readRecord(record.texts, TEXT_NAMES, 'texts', warnings, (value) =>
    value.length <= MAX_TEXT_LENGTH ? undefined : `longer than ${MAX_TEXT_LENGTH} characters`,
  );
  if (texts !== undefined) options.texts = texts;
  return { options, warnings };
}

/** A brand colour as the widget takes it, `#rrggbb` (from `init()` and from `/config` alike). */
export function isColour(value: unknown): value is string {
  return typeof value === 'string' && COLOUR.test(value);
}

/**
 * Where the widget API lives when nothing says otherwise: the origin the script was loaded from
 * (`document.currentScript.src`), since the API serves the script itself.
 */
export function apiBaseFromScriptSrc(src: string | null | undefined): string | undefined {
  const base = typeof src === 'string' ? toApiBase(src) : undefined;
  return base === undefined ? undefined : new URL(base).origin;
}

/**
 * `data-publishable-key`, `data-fan-token`, `data-locale`, `data-api-base` on the widget's own
 * `<script>` tag. (Theme and texts come from `/config` or `init()`, not from attributes.)
 */
export function parseScriptDataset(dataset: ScriptDataset): ParsedOptions {
  const warnings: string[] = [];
  const options = readValues(dataset, (name) => `<script data-${kebab(name)}>`, warnings);
  return { options, warnings };
}

/** Whether the script tag asks the widget to mount by itself (any of its data attributes is present). */
export function wantsAutoInit(dataset: ScriptDataset): boolean {
  return SCALARS.some((name) => dataset[name] !== undefined);
}

/** Later sources win, value by value: script origin, script tag, then each `init()` call. */
export function mergeOptions(...sources: readonly FanfareOptions[]): FanfareOptions {
  const merged: FanfareOptions = {};
  for (const source of sources) {
    for (const name of [...SCALARS, 'theme', 'texts'] as const) {
      if (source[name] !== undefined) Object.assign(merged, { [name]: source[name] });
    }
  }
  return merged;
}

const SCALARS = ['publishableKey', 'fanToken', 'locale', 'apiBase'] as const;

function readValues(
  raw: Readonly<Record<string, unknown>>,
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

  const apiBaseText = text(raw.apiBase);
  if (apiBaseText !== undefined) {
    const apiBase = toApiBase(apiBaseText);
    if (apiBase !== undefined) options.apiBase = apiBase;
    else
      warnings.push(`${label('apiBase')} ignored: an absolute http(s) URL, e.g. "https://fanfare.example"`);
  } else if (raw.apiBase !== undefined && typeof raw.apiBase !== 'string') {
    warnings.push(`${label('apiBase')} ignored: must be a string`);
  }

  return options;
}

/** `https://host/prefix/` → `https://host/prefix` (no query, no hash, no trailing slash). */
function toApiBase(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.origin + url.pathname.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/** An object of known string fields (theme, texts); each bad or unknown field dropped with a warning. */
function readRecord<K extends string>(
  value: unknown,
  names: readonly K[],
  option: string,
  warnings: string[],
  /** Why a value is refused, or undefined when it is fine. */
  refuse: (value: string) => string | undefined,
): Partial<Record<K, string>> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    warnings.push(`init(): ${option} ignored: must be an object with ${names.join(', ')}`);
    return undefined;
  }
  const record = value as Record<string, unknown>;
  const read: Partial<Record<K, string>> = {};
  for (const key of Object.keys(record)) {
    const name = names.find((known) => known === key);
    const raw = text(record[key]);
    if (name === undefined) {
      warnings.push(`init(): unknown option "${option}.${key}" ignored`);
    } else if (raw === undefined) {
      if (record[key] !== undefined)
        warnings.push(`init(): ${option}.${key} ignored: must be a non-empty string`);
    } else {
      const reason = refuse(raw);
      if (reason === undefined) read[name] = raw;
      else warnings.push(`init(): ${option}.${key} ignored: ${reason}`);
    }
  }
  return Object.keys(read).length > 0 ? read : undefined;
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
