import type { AnalyticsSettings } from '@fanfare/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import { queryKeys } from '@/lib/query-keys';

/** How often to ask again while the server rebuilds the reports after a change. */
export const RECALCULATION_POLL_MS = 3_000;

export function getAnalyticsSettings(brandId: string): Promise<AnalyticsSettings> {
  return unwrap(api.GET('/api/v1/brands/{brandId}/analytics-settings', { params: { path: { brandId } } }));
}

export const analyticsSettingsQueryOptions = (brandId: string) =>
  queryOptions({
    queryKey: queryKeys.analyticsSettings(brandId),
    queryFn: () => getAnalyticsSettings(brandId),
    refetchInterval: (query) => (query.state.data?.state === 'recalculating' ? RECALCULATION_POLL_MS : false),
  });

export function useAnalyticsSettings(brandId: string) {
  return useQuery(analyticsSettingsQueryOptions(brandId));
}
