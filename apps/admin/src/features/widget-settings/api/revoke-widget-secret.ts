import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrapEmpty } from '@/lib/api/client';
import { queryKeys } from '@/lib/query-keys';

export function revokeWidgetSecret(brandId: string, kid: string): Promise<void> {
  return unwrapEmpty(
    api.DELETE('/api/v1/brands/{brandId}/widget-settings/secrets/{kid}', {
      params: { path: { brandId, kid } },
    }),
  );
}

export function useRevokeWidgetSecret(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kid: string) => revokeWidgetSecret(brandId, kid),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.widgetSettings(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
