// Pure helpers that turn audit entries into readable text: which translation names an action, an
// actor type or a target type, and how a changed field is shown ("role: manager → owner").
import type { AuditEntryDto } from '@/lib/api/types';
import type { Resources } from '@/lib/i18n/locales/en';

type AuditTexts = Resources['auditLog'];
export type ActionKey = keyof AuditTexts['actions'];
export type ActorTypeKey = keyof AuditTexts['actorTypes'];
export type TargetTypeKey = keyof AuditTexts['targetTypes'];
export type FieldKey = keyof AuditTexts['fields'];

const actionKeys: Record<string, ActionKey> = {
  'brand.created': 'brandCreated',
  'brand.updated': 'brandUpdated',
  'member.added': 'memberAdded',
  'member.role_changed': 'memberRoleChanged',
  'member.removed': 'memberRemoved',
  'api_key.created': 'apiKeyCreated',
  'api_key.revoked': 'apiKeyRevoked',
};

const actorTypeKeys: Record<AuditEntryDto['actor']['type'], ActorTypeKey> = {
  user: 'user',
  api_key: 'apiKey',
  system: 'system',
};

const targetTypeKeys: Record<string, TargetTypeKey> = {
  brand: 'brand',
  member: 'member',
  membership: 'member',
  user: 'user',
  api_key: 'apiKey',
  apiKey: 'apiKey',
};

/** The translation key of a known action, or null for an action this admin does not know yet. */
export function actionKeyOf(action: string): ActionKey | null {
  return actionKeys[action] ?? null;
}

export function actorTypeKeyOf(type: AuditEntryDto['actor']['type']): ActorTypeKey {
  return actorTypeKeys[type];
}

export function targetTypeKeyOf(targetType: string): TargetTypeKey | null {
  return targetTypeKeys[targetType] ?? null;
}

const fieldKeys: Record<string, FieldKey> = {
  name: 'name',
  slug: 'slug',
  timeZone: 'timeZone',
  locale: 'locale',
  role: 'role',
  email: 'email',
  scopes: 'scopes',
  status: 'status',
  pointsExpiryDays: 'pointsExpiryDays',
};

/** The translation key of a known field name, or null to show the field as recorded. */
export function fieldKeyOf(field: string): FieldKey | null {
  return fieldKeys[field] ?? null;
}

const valueKeys = {
  role: { owner: 'roles.owner', manager: 'roles.manager', analyst: 'roles.analyst' },
  status: { active: 'apiKeys.status.active', revoked: 'apiKeys.status.revoked' },
  locale: { de: 'locales.de', en: 'locales.en' },
} as const;

type ValueKeys = typeof valueKeys;
export type ValueKey = { [F in keyof ValueKeys]: ValueKeys[F][keyof ValueKeys[F]] }[keyof ValueKeys];

/**
 * For fields with a fixed set of values (roles, key status, languages): the translation key of a
 * value, so that "manager → owner" reads in the admin's language. Null for free text.
 */
export function valueKeyOf(field: string, value: unknown): ValueKey | null {
  if (typeof value !== 'string' || !Object.hasOwn(valueKeys, field)) return null;
  const values: Record<string, ValueKey> = valueKeys[field as keyof ValueKeys];
  return Object.hasOwn(values, value) ? (values[value] ?? null) : null;
}

/** A changed value as short text; empty values get the given word ("empty"). */
export function formatChangeValue(value: unknown, emptyLabel: string): string {
  if (value === null || value === undefined || value === '') {
    return emptyLabel;
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (Array.isArray(value)) {
    return value.length === 0
      ? emptyLabel
      : value.map((item) => formatChangeValue(item, emptyLabel)).join(', ');
  }
  return JSON.stringify(value);
}

export type ChangeKind = 'set' | 'changed' | 'removed';

export interface ChangeLine {
  field: string;
  kind: ChangeKind;
  from: string;
  to: string;
}

/**
 * The values of `AuditEntryDto['changes']` can be any JSON (strings, numbers, lists), whatever the
 * generated type says about them; this is the shape the function relies on.
 */
type Changes = Record<string, { from?: unknown; to?: unknown }>;

/** One line per changed field, sorted by field name so entries read the same every time. */
export function changeLinesOf(
  changes: Changes,
  emptyLabel: string,
  translateValue: (field: string, value: unknown) => string | null = () => null,
): ChangeLine[] {
  const show = (field: string, value: unknown): string =>
    translateValue(field, value) ?? formatChangeValue(value, emptyLabel);
  return Object.entries(changes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([field, change]) => {
      const hasFrom = change !== null && typeof change === 'object' && 'from' in change;
      const hasTo = change !== null && typeof change === 'object' && 'to' in change;
      const kind: ChangeKind = hasFrom && hasTo ? 'changed' : hasFrom ? 'removed' : 'set';
      return {
        field,
        kind,
        from: show(field, hasFrom ? change.from : undefined),
        to: show(field, hasTo ? change.to : undefined),
      };
    });
}

/** Long ids are shortened for the table; the full id stays available as a tooltip. */
export function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id;
}
