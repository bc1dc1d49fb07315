import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { WebhookEndpointSecretDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

/** A new signing secret (answered this once only); the current one signs as well for `overlapHours`. */
export function rotateWebhookSecret(
  brandId: string,
  endpointId: string,
  overlapHours: number,
): Promise<WebhookEndpointSecretDto> {
  return unwrap(
    api.POST('/api/v1/brands/{brandId}/webhook-endpoints/{endpointId}/rotate', {
      params: { path: { brandId, endpointId } },
      body: { overlapHours },
    }),
  );
}

export function useRotateWebhookSecret(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ endpointId, overlapHours }: { endpointId: string; overlapHours: number }) =>
      rotateWebhookSecret(brandId, endpointId, overlapHours),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.webhookEndpoints(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
