import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { WebhookEndpointListDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function getWebhookEndpoints(brandId: string): Promise<WebhookEndpointListDto> {
  return unwrap(api.GET('/api/v1/brands/{brandId}/webhook-endpoints', { params: { path: { brandId } } }));
}

export const webhookEndpointsQueryOptions = (brandId: string) =>
  queryOptions({
    queryKey: queryKeys.webhookEndpoints(brandId),
    queryFn: () => getWebhookEndpoints(brandId),
  });

export function useWebhookEndpoints(brandId: string) {
  return useQuery(webhookEndpointsQueryOptions(brandId));
}
