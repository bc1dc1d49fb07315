/** Roles a user can hold in a brand, from most to least powerful. */
export const ROLES = ['owner', 'manager', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** What an API key may do. A key never manages the brand itself (keys, team, settings). */
export const API_KEY_SCOPES = ['events:write', 'fans:read', 'fans:write', 'reports:read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isApiKeyScope(value: unknown): value is ApiKeyScope {
  return typeof value === 'string' && (API_KEY_SCOPES as readonly string[]).includes(value);
}
