/**
 * "Ways to earn" for the fan widget: one sentence per reward rule, in the fan's language, built from
 * the rule's trigger, award, conditions, limits and cooldown. Conditions become words only where a
 * fan plainly understands them (#hashtags, @mentions, a word in the text, stars, a minimum purchase,
 * the review site); any other condition is summed up as "conditions apply", so that no property name,
 * internal value or regular expression reaches the brand's page.
 */
import {
  type BuiltInEventType,
  type Channel,
  EVENT_TYPES,
  isChannel,
  LIMIT_WINDOWS,
  type LimitWindow,
  type Locale,
  type RuleAward,
  type RuleCondition,
  type RuleDefinition,
  type RuleLimit,
} from '@fanfare/shared';

import {
  andList,
  formatEuros,
  formatNumber,
  orList,
  pointsText,
  quote,
  sentenceCase,
  snap,
  titleCase,
  words,
} from './text-format';

export interface WayToEarnOptions {
  /** Names the campaign in a per-campaign limit: "during the “Summer” campaign". */
  campaignName?: string;
}

// ---------------------------------------------------------------------------------------------------
// Reading the rule: what a fan can be told, independent of the language
// ---------------------------------------------------------------------------------------------------

type NumberBound = { op: 'gte' | 'gt' | 'lte' | 'lt' | 'eq'; value: number } | { op: 'in'; values: number[] };

type CountedThing = 'star' | 'character';

/** One thing the fan's interaction must come "with". */
type WithItem =
  | { kind: 'tag'; tag: string }
  | { kind: 'anyTag'; tags: string[] }
  | { kind: 'text'; text: string }
  | { kind: 'count'; thing: CountedThing; bound: NumberBound };

interface ConditionSummary {
  withItems: WithItem[];
  /** Bounds on a purchase's amount, in euros (purchases only). */
  amounts: Array<Extract<NumberBound, { value: number }>>;
  /** Where a review was written (`source eq "google"`), replacing the channels in the sentence. */
  platforms: string[] | null;
  /** Some condition could not be put in a fan's words. */
  unexplained: boolean;
}

const HASHTAG_PROPERTY = /^hash_?tags?$/i;
const MENTION_PROPERTY = /^mentions?$/i;
const TEXT_PROPERTY = /^(?:text|message|caption|body|content|comment|comment_?text)$/i;
const RATING_PROPERTY = /^(?:rating|stars|star_?rating|rating_?value)$/i;
const LENGTH_PROPERTY = /^(?:text_?length|length|characters|char_?count|character_?count)$/i;
const AMOUNT_PROPERTY = /^(?:amount|total|order_?total|revenue)$/i;
/** As the policy guardrails recognise a review's site. */
const REVIEW_SOURCE_PROPERTY = /^(?:source|platform|site|provider|review_?source|review_?platform)$/i;

function lastSegment(path: string): string {
  return path.split('.').pop() ?? path;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** `"#Sunday"`, `"Sunday"` → "#Sunday"; nothing for texts that are not one tag. */
function asTag(value: unknown, prefix: '#' | '@'): string | null {
  if (typeof value !== 'string') {
    return null;
  }
  const bare = value.trim().replace(/^[#@]+/, '');
  return bare.length === 0 || /\s/.test(bare) ? null : `${prefix}${bare}`;
}

function asTags(value: unknown, prefix: '#' | '@'): string[] | null {
  if (!Array.isArray(value) || value.length === 0) {
    return null;
  }
  const tags = value.map((item) => asTag(item, prefix));
  return tags.every((tag): tag is string => tag !== null) ? tags : null;
}

/**
 * A numeric condition as a bound. Stars and characters are whole: "more than 3" reads better as "at
 * least 4".
 */
function asBound(condition: RuleCondition, whole: boolean): NumberBound | null {
  const { op, value } = condition;
  switch (op) {
    case 'gte':
    case 'lte':
    case 'eq':
      return isFiniteNumber(value) ? { op, value } : null;
    case 'gt':
      if (!isFiniteNumber(value)) return null;
      return whole && Number.isInteger(value) ? { op: 'gte', value: value + 1 } : { op, value };
    case 'lt':
      if (!isFiniteNumber(value)) return null;
      return whole && Number.isInteger(value) ? { op: 'lte', value: value - 1 } : { op, value };
    case 'in': {
      if (!Array.isArray(value) || !value.every(isFiniteNumber)) return null;
      const values = [...new Set(value)].sort((a, b) => a - b);
      const only = values[0];
      if (only === undefined) return null;
      return values.length === 1 ? { op: 'eq', value: only } : { op: 'in', values };
    }
    case 'neq':
    case 'contains':
    case 'exists':
    case 'matches':
      return null;
  }
}

function platformsOf(condition: RuleCondition): string[] | null {
  if (condition.op === 'eq' && typeof condition.value === 'string' && condition.value.trim() !== '') {
    return [condition.value.trim()];
  }
  if (
    condition.op === 'in' &&
    Array.isArray(condition.value) &&
    condition.value.length > 0 &&
    condition.value.every((item) => typeof item === 'string' && item.trim() !== '')
  ) {
    return (condition.value as string[]).map((item) => item.trim());
  }
  return null;
}

function summariseConditions(rule: RuleDefinition): ConditionSummary {
  const summary: ConditionSummary = { withItems: [], amounts: [], platforms: null, unexplained: false };
  const eventType = rule.trigger.eventType;
  for (const condition of rule.conditions) {
    if (!explain(condition, eventType, summary)) {
      summary.unexplained = true;
    }
  }
  return summary;
}

/** Adds the condition's words to the summary; false when it has none a fan would understand. */
function explain(condition: RuleCondition, eventType: string, summary: ConditionSummary): boolean {
  const property = lastSegment(condition.property);
  const { op, value } = condition;

  const tagPrefix = HASHTAG_PROPERTY.test(property) ? '#' : MENTION_PROPERTY.test(property) ? '@' : null;
  if (tagPrefix !== null) {
    if (op === 'contains') {
      const tag = asTag(value, tagPrefix);
      if (tag !== null) summary.withItems.push({ kind: 'tag', tag });
      return tag !== null;
    }
    if (op === 'in') {
      const tags = asTags(value, tagPrefix);
      if (tags !== null) {
        summary.withItems.push(tags.length === 1 ? { kind: 'tag', tag: tags[0]! } : { kind: 'anyTag', tags });
      }
      return tags !== null;
    }
    return false;
  }

  if (TEXT_PROPERTY.test(property)) {
    if (op !== 'contains' || typeof value !== 'string' || value.trim() === '') {
      return false;
    }
    const text = value.trim();
    const tag = /^[#@]/.test(text) ? asTag(text, text.startsWith('@') ? '@' : '#') : null;
    summary.withItems.push(tag !== null ? { kind: 'tag', tag } : { kind: 'text', text });
    return true;
  }

  const thing: CountedThing | null = RATING_PROPERTY.test(property)
    ? 'star'
    : LENGTH_PROPERTY.test(property)
      ? 'character'
      : null;
  if (thing !== null) {
    const bound = asBound(condition, true);
    if (bound !== null) summary.withItems.push({ kind: 'count', thing, bound });
    return bound !== null;
  }

  if (eventType === 'purchase' && AMOUNT_PROPERTY.test(property)) {
    const bound = asBound(condition, false);
    if (bound === null || bound.op === 'in') return false;
    summary.amounts.push(bound);
    return true;
  }

  if (eventType === 'review' && REVIEW_SOURCE_PROPERTY.test(property) && summary.platforms === null) {
    summary.platforms = platformsOf(condition);
    return summary.platforms !== null;
  }

  return false;
}

type UnitKind = 'euro' | 'item' | 'minute' | 'hour' | 'second' | 'star';

const UNIT_PROPERTIES: ReadonlyArray<[RegExp, UnitKind]> = [
  [AMOUNT_PROPERTY, 'euro'],
  [/^(?:quantity|items|item_?count)$/i, 'item'],
  [/^(?:minutes|watch_?minutes)$/i, 'minute'],
  [/^hours$/i, 'hour'],
  [/^(?:seconds|watch_?seconds|duration_?seconds)$/i, 'second'],
  [RATING_PROPERTY, 'star'],
];

function unitKindOf(property: string): UnitKind | null {
  const name = lastSegment(property);
  return UNIT_PROPERTIES.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}

/** How much one award is worth, as the fan reads it. */
interface AwardSummary {
  points: number;
  /** Per-unit awards: how many units earn `points`, and what a unit is. */
  perUnit: { size: number; kind: UnitKind | null; property: string; maxPoints: number | null } | null;
}

function summariseAward(award: RuleAward): AwardSummary {
  if (award.kind === 'fixed') {
    return { points: award.points, perUnit: null };
  }
  const unit = award.unit ?? 1;
  const perUnit = snap(award.pointsPerUnit);
  const per = {
    kind: unitKindOf(award.property),
    property: award.property,
    maxPoints: award.maxPoints ?? null,
  };
  if (Number.isInteger(perUnit)) {
    return { points: perUnit, perUnit: { ...per, size: unit } };
  }
  // 0.1 points per euro reads better as 1 point per 10 euros.
  const unitsPerPoint = snap(unit / perUnit);
  return Number.isInteger(unitsPerPoint)
    ? { points: 1, perUnit: { ...per, size: unitsPerPoint } }
    : { points: perUnit, perUnit: { ...per, size: unit } };
}

/** Whether a limit can never be reached before a wider one that contains it. */
function contains(wide: LimitWindow, narrow: LimitWindow): boolean {
  switch (wide) {
    case 'lifetime':
      return narrow !== 'lifetime';
    // A rule only awards during its campaign, so the campaign holds every day, week and month of it.
    case 'campaign':
      return narrow === 'day' || narrow === 'week' || narrow === 'month';
    case 'month':
    case 'week':
      return narrow === 'day';
    case 'day':
      return false;
  }
}

/** The limits that matter, narrowest first: "3 a day" says nothing when "once in total" holds. */
function effectiveLimits(limits: readonly RuleLimit[]): RuleLimit[] {
  return limits
    .filter(
      (limit) => !limits.some((other) => contains(other.window, limit.window) && other.max <= limit.max),
    )
    .sort((a, b) => LIMIT_WINDOWS.indexOf(a.window) - LIMIT_WINDOWS.indexOf(b.window));
}

type CooldownUnit = 'day' | 'hour' | 'minute' | 'second';

/** 7200 → 2 hours; 5400 → 90 minutes. A single day is "24 hours": a cooldown is not a calendar day. */
function cooldownIn(seconds: number): { count: number; unit: CooldownUnit } {
  if (seconds % 86_400 === 0 && seconds >= 2 * 86_400) return { count: seconds / 86_400, unit: 'day' };
  if (seconds % 3_600 === 0) return { count: seconds / 3_600, unit: 'hour' };
  if (seconds % 60 === 0) return { count: seconds / 60, unit: 'minute' };
  return { count: seconds, unit: 'second' };
}

const BUILT_IN: ReadonlySet<string> = new Set(EVENT_TYPES);

function isBuiltIn(eventType: string): eventType is BuiltInEventType {
  return BUILT_IN.has(eventType);
}

/** `custom:newsletter_signup` → "Newsletter signup". */
function customName(eventType: string): string {
  return sentenceCase(eventType.startsWith('custom:') ? eventType.slice('custom:'.length) : eventType);
}

// ---------------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------------

/** Where something happens: "on Instagram", "in store". Places with the same preposition share it. */
interface Place {
  preposition: string | null;
  name: string;
}

const CHANNEL_PLACES: Readonly<Record<Locale, Record<Channel, Place>>> = {
  en: {
    facebook: { preposition: 'on', name: 'Facebook' },
    instagram: { preposition: 'on', name: 'Instagram' },
    x: { preposition: 'on', name: 'X' },
    youtube: { preposition: 'on', name: 'YouTube' },
    tiktok: { preposition: 'on', name: 'TikTok' },
    whatsapp: { preposition: 'on', name: 'WhatsApp' },
    linkedin: { preposition: 'on', name: 'LinkedIn' },
    web: { preposition: null, name: 'online' },
    store: { preposition: null, name: 'in store' },
    email: { preposition: null, name: 'by email' },
    other: { preposition: 'on', name: 'another channel' },
  },
  de: {
    facebook: { preposition: 'auf', name: 'Facebook' },
    instagram: { preposition: 'auf', name: 'Instagram' },
    x: { preposition: 'auf', name: 'X' },
    youtube: { preposition: 'auf', name: 'YouTube' },
    tiktok: { preposition: 'auf', name: 'TikTok' },
    whatsapp: { preposition: 'über', name: 'WhatsApp' },
    linkedin: { preposition: 'auf', name: 'LinkedIn' },
    web: { preposition: null, name: 'online' },
    store: { preposition: null, name: 'im Laden' },
    email: { preposition: null, name: 'per E-Mail' },
    other: { preposition: 'auf', name: 'einem anderen Kanal' },
  },
};

const OWN_SHOP = /^(?:shop|store|website|web|own|onsite|on_site)$/i;

function platformPlace(value: string, locale: Locale): Place {
  if (OWN_SHOP.test(value)) {
    return { preposition: null, name: locale === 'de' ? 'in unserem Shop' : 'in our shop' };
  }
  // "TripAdvisor" keeps its spelling; "google_maps" becomes "Google Maps".
  const name = /[A-Z]/.test(value) ? value.replace(/[_-]+/g, ' ') : titleCase(value);
  return { preposition: locale === 'de' ? 'auf' : 'on', name };
}

/** "on Instagram or Facebook", "auf Instagram, Facebook oder im Laden". */
function placesText(places: readonly Place[], locale: Locale): string {
  const groups: Array<{ preposition: string | null; names: string[] }> = [];
  for (const place of places) {
    const group =
      place.preposition === null ? undefined : groups.find((g) => g.preposition === place.preposition);
    if (group) {
      group.names.push(place.name);
    } else {
      groups.push({ preposition: place.preposition, names: [place.name] });
    }
  }
  const pieces = groups.flatMap(({ preposition, names }) =>
    names.map((name, index) => (index === 0 && preposition !== null ? `${preposition} ${name}` : name)),
  );
  return orList(pieces, locale);
}

function placeOf(rule: RuleDefinition, conditions: ConditionSummary, locale: Locale): string | null {
  if (conditions.platforms !== null) {
    return placesText(
      conditions.platforms.map((platform) => platformPlace(platform, locale)),
      locale,
    );
  }
  // Stored rules were validated; a channel unknown to this build is left out rather than misnamed.
  const channels = [...new Set(rule.trigger.channels ?? [])].filter(isChannel);
  if (channels.length === 0) {
    return null;
  }
  return placesText(
    channels.map((channel) => CHANNEL_PLACES[locale][channel]),
    locale,
  );
}

interface Noun {
  one: string;
  other: string;
}

function noun(count: number, { one, other }: Noun): string {
  return count === 1 ? one : other;
}

/** Units of awards and of cooldowns, one table for both. */
const UNIT_NOUNS: Readonly<Record<Locale, Record<UnitKind | CooldownUnit, Noun>>> = {
  en: {
    day: { one: 'day', other: 'days' },
    euro: { one: 'euro', other: 'euros' },
    item: { one: 'item', other: 'items' },
    minute: { one: 'minute', other: 'minutes' },
    hour: { one: 'hour', other: 'hours' },
    second: { one: 'second', other: 'seconds' },
    star: { one: 'star', other: 'stars' },
  },
  de: {
    day: { one: 'Tag', other: 'Tage' },
    euro: { one: 'Euro', other: 'Euro' },
    item: { one: 'Artikel', other: 'Artikel' },
    minute: { one: 'Minute', other: 'Minuten' },
    hour: { one: 'Stunde', other: 'Stunden' },
    second: { one: 'Sekunde', other: 'Sekunden' },
    star: { one: 'Stern', other: 'Sterne' },
  },
};

/** "per euro", "per 10 euros", "pro Einheit von „watch time“". */
function perUnitText(perUnit: NonNullable<AwardSummary['perUnit']>, locale: Locale): string {
  const { size, kind } = perUnit;
  const per = locale === 'de' ? 'pro' : 'per';
  const units: Noun =
    kind !== null
      ? UNIT_NOUNS[locale][kind]
      : locale === 'de'
        ? { one: 'Einheit', other: 'Einheiten' }
        : { one: 'unit', other: 'units' };
  const amount = size === 1 ? units.one : `${formatNumber(size, locale)} ${units.other}`;
  if (kind !== null) {
    return `${per} ${amount}`;
  }
  const property = quote(words(lastSegment(perUnit.property)), locale);
  return locale === 'de' ? `${per} ${amount} von ${property}` : `${per} ${amount} of ${property}`;
}

/** Things counted after "with"/"mit" (German dative: "mit 4 Sternen"). */
const COUNTED_NOUNS: Readonly<Record<Locale, Record<CountedThing, Noun>>> = {
  en: {
    star: { one: 'star', other: 'stars' },
    character: { one: 'character', other: 'characters' },
  },
  de: {
    star: { one: 'Stern', other: 'Sternen' },
    character: { one: 'Zeichen', other: 'Zeichen' },
  },
};

const BOUND_WORDS: Readonly<Record<Locale, Record<'gte' | 'gt' | 'lte' | 'lt', string>>> = {
  en: { gte: 'at least', gt: 'more than', lte: 'at most', lt: 'fewer than' },
  de: { gte: 'mindestens', gt: 'mehr als', lte: 'höchstens', lt: 'weniger als' },
};

/** "at least 4 stars", "4 or 5 stars", "mindestens 50 Zeichen". */
function countText(thing: CountedThing, bound: NumberBound, locale: Locale): string {
  const nouns = COUNTED_NOUNS[locale][thing];
  if (bound.op === 'in') {
    return `${orList(
      bound.values.map((value) => formatNumber(value, locale)),
      locale,
    )} ${nouns.other}`;
  }
  const counted = `${formatNumber(bound.value, locale)} ${noun(bound.value, nouns)}`;
  return bound.op === 'eq' ? counted : `${BOUND_WORDS[locale][bound.op]} ${counted}`;
}

function withText(items: readonly WithItem[], locale: Locale): string | null {
  if (items.length === 0) {
    return null;
  }
  const texts = items.map((item) => {
    switch (item.kind) {
      case 'tag':
        return item.tag;
      case 'anyTag':
        return orList(item.tags, locale);
      case 'text':
        return `${quote(item.text, locale)} ${locale === 'de' ? 'im Text' : 'in the text'}`;
      case 'count':
        return countText(item.thing, item.bound, locale);
    }
  });
  return `${locale === 'de' ? 'mit' : 'with'} ${andList(texts, locale)}`;
}

const AMOUNT_WORDS: Readonly<Record<Locale, Record<'gte' | 'gt' | 'lte' | 'lt' | 'eq', string>>> = {
  en: { gte: 'at least', gt: 'more than', lte: 'at most', lt: 'less than', eq: '' },
  de: { gte: 'ab', gt: 'über', lte: 'bis', lt: 'unter', eq: 'von' },
};

/** "of at least €20" / "ab 20 €", to follow "a purchase" or "purchases". */
function amountText(bounds: ConditionSummary['amounts'], locale: Locale): string | null {
  if (bounds.length === 0) {
    return null;
  }
  const parts = bounds.map(({ op, value }) =>
    [AMOUNT_WORDS[locale][op], formatEuros(value, locale)].filter((part) => part !== '').join(' '),
  );
  const list = andList(parts, locale);
  return locale === 'de' ? list : `of ${list}`;
}

function limitText(limit: RuleLimit, locale: Locale, campaignName: string | undefined): string {
  const once = limit.max === 1;
  const times = formatNumber(limit.max, locale);
  if (locale === 'de') {
    const upTo = `bis zu ${times}-mal`;
    switch (limit.window) {
      case 'day':
        return once ? 'einmal am Tag' : `${upTo} am Tag`;
      case 'week':
        return once ? 'einmal pro Woche' : `${upTo} pro Woche`;
      case 'month':
        return once ? 'einmal im Monat' : `${upTo} im Monat`;
      case 'campaign': {
        const during = campaignName
          ? `während der Kampagne ${quote(campaignName, locale)}`
          : 'während der Kampagne';
        return once ? `einmal ${during}` : `${upTo} ${during}`;
      }
      case 'lifetime':
        return once ? 'nur einmal' : `insgesamt ${upTo}`;
    }
  }
  const upTo = `up to ${times} times`;
  switch (limit.window) {
    case 'day':
      return once ? 'once a day' : `${upTo} a day`;
    case 'week':
      return once ? 'once a week' : `${upTo} a week`;
    case 'month':
      return once ? 'once a month' : `${upTo} a month`;
    case 'campaign': {
      const during = campaignName
        ? `during the ${quote(campaignName, locale)} campaign`
        : 'during the campaign';
      return once ? `once ${during}` : `${upTo} ${during}`;
    }
    case 'lifetime':
      return once ? 'only once' : `${upTo} in total`;
  }
}

/** "at most once every 2 hours" / "höchstens einmal alle 2 Stunden". */
function cooldownText(seconds: number, locale: Locale): string {
  const { count, unit } = cooldownIn(seconds);
  const nouns = UNIT_NOUNS[locale][unit];
  if (locale === 'de') {
    return count === 1
      ? `höchstens einmal pro ${nouns.one}`
      : `höchstens einmal alle ${formatNumber(count, locale)} ${nouns.other}`;
  }
  return count === 1
    ? `at most once ${unit === 'hour' ? 'an' : 'a'} ${nouns.one}`
    : `at most once every ${formatNumber(count, locale)} ${nouns.other}`;
}

function notesText(
  rule: RuleDefinition,
  award: AwardSummary,
  conditions: ConditionSummary,
  locale: Locale,
  options: WayToEarnOptions,
): string | null {
  const notes = effectiveLimits(rule.limits).map((limit) => limitText(limit, locale, options.campaignName));
  if (rule.cooldownSeconds !== undefined && rule.cooldownSeconds > 0) {
    notes.push(cooldownText(rule.cooldownSeconds, locale));
  }
  const maxPoints = award.perUnit?.maxPoints;
  if (maxPoints !== undefined && maxPoints !== null) {
    const max = pointsText(maxPoints, locale);
    notes.push(locale === 'de' ? `jeweils höchstens ${max}` : `at most ${max} each time`);
  }
  if (conditions.unexplained) {
    notes.push(locale === 'de' ? 'es gelten Bedingungen' : 'conditions apply');
  }
  return notes.length === 0 ? null : notes.join(', ');
}

// ---------------------------------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------------------------------

/** After "for": "Earn 10 points for a comment". */
const ENGLISH_ACTIONS: Readonly<Record<BuiltInEventType, string>> = {
  follow: 'following us',
  like: 'liking a post',
  comment: 'a comment',
  share: 'sharing a post',
  mention: 'mentioning us',
  post: 'a post',
  review: 'a review',
  check_in: 'a check-in',
  purchase: 'a purchase',
  referral: 'referring a friend',
  survey_response: 'answering a survey',
  chat: 'a chat',
  video_view: 'watching a video',
  signup: 'signing up',
};

/**
 * German reads best with a noun ("für eine Bewertung") for most actions and a clause ("wenn du uns
 * folgst") for the rest; the clause's verb goes last, after where and with what.
 */
type GermanAction = { kind: 'for'; phrase: string } | { kind: 'if'; start: string; verb: string };

const GERMAN_ACTIONS: Readonly<Record<BuiltInEventType, GermanAction>> = {
  follow: { kind: 'if', start: 'wenn du uns', verb: 'folgst' },
  like: { kind: 'for', phrase: 'für ein Like' },
  comment: { kind: 'for', phrase: 'für einen Kommentar' },
  share: { kind: 'for', phrase: 'für das Teilen eines Beitrags' },
  mention: { kind: 'if', start: 'wenn du uns', verb: 'erwähnst' },
  post: { kind: 'for', phrase: 'für einen Beitrag' },
  review: { kind: 'for', phrase: 'für eine Bewertung' },
  check_in: { kind: 'for', phrase: 'für einen Check-in' },
  purchase: { kind: 'for', phrase: 'für einen Einkauf' },
  referral: { kind: 'for', phrase: 'für eine Empfehlung' },
  survey_response: { kind: 'for', phrase: 'für die Teilnahme an einer Umfrage' },
  chat: { kind: 'for', phrase: 'für einen Chat' },
  video_view: { kind: 'for', phrase: 'für das Ansehen eines Videos' },
  signup: { kind: 'if', start: 'wenn du dich', verb: 'registrierst' },
};

/** The parts every sentence is made of, already in the fan's language. */
interface Parts {
  /** "25 points", "1 point per euro". */
  award: string;
  /** A purchase paid per euro: said as "per euro you spend". */
  spending: boolean;
  /** Units in "per 10 euros" (German picks the relative pronoun by it). */
  unitSize: number;
  place: string | null;
  with: string | null;
  amount: string | null;
  notes: string | null;
}

function joined(...parts: Array<string | null>): string {
  return parts.filter((part): part is string => part !== null && part !== '').join(' ');
}

function englishSentence(eventType: string, parts: Parts): string {
  const notes = parts.notes === null ? '' : ` (${parts.notes})`;
  if (parts.spending) {
    const forPurchases = parts.amount === null ? '' : `, for purchases ${parts.amount}`;
    return `${joined(`Earn ${parts.award} you spend`, parts.place, parts.with)}${forPurchases}${notes}.`;
  }
  const action = isBuiltIn(eventType) ? ENGLISH_ACTIONS[eventType] : quote(customName(eventType), 'en');
  return `${joined(`Earn ${parts.award} for ${action}`, parts.amount, parts.place, parts.with)}${notes}.`;
}

function germanSentence(eventType: string, parts: Parts): string {
  const notes = parts.notes === null ? '' : ` (${parts.notes})`;
  if (parts.spending) {
    const pronoun = parts.unitSize === 1 ? 'den' : 'die';
    const forPurchases = parts.amount === null ? '' : `, bei Einkäufen ${parts.amount}`;
    return `${parts.award}, ${joined(pronoun, 'du', parts.place, parts.with, 'ausgibst')}${forPurchases}${notes}.`;
  }
  const action: GermanAction = isBuiltIn(eventType)
    ? GERMAN_ACTIONS[eventType]
    : { kind: 'for', phrase: `für ${quote(customName(eventType), 'de')}` };
  if (action.kind === 'if') {
    return `${parts.award}, ${joined(action.start, parts.place, parts.with, action.verb)}${notes}.`;
  }
  return `${joined(parts.award, action.phrase, parts.amount, parts.place, parts.with)}${notes}.`;
}

/**
 * One sentence a fan understands, e.g. "Earn 10 points for a comment on Instagram with #sunday (up
 * to 3 times a day)." / "10 Punkte für einen Kommentar auf Instagram mit #sunday (bis zu 3-mal am
 * Tag)." The rule is expected to be valid (`validateRule`); the tier multiplier is not included.
 */
export function describeWayToEarn(
  rule: RuleDefinition,
  locale: Locale,
  options: WayToEarnOptions = {},
): string {
  const eventType = rule.trigger.eventType;
  const award = summariseAward(rule.award);
  const conditions = summariseConditions(rule);
  const perUnit = award.perUnit;
  const parts: Parts = {
    award: joined(pointsText(award.points, locale), perUnit === null ? null : perUnitText(perUnit, locale)),
    spending: eventType === 'purchase' && perUnit?.kind === 'euro',
    unitSize: perUnit?.size ?? 1,
    place: placeOf(rule, conditions, locale),
    with: withText(conditions.withItems, locale),
    amount: amountText(conditions.amounts, locale),
    notes: notesText(rule, award, conditions, locale, options),
  };
  return locale === 'de' ? germanSentence(eventType, parts) : englishSentence(eventType, parts);
}
