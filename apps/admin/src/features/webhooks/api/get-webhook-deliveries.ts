import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { WebhookDeliveryPageDto, WebhookDeliveryStatus } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

import { hasPending } from '../utils/webhook-options';

export const WEBHOOK_DELIVERIES_PAGE_SIZE = 25;
/** While a delivery waits for its next attempt, the log asks again this often. */
export const PENDING_POLL_MS = 3000;

export function getWebhookDeliveries(
  brandId: string,
  endpointId: string,
  status: WebhookDeliveryStatus | null,
  cursor: string | null,
): Promise<WebhookDeliveryPageDto> {
  return unwrap(
    api.GET('/api/v1/brands/{brandId}/webhook-endpoints/{endpointId}/deliveries', {
      params: {
        path: { brandId, endpointId },
        query: {
          limit: WEBHOOK_DELIVERIES_PAGE_SIZE,
          ...(status ? { status } : {}),
          ...(cursor ? { cursor } : {}),
        },
      },
    }),
  );
}

/** One endpoint's log, newest first, one page more with each "Load more"; polled while one is pending. */
export const webhookDeliveriesQueryOptions = (
  brandId: string,
  endpointId: string,
  status: WebhookDeliveryStatus | null,
) =>
  infiniteQueryOptions({
    queryKey: queryKeys.webhookDeliveries(brandId, endpointId, status),
    queryFn: ({ pageParam }) => getWebhookDeliveries(brandId, endpointId, status, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: (query) =>
      hasPending(query.state.data?.pages.flatMap((page) => page.items) ?? []) ? PENDING_POLL_MS : false,
  });

export function useWebhookDeliveries(
  brandId: string,
  endpointId: string,
  status: WebhookDeliveryStatus | null,
) {
  return useInfiniteQuery(webhookDeliveriesQueryOptions(brandId, endpointId, status));
}
