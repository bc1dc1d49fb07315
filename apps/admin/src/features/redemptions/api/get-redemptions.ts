import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { RedemptionPageDto } from '@/lib/api/types';
import { type PageParams, queryKeys } from '@/lib/query-keys';

import type { RedemptionQuery } from '../utils/redemption-filters';

export function getRedemptions(
  brandId: string,
  page: PageParams,
  filters: RedemptionQuery,
): Promise<RedemptionPageDto> {
  return unwrap(
    api.GET('/api/v1/brands/{brandId}/redemptions', {
      params: {
        path: { brandId },
        query: { limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}), ...filters },
      },
    }),
  );
}

export const redemptionsQueryOptions = (brandId: string, page: PageParams, filters: RedemptionQuery) =>
  queryOptions({
    queryKey: queryKeys.redemptionsPage(brandId, page, filters),
    queryFn: () => getRedemptions(brandId, page, filters),
    placeholderData: keepPreviousData,
  });

export function useRedemptions(brandId: string, page: PageParams, filters: RedemptionQuery) {
  return useQuery(redemptionsQueryOptions(brandId, page, filters));
}
