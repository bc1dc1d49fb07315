import type { CohortsReport } from '@fanfare/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import { queryKeys } from '@/lib/query-keys';

/** The retention triangle for the cohorts first seen from month `from` to month `to` (`YYYY-MM`). */
export function getCohorts(brandId: string, from: string, to: string): Promise<CohortsReport> {
  return unwrap(
    api.GET('/api/v1/brands/{brandId}/reports/cohorts', {
      params: { path: { brandId }, query: { from, to } },
    }),
  );
}

export const cohortsQueryOptions = (brandId: string, from: string, to: string) =>
  queryOptions({
    queryKey: queryKeys.cohortsReport(brandId, from, to),
    queryFn: () => getCohorts(brandId, from, to),
    placeholderData: keepPreviousData,
  });

export function useCohorts(brandId: string, from: string, to: string) {
  return useQuery(cohortsQueryOptions(brandId, from, to));
}
