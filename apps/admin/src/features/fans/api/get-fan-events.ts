import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { type PageParams, queryKeys } from '@/lib/query-keys';

export type FanEventDto = components['schemas']['FanEventDto'];
export type FanEventPageDto = components['schemas']['FanEventPageDto'];

export function getFanEvents(brandId: string, fanId: string, page: PageParams): Promise<FanEventPageDto> {
  return unwrap(
    api.GET('/api/v1/brands/{brandId}/fans/{fanId}/events', {
      params: {
        path: { brandId, fanId },
        query: { limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) },
      },
    }),
  );
}

export const fanEventsQueryOptions = (brandId: string, fanId: string, page: PageParams) =>
  queryOptions({
    queryKey: queryKeys.fanEventsPage(brandId, fanId, page),
    queryFn: () => getFanEvents(brandId, fanId, page),
    placeholderData: keepPreviousData,
  });

export function useFanEvents(brandId: string, fanId: string, page: PageParams) {
  return useQuery(fanEventsQueryOptions(brandId, fanId, page));
}
