// The rule editor's working copy of a rule. Inputs hold text and half-typed numbers, so the draft is
// looser than a RuleDefinition; `toRuleDefinition` turns it into what the shared validator, the
// policy check and the API read. Field paths stay those of the definition (`award.points`,
// `conditions.1.value`), so validator and API errors land on the right input.
import {
  type AwardKind,
  type Channel,
  type ConditionOperator,
  type LimitWindow,
  type RoundingMode,
} from '@fanfare/shared';

import type { RuleDefinitionDto, RuleInputDto } from '@/lib/api/types';

export type NumberDraft = number | string;

export interface ConditionDraft {
  key: string;
  property: string;
  op: ConditionOperator;
  /** The value for every operator but `in` and `exists`. */
  text: string;
  /** The values for `in`. */
  list: string[];
}

export interface LimitDraft {
  key: string;
  window: LimitWindow;
  max: NumberDraft;
}

export interface RuleDraft {
  key: string;
  /** The saved rule this draft edits; absent for a new rule. */
  id?: string;
  name: string;
  eventType: string;
  channels: Channel[];
  conditions: ConditionDraft[];
  awardKind: AwardKind;
  points: NumberDraft;
  property: string;
  pointsPerUnit: NumberDraft;
  unit: NumberDraft;
  rounding: RoundingMode;
  maxPoints: NumberDraft;
  limits: LimitDraft[];
  cooldownSeconds: NumberDraft;
}

let lastKey = 0;
/** A React key for a row that has no id of its own yet. */
export function newKey(): string {
  lastKey += 1;
  return `draft-${lastKey}`;
}

export function emptyCondition(): ConditionDraft {
  return { key: newKey(), property: '', op: 'eq', text: '', list: [] };
}

export function emptyLimit(window: LimitWindow = 'day'): LimitDraft {
  return { key: newKey(), window, max: '' };
}

export function emptyRule(): RuleDraft {
  return {
    key: newKey(),
    name: '',
    eventType: '',
    channels: [],
    conditions: [],
    awardKind: 'fixed',
    points: '',
    property: '',
    pointsPerUnit: '',
    unit: '',
    rounding: 'floor',
    maxPoints: '',
    limits: [],
    cooldownSeconds: '',
  };
}

/** '' stays absent, so the validator can say "is required" instead of "must be a number". */
export function toNumber(value: NumberDraft): number | undefined {
  if (typeof value === 'number') {
    return value;
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

const NUMBER_TEXT = /^-?\d{1,15}(\.\d+)?$/;

/**
 * A typed value for eq/neq/in: conditions compare strictly ("5" is not 5), so numbers and true/false
 * are read as such, and quotes keep a text that looks like one (`"5"`).
 */
export function parseScalar(text: string): string | number | boolean {
  const trimmed = text.trim();
  const quoted = /^"(.*)"$/.exec(trimmed);
  if (quoted) {
    return quoted[1] ?? '';
  }
  if (trimmed === 'true' || trimmed === 'false') {
    return trimmed === 'true';
  }
  if (NUMBER_TEXT.test(trimmed)) {
    return Number(trimmed);
  }
  return text;
}

/** The text for a scalar such that `parseScalar` gives it back. */
export function formatScalar(value: unknown): string {
  if (typeof value === 'string') {
    const looksTyped = value !== parseScalar(value) || /^".*"$/.test(value.trim());
    return looksTyped ? `"${value}"` : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return value === undefined || value === null ? '' : JSON.stringify(value);
}

function conditionValue(condition: ConditionDraft): unknown {
  switch (condition.op) {
    case 'exists':
      return undefined;
    case 'in':
      return condition.list.map(parseScalar);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return toNumber(condition.text);
    case 'eq':
    case 'neq':
      return condition.text.trim() === '' ? undefined : parseScalar(condition.text);
    case 'contains':
    case 'matches':
      return condition.text;
  }
}

export function toRuleDefinition(draft: RuleDraft): RuleDefinitionDto {
  const award: RuleDefinitionDto['award'] =
    draft.awardKind === 'fixed'
      ? { kind: 'fixed', points: toNumber(draft.points) }
      : {
          kind: 'per_unit',
          property: draft.property,
          pointsPerUnit: toNumber(draft.pointsPerUnit),
          rounding: draft.rounding,
          ...(toNumber(draft.unit) === undefined ? {} : { unit: toNumber(draft.unit) }),
          ...(toNumber(draft.maxPoints) === undefined ? {} : { maxPoints: toNumber(draft.maxPoints) }),
        };
  const cooldownSeconds = toNumber(draft.cooldownSeconds);
  return {
    name: draft.name,
    trigger: {
      eventType: draft.eventType,
      ...(draft.channels.length > 0 ? { channels: draft.channels } : {}),
    },
    conditions: draft.conditions.map((condition) => {
      const value = conditionValue(condition);
      return {
        property: condition.property,
        op: condition.op,
        ...(value === undefined ? {} : { value: value as RuleDefinitionDto['conditions'][number]['value'] }),
      };
    }),
    award,
    // A half-typed max stays absent so that the validator names it; the API gets what the user sees.
    limits: draft.limits.map((limit) => ({ window: limit.window, max: toNumber(limit.max) as number })),
    ...(cooldownSeconds === undefined ? {} : { cooldownSeconds }),
  };
}

export function toRuleInput(draft: RuleDraft): RuleInputDto {
  return { ...toRuleDefinition(draft), ...(draft.id ? { id: draft.id } : {}) };
}

function numberText(value: number | undefined): NumberDraft {
  return value === undefined ? '' : value;
}

export function fromRuleDefinition(definition: RuleDefinitionDto, id?: string): RuleDraft {
  const { award } = definition;
  return {
    key: id ?? newKey(),
    ...(id ? { id } : {}),
    name: definition.name,
    eventType: definition.trigger.eventType,
    channels: definition.trigger.channels ?? [],
    conditions: definition.conditions.map((condition) => ({
      key: newKey(),
      property: condition.property,
      op: condition.op,
      text: Array.isArray(condition.value) ? '' : formatScalar(condition.value),
      list: Array.isArray(condition.value) ? condition.value.map(formatScalar) : [],
    })),
    awardKind: award.kind,
    points: numberText(award.points),
    property: award.property ?? '',
    pointsPerUnit: numberText(award.pointsPerUnit),
    unit: numberText(award.unit),
    rounding: award.rounding ?? 'floor',
    maxPoints: numberText(award.maxPoints),
    limits: definition.limits.map((limit) => ({ key: newKey(), window: limit.window, max: limit.max })),
    cooldownSeconds: numberText(definition.cooldownSeconds),
  };
}
