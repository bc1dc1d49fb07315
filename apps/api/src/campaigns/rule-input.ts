import { isUuid, type RuleDefinition, validateRule } from '@fanfare/shared';

import { type FieldError } from '../common/errors/domain-error';

/** A rule as a campaign body sends it: its definition, and on PATCH the id of the rule it changes. */
export interface RuleInput {
  id?: string;
  definition: RuleDefinition;
}

export const MAX_RULES_PER_CAMPAIGN = 50;

// `validateRule` checks a definition's nested parts; its top level is ours to check, because the
// body may carry an id next to the definition.
const DEFINITION_KEYS: ReadonlySet<string> = new Set([
  'name',
  'trigger',
  'conditions',
  'award',
  'limits',
  'cooldownSeconds',
]);

/**
 * Checks a campaign body's `rules` and names every problem by its field (`rules.0.award.points`).
 * The rules come back as they will be stored: the definition's own fields only, without nulls.
 */
export function readRules(
  items: readonly unknown[],
  options: { idsAllowed: boolean },
): { errors: FieldError[]; rules: RuleInput[] } {
  const errors: FieldError[] = [];
  const rules: RuleInput[] = [];
  if (items.length > MAX_RULES_PER_CAMPAIGN) {
    return {
      errors: [{ field: 'rules', reason: `must have at most ${MAX_RULES_PER_CAMPAIGN} rules` }],
      rules,
    };
  }
  const ids = new Set<string>();
  items.forEach((item, index) => {
    const path = `rules.${index}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push(...validateRule(item, path));
      return;
    }
    const { id, ...definition } = item as Record<string, unknown>;
    const found: FieldError[] = [];
    if (id !== undefined) {
      if (!options.idsAllowed) {
        found.push({
          field: `${path}.id`,
          reason: 'is set by the server: leave it out when creating a campaign',
        });
      } else if (typeof id !== 'string' || !isUuid(id)) {
        found.push({ field: `${path}.id`, reason: "must be the id of one of the campaign's rules" });
      } else if (ids.has(id.toLowerCase())) {
        found.push({ field: `${path}.id`, reason: 'names a rule that another item of rules names too' });
      } else {
        ids.add(id.toLowerCase());
      }
    }
    for (const key of Object.keys(definition)) {
      if (!DEFINITION_KEYS.has(key)) found.push({ field: `${path}.${key}`, reason: 'is not a known field' });
    }
    found.push(...validateRule(definition, path));
    errors.push(...found);
    if (found.length === 0) {
      rules.push({
        ...(typeof id === 'string' ? { id: id.toLowerCase() } : {}),
        definition: normalise(definition as unknown as RuleDefinition),
      });
    }
  });
  return { errors, rules };
}

/** A valid definition with exactly the fields the type declares: optional ones left out when null. */
function normalise(rule: RuleDefinition): RuleDefinition {
  const { award } = rule;
  const channels = rule.trigger.channels ?? undefined;
  const cooldownSeconds = rule.cooldownSeconds ?? undefined;
  return {
    name: rule.name.trim(),
    trigger: { eventType: rule.trigger.eventType, ...(channels !== undefined ? { channels } : {}) },
    conditions: rule.conditions.map((condition) => ({
      property: condition.property,
      op: condition.op,
      ...(condition.value !== undefined && condition.value !== null ? { value: condition.value } : {}),
    })),
    award:
      award.kind === 'fixed'
        ? { kind: 'fixed', points: award.points }
        : {
            kind: 'per_unit',
            property: award.property,
            pointsPerUnit: award.pointsPerUnit,
            ...(award.unit !== undefined && award.unit !== null ? { unit: award.unit } : {}),
            rounding: award.rounding,
            ...(award.maxPoints !== undefined && award.maxPoints !== null
              ? { maxPoints: award.maxPoints }
              : {}),
          },
    limits: rule.limits.map((limit) => ({ window: limit.window, max: limit.max })),
    ...(cooldownSeconds !== undefined ? { cooldownSeconds } : {}),
  };
}

/** True when two definitions say the same, whatever the order of their keys (jsonb reorders them). */
export function sameDefinition(a: RuleDefinition, b: RuleDefinition): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
