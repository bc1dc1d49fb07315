import type { AnalyticsSettings } from '@fanfare/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import { queryKeys } from '@/lib/query-keys';

export type AnalyticsSettingsBody = Pick<AnalyticsSettings, 'activeWindowDays' | 'engagementTypes'>;

export function updateAnalyticsSettings(
  brandId: string,
  body: AnalyticsSettingsBody,
): Promise<AnalyticsSettings> {
  return unwrap(
    api.PUT('/api/v1/brands/{brandId}/analytics-settings', { params: { path: { brandId } }, body }),
  );
}

/**
 * Saving makes the server rebuild every report: the answer says `recalculating`, which starts the
 * settings poll; the reports are refetched now (they are being rebuilt) and again when it ends.
 */
export function useUpdateAnalyticsSettings(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AnalyticsSettingsBody) => updateAnalyticsSettings(brandId, body),
    onSuccess: async (settings) => {
      queryClient.setQueryData(queryKeys.analyticsSettings(brandId), settings);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.reports(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
