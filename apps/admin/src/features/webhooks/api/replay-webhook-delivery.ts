import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { WebhookDeliveryDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

/** Sends a delivery again now, with the same webhook-id; its attempts keep counting. */
export function replayWebhookDelivery(
  brandId: string,
  endpointId: string,
  deliveryId: string,
): Promise<WebhookDeliveryDto> {
  return unwrap(
    api.POST('/api/v1/brands/{brandId}/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/replay', {
      params: { path: { brandId, endpointId, deliveryId } },
    }),
  );
}

export function useReplayWebhookDelivery(brandId: string, endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => replayWebhookDelivery(brandId, endpointId, deliveryId),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.allWebhookDeliveries(brandId, endpointId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
