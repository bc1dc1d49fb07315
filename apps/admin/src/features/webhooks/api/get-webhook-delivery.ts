import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { WebhookDeliveryDetailDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

import { PENDING_POLL_MS } from './get-webhook-deliveries';

/** One delivery with the payload as sent and every attempt, oldest first. */
export function getWebhookDelivery(
  brandId: string,
  endpointId: string,
  deliveryId: string,
): Promise<WebhookDeliveryDetailDto> {
  return unwrap(
    api.GET('/api/v1/brands/{brandId}/webhook-endpoints/{endpointId}/deliveries/{deliveryId}', {
      params: { path: { brandId, endpointId, deliveryId } },
    }),
  );
}

export const webhookDeliveryQueryOptions = (brandId: string, endpointId: string, deliveryId: string) =>
  queryOptions({
    queryKey: queryKeys.webhookDelivery(brandId, endpointId, deliveryId),
    queryFn: () => getWebhookDelivery(brandId, endpointId, deliveryId),
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? PENDING_POLL_MS : false),
  });

export function useWebhookDelivery(brandId: string, endpointId: string, deliveryId: string) {
  return useQuery(webhookDeliveryQueryOptions(brandId, endpointId, deliveryId));
}
