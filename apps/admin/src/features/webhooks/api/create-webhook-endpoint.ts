import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { CreateWebhookEndpointDto, WebhookEndpointSecretDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

/** Adds an endpoint; the answer carries its `whsec_` signing secret this once only. */
export function createWebhookEndpoint(
  brandId: string,
  body: CreateWebhookEndpointDto,
): Promise<WebhookEndpointSecretDto> {
  return unwrap(
    api.POST('/api/v1/brands/{brandId}/webhook-endpoints', { params: { path: { brandId } }, body }),
  );
}

export function useCreateWebhookEndpoint(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookEndpointDto) => createWebhookEndpoint(brandId, body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.webhookEndpoints(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
