/**
 * The reward-rule model (stored as jsonb, edited in the admin, sent through the API) and its
 * validation. A rule that passes `validateRule` can be evaluated without further checks.
 */
import { type Channel, FORBIDDEN_PATH_SEGMENTS, isChannel, isEventType } from './events';
import { isSafeRegex } from './safe-regex';

export const CONDITION_OPERATORS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'contains',
  'exists',
  'matches',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export interface RuleCondition {
  property: string;
  op: ConditionOperator;
  value?: unknown;
}

export const AWARD_KINDS = ['fixed', 'per_unit'] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];
export const ROUNDING_MODES = ['floor', 'round', 'ceil'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

export type RuleAward =
  | { kind: 'fixed'; points: number }
  | {
      kind: 'per_unit';
      property: string;
      pointsPerUnit: number;
      /** Size of one unit of the property; default 1 (1 point per 1 euro). */
      unit?: number;
      rounding: RoundingMode;
      maxPoints?: number;
    };

export const LIMIT_WINDOWS = ['day', 'week', 'month', 'campaign', 'lifetime'] as const;
export type LimitWindow = (typeof LIMIT_WINDOWS)[number];

export interface RuleLimit {
  window: LimitWindow;
  /** Awards of this rule per fan within the window. */
  max: number;
}

export interface RuleDefinition {
  name: string;
  trigger: { eventType: string; channels?: Channel[] };
  /** All must hold. */
  conditions: RuleCondition[];
  award: RuleAward;
  /** Per fan. */
  limits: RuleLimit[];
  /** Minimum seconds between two awards of this rule to one fan. */
  cooldownSeconds?: number;
}

/** One problem with a submitted rule: `field` is a dotted path such as `rules.0.award.points`. */
export interface RuleFieldError {
  field: string;
  reason: string;
}

export const MAX_RULE_NAME_LENGTH = 100;
export const MAX_CONDITIONS = 20;
export const MAX_IN_VALUES = 100;
export const MAX_CONDITION_STRING_LENGTH = 200;
/** The most one award (fixed, per-unit cap, or a limit's count) may be, before the tier multiplier. */
export const MAX_AWARD_POINTS = 1_000_000;
export const MAX_LIMITS = 5;
export const MAX_COOLDOWN_SECONDS = 365 * 24 * 60 * 60;

/** Up to five dotted identifiers; event properties are addressed by name, never by index. */
export const PROPERTY_PATH_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,4}$/;

const OPERATORS: ReadonlySet<string> = new Set(CONDITION_OPERATORS);
const WINDOWS: ReadonlySet<string> = new Set(LIMIT_WINDOWS);
const ROUNDINGS: ReadonlySet<string> = new Set(ROUNDING_MODES);

// Nested parts of a rule are pure definitions: an unknown key there is a typo (`pointPerUnit`) that
// would otherwise be silently ignored. The rule's top level is left to the caller's DTO, which may
// carry ids or versions next to the definition.
const TRIGGER_KEYS: ReadonlySet<string> = new Set(['eventType', 'channels']);
const CONDITION_KEYS: ReadonlySet<string> = new Set(['property', 'op', 'value']);
const FIXED_AWARD_KEYS: ReadonlySet<string> = new Set(['kind', 'points']);
const PER_UNIT_AWARD_KEYS: ReadonlySet<string> = new Set([
  'kind',
  'property',
  'pointsPerUnit',
  'unit',
  'rounding',
  'maxPoints',
]);
const LIMIT_KEYS: ReadonlySet<string> = new Set(['window', 'max']);

export function isConditionOperator(value: unknown): value is ConditionOperator {
  return typeof value === 'string' && OPERATORS.has(value);
}

export function isLimitWindow(value: unknown): value is LimitWindow {
  return typeof value === 'string' && WINDOWS.has(value);
}

/** A property path a rule may read: dotted identifiers that stay clear of prototypes. */
export function isSafePropertyPath(path: unknown): path is string {
  return (
    typeof path === 'string' &&
    PROPERTY_PATH_PATTERN.test(path) &&
    path.split('.').every((segment) => !FORBIDDEN_PATH_SEGMENTS.has(segment))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

const grouped = new Intl.NumberFormat('en-US');

class ErrorList {
  readonly errors: RuleFieldError[] = [];

  add(field: string, reason: string): void {
    this.errors.push({ field, reason });
  }

  unknownKeys(value: Record<string, unknown>, known: ReadonlySet<string>, path: string): void {
    for (const key of Object.keys(value)) {
      if (!known.has(key)) {
        this.add(`${path}.${key}`, 'is not a known field');
      }
    }
  }

  positiveWholeNumber(value: unknown, field: string, max: number): void {
    if (value === undefined || value === null) {
      this.add(field, 'is required');
    } else if (!isWholeNumber(value) || value < 1) {
      this.add(field, 'must be a positive whole number');
    } else if (value > max) {
      this.add(field, `must be at most ${grouped.format(max)}`);
    }
  }
}

/** Validates a rule definition and lists every problem found (an empty list means valid). */
export function validateRule(rule: unknown, path = 'rule'): RuleFieldError[] {
  const errors = new ErrorList();
  if (!isRecord(rule)) {
    errors.add(path, 'must be an object');
    return errors.errors;
  }

  if (typeof rule.name !== 'string' || rule.name.trim().length === 0) {
    errors.add(`${path}.name`, 'is required');
  } else if (rule.name.length > MAX_RULE_NAME_LENGTH) {
    errors.add(`${path}.name`, `must be at most ${MAX_RULE_NAME_LENGTH} characters`);
  }

  validateTrigger(rule.trigger, `${path}.trigger`, errors);

  if (!Array.isArray(rule.conditions)) {
    errors.add(`${path}.conditions`, 'must be a list (empty for none)');
  } else if (rule.conditions.length > MAX_CONDITIONS) {
    errors.add(`${path}.conditions`, `must have at most ${MAX_CONDITIONS} conditions`);
  } else {
    rule.conditions.forEach((condition: unknown, index) =>
      validateCondition(condition, `${path}.conditions.${index}`, errors),
    );
  }

  validateAward(rule.award, `${path}.award`, errors);

  if (!Array.isArray(rule.limits)) {
    errors.add(`${path}.limits`, 'must be a list (empty for none)');
  } else if (rule.limits.length > MAX_LIMITS) {
    errors.add(`${path}.limits`, `must have at most ${MAX_LIMITS} limits`);
  } else {
    const seen = new Set<string>();
    rule.limits.forEach((limit: unknown, index) => {
      const field = `${path}.limits.${index}`;
      if (!isRecord(limit)) {
        errors.add(field, 'must be an object');
        return;
      }
      errors.unknownKeys(limit, LIMIT_KEYS, field);
      if (!isLimitWindow(limit.window)) {
        errors.add(`${field}.window`, `must be one of ${LIMIT_WINDOWS.join(', ')}`);
      } else if (seen.has(limit.window)) {
        errors.add(`${field}.window`, `has a limit already: use one limit per window`);
      } else {
        seen.add(limit.window);
      }
      errors.positiveWholeNumber(limit.max, `${field}.max`, MAX_AWARD_POINTS);
    });
  }

  if (rule.cooldownSeconds !== undefined && rule.cooldownSeconds !== null) {
    const cooldown = rule.cooldownSeconds;
    if (!isWholeNumber(cooldown) || cooldown < 0 || cooldown > MAX_COOLDOWN_SECONDS) {
      errors.add(
        `${path}.cooldownSeconds`,
        `must be a whole number of seconds from 0 to ${grouped.format(MAX_COOLDOWN_SECONDS)} (one year)`,
      );
    }
  }

  return errors.errors;
}

function validateTrigger(trigger: unknown, path: string, errors: ErrorList): void {
  if (!isRecord(trigger)) {
    errors.add(path, 'is required: the event type that triggers the rule');
    return;
  }
  errors.unknownKeys(trigger, TRIGGER_KEYS, path);
  if (trigger.eventType === undefined || trigger.eventType === null || trigger.eventType === '') {
    errors.add(`${path}.eventType`, 'is required');
  } else if (!isEventType(trigger.eventType)) {
    errors.add(`${path}.eventType`, 'is not a known event type (or custom:<name>)');
  }
  if (trigger.channels === undefined || trigger.channels === null) {
    return;
  }
  if (!Array.isArray(trigger.channels)) {
    errors.add(`${path}.channels`, 'must be a list of channels');
    return;
  }
  if (trigger.channels.length === 0) {
    errors.add(`${path}.channels`, 'must name at least one channel, or be left out for every channel');
    return;
  }
  const seen = new Set<string>();
  trigger.channels.forEach((channel: unknown, index) => {
    if (!isChannel(channel)) {
      errors.add(`${path}.channels.${index}`, 'is not a known channel');
    } else if (seen.has(channel)) {
      errors.add(`${path}.channels.${index}`, 'is listed twice');
    } else {
      seen.add(channel);
    }
  });
}

function isComparablePrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' || isFiniteNumber(value);
}

function validateCondition(condition: unknown, path: string, errors: ErrorList): void {
  if (!isRecord(condition)) {
    errors.add(path, 'must be an object');
    return;
  }
  errors.unknownKeys(condition, CONDITION_KEYS, path);
  validatePropertyPath(condition.property, `${path}.property`, errors);
  if (!isConditionOperator(condition.op)) {
    errors.add(`${path}.op`, `must be one of ${CONDITION_OPERATORS.join(', ')}`);
    return;
  }
  const value = condition.value;
  const field = `${path}.value`;
  const missing = value === undefined || value === null;
  switch (condition.op) {
    case 'exists':
      if (!missing) {
        errors.add(field, 'must be left out: exists takes no value');
      }
      return;
    case 'eq':
    case 'neq':
      if (missing) {
        errors.add(field, 'is required');
      } else if (!isComparablePrimitive(value)) {
        errors.add(field, 'must be a text, a number or true/false');
      } else if (typeof value === 'string' && value.length > MAX_CONDITION_STRING_LENGTH) {
        errors.add(field, `must be at most ${MAX_CONDITION_STRING_LENGTH} characters`);
      }
      return;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (missing) {
        errors.add(field, 'is required');
      } else if (!isFiniteNumber(value)) {
        errors.add(field, 'must be a number');
      }
      return;
    case 'in':
      if (!Array.isArray(value) || value.length === 0) {
        errors.add(field, 'must be a non-empty list of values');
      } else if (value.length > MAX_IN_VALUES) {
        errors.add(field, `must have at most ${MAX_IN_VALUES} values`);
      } else {
        value.forEach((item: unknown, index) => {
          if (!isComparablePrimitive(item)) {
            errors.add(`${field}.${index}`, 'must be a text, a number or true/false');
          } else if (typeof item === 'string' && item.length > MAX_CONDITION_STRING_LENGTH) {
            errors.add(`${field}.${index}`, `must be at most ${MAX_CONDITION_STRING_LENGTH} characters`);
          }
        });
      }
      return;
    case 'contains':
      if (typeof value !== 'string' || value.trim().length === 0) {
        errors.add(field, 'must be a non-empty text');
      } else if (value.length > MAX_CONDITION_STRING_LENGTH) {
        errors.add(field, `must be at most ${MAX_CONDITION_STRING_LENGTH} characters`);
      }
      return;
    case 'matches': {
      if (typeof value !== 'string' || value.length === 0) {
        errors.add(field, 'must be a non-empty regular expression');
        return;
      }
      const safety = isSafeRegex(value);
      if (!safety.safe) {
        errors.add(field, safety.reason);
      }
      return;
    }
  }
}

function validatePropertyPath(property: unknown, field: string, errors: ErrorList): void {
  if (typeof property !== 'string' || property.length === 0) {
    errors.add(field, 'is required');
  } else if (!isSafePropertyPath(property)) {
    errors.add(
      field,
      'must be a property name or a dotted path of up to 5 names (letters, digits, _), e.g. order.total',
    );
  }
}

function validateAward(award: unknown, path: string, errors: ErrorList): void {
  if (!isRecord(award)) {
    errors.add(path, 'is required: fixed points or points per unit');
    return;
  }
  if (award.kind === 'fixed') {
    errors.unknownKeys(award, FIXED_AWARD_KEYS, path);
    errors.positiveWholeNumber(award.points, `${path}.points`, MAX_AWARD_POINTS);
    return;
  }
  if (award.kind !== 'per_unit') {
    errors.add(`${path}.kind`, `must be one of ${AWARD_KINDS.join(', ')}`);
    return;
  }
  errors.unknownKeys(award, PER_UNIT_AWARD_KEYS, path);
  validatePropertyPath(award.property, `${path}.property`, errors);
  const perUnit = award.pointsPerUnit;
  if (perUnit === undefined || perUnit === null) {
    errors.add(`${path}.pointsPerUnit`, 'is required');
  } else if (!isFiniteNumber(perUnit) || perUnit <= 0) {
    errors.add(`${path}.pointsPerUnit`, 'must be a positive number');
  } else if (perUnit > MAX_AWARD_POINTS) {
    errors.add(`${path}.pointsPerUnit`, `must be at most ${grouped.format(MAX_AWARD_POINTS)}`);
  }
  if (award.unit !== undefined && award.unit !== null && (!isFiniteNumber(award.unit) || award.unit <= 0)) {
    errors.add(`${path}.unit`, 'must be a positive number');
  }
  if (typeof award.rounding !== 'string' || !ROUNDINGS.has(award.rounding)) {
    errors.add(`${path}.rounding`, `must be one of ${ROUNDING_MODES.join(', ')}`);
  }
  if (award.maxPoints !== undefined && award.maxPoints !== null) {
    errors.positiveWholeNumber(award.maxPoints, `${path}.maxPoints`, MAX_AWARD_POINTS);
  }
}
