/**
 * Rule evaluation: does an event match a rule, and how many points does it earn — each answer with
 * the reasons, so that the simulator and the ledger's "why" view can show them to a person.
 */
import { type EngagementEventFacts, readProperty } from './events';
import { type RuleAward, type RuleCondition, type RuleDefinition, MAX_AWARD_POINTS } from './rules';
import { compileRulePattern, MATCH_INPUT_LIMIT } from './safe-regex';
import { isValidMultiplier } from './tiers';

export type ConditionResult = { condition: RuleCondition; passed: boolean; actual: unknown };

export type MatchResult =
  | { matched: true; conditions: ConditionResult[] }
  | {
      matched: false;
      reason: 'event_type' | 'channel' | 'condition';
      detail: string;
      conditions: ConditionResult[];
    };

export type AwardResult =
  | { points: number; basePoints: number; multiplier: number; detail: string }
  | { points: 0; basePoints: 0; multiplier: number; detail: string; missing: true };

const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * A number, or a text that is plainly one ("12.5", " 3 ") — senders often serialise amounts as
 * strings. Booleans, empty texts and anything non-finite are not numbers.
 */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (!NUMERIC_TEXT.test(trimmed)) {
      return undefined;
    }
    const parsed = Number(trimmed);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Strict equality of JSON primitives: "5" is not 5, "Gold" is not "gold". */
function primitiveEquals(actual: unknown, expected: unknown): boolean {
  return isPrimitive(actual) && isPrimitive(expected) && actual === expected;
}

/** Hashtags compare without case, without a leading '#', in one Unicode form. */
function normaliseTag(value: string): string {
  return value.trim().replace(/^#/, '').normalize('NFC').toLowerCase();
}

function normaliseText(value: string): string {
  return value.normalize('NFC').toLowerCase();
}

function compare(op: 'gt' | 'gte' | 'lt' | 'lte', actual: number, expected: number): boolean {
  switch (op) {
    case 'gt':
      return actual > expected;
    case 'gte':
      return actual >= expected;
    case 'lt':
      return actual < expected;
    case 'lte':
      return actual <= expected;
  }
}

function conditionHolds(condition: RuleCondition, actual: unknown): boolean {
  const expected = condition.value;
  switch (condition.op) {
    case 'eq':
      return primitiveEquals(actual, expected);
    case 'neq':
      // A missing property is "not equal": `source neq "bot"` lets events without a source through.
      return !primitiveEquals(actual, expected);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const number = toNumber(actual);
      return number !== undefined && typeof expected === 'number' && compare(condition.op, number, expected);
    }
    case 'in': {
      if (!Array.isArray(expected)) {
        return false;
      }
      const candidates: unknown[] = Array.isArray(actual) ? actual : [actual];
      return candidates.some((candidate) => expected.some((item) => primitiveEquals(candidate, item)));
    }
    case 'contains': {
      if (typeof expected !== 'string' || expected.trim().length === 0) {
        return false;
      }
      if (Array.isArray(actual)) {
        const tag = normaliseTag(expected);
        return actual.some((item) => typeof item === 'string' && normaliseTag(item) === tag);
      }
      return typeof actual === 'string' && normaliseText(actual).includes(normaliseText(expected));
    }
    case 'exists':
      return actual !== undefined && actual !== null;
    case 'matches': {
      if (typeof actual !== 'string' || typeof expected !== 'string') {
        return false;
      }
      // An unsafe pattern (stored before the checker got stricter) never runs, it fails the condition.
      const pattern = compileRulePattern(expected);
      return pattern !== null && pattern.test(actual.slice(0, MATCH_INPUT_LIMIT));
    }
  }
}

export function evaluateCondition(
  condition: RuleCondition,
  properties: Record<string, unknown>,
): ConditionResult {
  const actual = readProperty(properties, condition.property);
  return { condition, passed: conditionHolds(condition, actual), actual };
}

const OPERATOR_WORDS: Record<RuleCondition['op'], string> = {
  eq: '=',
  neq: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  in: 'is one of',
  contains: 'contains',
  exists: 'is present',
  matches: 'matches',
};

function formatValue(value: unknown): string {
  if (value === undefined) {
    return 'missing';
  }
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** A condition in words, e.g. `hashtags contains "someparade"` or `amount ≥ 10`. */
export function describeCondition(condition: RuleCondition): string {
  if (condition.op === 'exists') {
    return `${condition.property} ${OPERATOR_WORDS.exists}`;
  }
  if (condition.op === 'matches' && typeof condition.value === 'string') {
    return `${condition.property} matches /${condition.value}/`;
  }
  return `${condition.property} ${OPERATOR_WORDS[condition.op]} ${formatValue(condition.value)}`;
}

/** Whether an event meets a rule's trigger and conditions; all conditions are reported, not just the first failure. */
export function matchRule(rule: RuleDefinition, event: EngagementEventFacts): MatchResult {
  if (rule.trigger.eventType !== event.type) {
    return {
      matched: false,
      reason: 'event_type',
      detail: `the rule is for "${rule.trigger.eventType}" events, this is a "${event.type}" event`,
      conditions: [],
    };
  }
  const channels = rule.trigger.channels;
  if (channels !== undefined && channels.length > 0 && !channels.includes(event.channel)) {
    return {
      matched: false,
      reason: 'channel',
      detail: `the rule is for ${channels.join(', ')}, this event came from ${event.channel}`,
      conditions: [],
    };
  }
  const conditions = rule.conditions.map((condition) => evaluateCondition(condition, event.properties));
  const failed = conditions.filter((result) => !result.passed);
  const first = failed[0];
  if (first === undefined) {
    return { matched: true, conditions };
  }
  const more = failed.length > 1 ? ` (and ${failed.length - 1} more)` : '';
  return {
    matched: false,
    reason: 'condition',
    detail: `condition not met: ${describeCondition(first.condition)}, but it is ${formatValue(first.actual)}${more}`,
    conditions,
  };
}

/** Removes floating-point dust: 0.3 / 0.1 is 2.9999999999999996, which must not round down to 2. */
function snap(value: number): number {
  const nearest = Math.round(value);
  return Math.abs(value - nearest) <= 1e-9 * Math.max(1, Math.abs(value)) ? nearest : value;
}

/** Guards against rules that bypassed validation: points are whole and never negative. */
function wholePoints(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
}

function formatAmount(value: number, currency: unknown): string {
  if (typeof currency === 'string' && /^[A-Z]{3}$/i.test(currency)) {
    return `${value.toFixed(2)} ${currency.toUpperCase()}`;
  }
  return String(value);
}

const ROUNDING_WORDS = { floor: 'rounded down', round: 'rounded', ceil: 'rounded up' } as const;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The points an award is worth for an event's properties, after the fan's tier multiplier. Points
 * are always whole and never negative; one award is at most 1,000,000 points before the multiplier.
 */
export function computeAward(
  award: RuleAward,
  properties: Record<string, unknown>,
  multiplier = 1,
): AwardResult {
  const given: unknown = multiplier;
  if (!isValidMultiplier(given)) {
    throw new RangeError(
      `tier multiplier must be from 1 to 10 with at most two decimals, got ${String(given)}`,
    );
  }
  let basePoints: number;
  let detail: string;
  if (award.kind === 'fixed') {
    basePoints = Math.min(wholePoints(award.points), MAX_AWARD_POINTS);
    detail = `fixed ${plural(basePoints, 'point')}`;
  } else {
    const raw = readProperty(properties, award.property);
    const value = toNumber(raw);
    if (value === undefined || value < 0) {
      const why =
        raw === undefined || raw === null
          ? 'is missing'
          : value === undefined
            ? `is not a number (${formatValue(raw)})`
            : `is negative (${value})`;
      return {
        points: 0,
        basePoints: 0,
        multiplier,
        detail: `${award.property} ${why}: no points`,
        missing: true,
      };
    }
    const unit = award.unit ?? 1;
    const exact = snap((value / unit) * award.pointsPerUnit);
    const rounded = Math[award.rounding](exact);
    basePoints = Number.isFinite(rounded) ? wholePoints(rounded) : Number.MAX_SAFE_INTEGER;
    const per = `${plural(award.pointsPerUnit, 'point')} per ${unit === 1 ? 'unit' : `${unit} units`}`;
    const result = Number.isFinite(rounded) ? String(rounded) : 'too many to count';
    detail = `${award.property} ${formatAmount(value, properties.currency)} × ${per}, ${ROUNDING_WORDS[award.rounding]} = ${result}`;
    if (award.maxPoints !== undefined && basePoints > award.maxPoints) {
      basePoints = wholePoints(award.maxPoints);
      detail += `, capped at ${award.maxPoints}`;
    }
    if (basePoints > MAX_AWARD_POINTS) {
      basePoints = MAX_AWARD_POINTS;
      detail += `, capped at ${MAX_AWARD_POINTS} (the most one award can be)`;
    }
  }
  // Whole hundredths keep this exact: 100 × 1.15 is 115, where 100 * 1.15 in floating point is 114.99…
  const points = Math.floor((basePoints * Math.round(multiplier * 100)) / 100);
  if (multiplier !== 1) {
    detail += `; × ${multiplier} (tier) = ${points}`;
  }
  return { points, basePoints, multiplier, detail };
}
