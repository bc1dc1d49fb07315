import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { RewardPageDto } from '@/lib/api/types';
import { type PageParams, queryKeys } from '@/lib/query-keys';

export function getRewards(brandId: string, page: PageParams): Promise<RewardPageDto> {
  return unwrap(
    api.GET('/api/v1/brands/{brandId}/rewards', {
      params: {
        path: { brandId },
        query: { limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) },
      },
    }),
  );
}

export const rewardsQueryOptions = (brandId: string, page: PageParams) =>
  queryOptions({
    queryKey: queryKeys.rewardsPage(brandId, page),
    queryFn: () => getRewards(brandId, page),
    placeholderData: keepPreviousData,
  });

export function useRewards(brandId: string, page: PageParams) {
  return useQuery(rewardsQueryOptions(brandId, page));
}
