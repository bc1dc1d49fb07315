import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { HookDeliveryPageDto, HookSource } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

import { hasPending } from '../utils/delivery-summary';

export const DELIVERIES_PAGE_SIZE = 25;
/** While a delivery waits for the job queue, the log asks again this often. */
export const PENDING_POLL_MS = 3000;

export function getHookDeliveries(
  brandId: string,
  source: HookSource | null,
  cursor: string | null,
): Promise<HookDeliveryPageDto> {
  return unwrap(
    api.GET('/api/v1/brands/{brandId}/connections/deliveries', {
      params: {
        path: { brandId },
        query: {
          limit: DELIVERIES_PAGE_SIZE,
          ...(source ? { source } : {}),
          ...(cursor ? { cursor } : {}),
        },
      },
    }),
  );
}

/** The log, newest first, one page more with each "Load more"; polled while a delivery is pending. */
export const hookDeliveriesQueryOptions = (brandId: string, source: HookSource | null) =>
  infiniteQueryOptions({
    queryKey: queryKeys.hookDeliveries(brandId, source),
    queryFn: ({ pageParam }) => getHookDeliveries(brandId, source, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: (query) =>
      hasPending(query.state.data?.pages.flatMap((page) => page.items) ?? []) ? PENDING_POLL_MS : false,
  });

export function useHookDeliveries(brandId: string, source: HookSource | null) {
  return useInfiniteQuery(hookDeliveriesQueryOptions(brandId, source));
}
