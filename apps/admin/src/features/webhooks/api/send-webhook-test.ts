import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { WebhookTestDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

/** Queues a `webhook.test` message for this endpoint only; its delivery shows up in the log. */
export function sendWebhookTest(brandId: string, endpointId: string): Promise<WebhookTestDto> {
  return unwrap(
    api.POST('/api/v1/brands/{brandId}/webhook-endpoints/{endpointId}/test', {
      params: { path: { brandId, endpointId } },
    }),
  );
}

export function useSendWebhookTest(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (endpointId: string) => sendWebhookTest(brandId, endpointId),
    onSuccess: (_test, endpointId) =>
      queryClient.invalidateQueries({ queryKey: queryKeys.allWebhookDeliveries(brandId, endpointId) }),
  });
}
