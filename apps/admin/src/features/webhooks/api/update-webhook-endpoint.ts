import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { UpdateWebhookEndpointDto, WebhookEndpointDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

/** Changes an endpoint; `enabled: true` re-enables one the dispatcher turned off and clears the reason. */
export function updateWebhookEndpoint(
  brandId: string,
  endpointId: string,
  body: UpdateWebhookEndpointDto,
): Promise<WebhookEndpointDto> {
  return unwrap(
    api.PATCH('/api/v1/brands/{brandId}/webhook-endpoints/{endpointId}', {
      params: { path: { brandId, endpointId } },
      body,
    }),
  );
}

export function useUpdateWebhookEndpoint(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ endpointId, body }: { endpointId: string; body: UpdateWebhookEndpointDto }) =>
      updateWebhookEndpoint(brandId, endpointId, body),
    onSuccess: async (_endpoint, { endpointId }) => {
      // Disabling fails the pending deliveries, so the log changes as well.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.webhookEndpoints(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.allWebhookDeliveries(brandId, endpointId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
