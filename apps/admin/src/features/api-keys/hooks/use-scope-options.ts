import { API_KEY_SCOPES } from '@fanfare/shared';
import { useTranslation } from 'react-i18next';

import type { ApiKeyScope } from '@/lib/api/types';

// i18next reads `:` as a namespace separator, so scope names map to plain keys.
const scopeKeys = {
  'events:write': 'eventsWrite',
  'fans:read': 'fansRead',
  'fans:write': 'fansWrite',
  'reports:read': 'reportsRead',
} as const satisfies Record<ApiKeyScope, string>;

const scopes: readonly ApiKeyScope[] = API_KEY_SCOPES;

export function useScopeOptions() {
  const { t } = useTranslation();
  return scopes.map((scope) => ({ scope, description: t(`apiKeys.scopes.${scopeKeys[scope]}`) }));
}
