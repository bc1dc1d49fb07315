import type { OverviewReport } from '@fanfare/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import { queryKeys } from '@/lib/query-keys';

/** The dashboard's figures for the range and for the range of equal length before it. */
export function getOverview(brandId: string, from: string, to: string): Promise<OverviewReport> {
  return unwrap(
    api.GET('/api/v1/brands/{brandId}/reports/overview', {
      params: { path: { brandId }, query: { from, to } },
    }),
  );
}

export const overviewQueryOptions = (brandId: string, from: string, to: string) =>
  queryOptions({
    queryKey: queryKeys.overviewReport(brandId, from, to),
    queryFn: () => getOverview(brandId, from, to),
    placeholderData: keepPreviousData,
  });

export function useOverview(brandId: string, from: string, to: string) {
  return useQuery(overviewQueryOptions(brandId, from, to));
}
