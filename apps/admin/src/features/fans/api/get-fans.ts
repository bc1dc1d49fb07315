import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { FanPageDto } from '@/lib/api/types';
import { type PageParams, queryKeys } from '@/lib/query-keys';

export type FanSort = 'last_active' | 'points';

export function getFans(brandId: string, page: PageParams, q: string, sort: FanSort): Promise<FanPageDto> {
  return unwrap(
    api.GET('/api/v1/brands/{brandId}/fans', {
      params: {
        path: { brandId },
        query: {
          limit: page.limit,
          sort,
          ...(page.cursor ? { cursor: page.cursor } : {}),
          ...(q ? { q } : {}),
        },
      },
    }),
  );
}

export const fansQueryOptions = (brandId: string, page: PageParams, q: string, sort: FanSort) =>
  queryOptions({
    queryKey: queryKeys.fansPage(brandId, page, q, sort),
    queryFn: () => getFans(brandId, page, q, sort),
    placeholderData: keepPreviousData,
  });

export function useFans(brandId: string, page: PageParams, q: string, sort: FanSort) {
  return useQuery(fansQueryOptions(brandId, page, q, sort));
}
