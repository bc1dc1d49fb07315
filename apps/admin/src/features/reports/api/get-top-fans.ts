import type { TopFansReport } from '@fanfare/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import { queryKeys } from '@/lib/query-keys';

/** The fans who earned the most points in the range (the API allows 1–100, 10 by default). */
export function getTopFans(brandId: string, from: string, to: string, limit: number): Promise<TopFansReport> {
  return unwrap(
    api.GET('/api/v1/brands/{brandId}/reports/top-fans', {
      params: { path: { brandId }, query: { from, to, limit } },
    }),
  );
}

export const topFansQueryOptions = (brandId: string, from: string, to: string, limit: number) =>
  queryOptions({
    queryKey: queryKeys.topFansReport(brandId, from, to, limit),
    queryFn: () => getTopFans(brandId, from, to, limit),
    placeholderData: keepPreviousData,
  });

export function useTopFans(brandId: string, from: string, to: string, limit: number) {
  return useQuery(topFansQueryOptions(brandId, from, to, limit));
}
