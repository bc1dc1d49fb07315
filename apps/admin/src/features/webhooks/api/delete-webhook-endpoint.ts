import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrapEmpty } from '@/lib/api/client';
import { queryKeys } from '@/lib/query-keys';

/** Deletes an endpoint together with its delivery log. */
export function deleteWebhookEndpoint(brandId: string, endpointId: string): Promise<void> {
  return unwrapEmpty(
    api.DELETE('/api/v1/brands/{brandId}/webhook-endpoints/{endpointId}', {
      params: { path: { brandId, endpointId } },
    }),
  );
}

export function useDeleteWebhookEndpoint(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (endpointId: string) => deleteWebhookEndpoint(brandId, endpointId),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.webhookEndpoints(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
