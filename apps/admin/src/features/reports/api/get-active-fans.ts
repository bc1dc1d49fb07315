import type { ActiveFansReport } from '@fanfare/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import { queryKeys } from '@/lib/query-keys';

import type { SeriesQuery } from '../utils/report-filters';

/** Active fans, all fans, the ratio and new/returning fans per day, week or month of the range. */
export function getActiveFans(brandId: string, query: SeriesQuery): Promise<ActiveFansReport> {
  return unwrap(
    api.GET('/api/v1/brands/{brandId}/reports/active-fans', { params: { path: { brandId }, query } }),
  );
}

export const activeFansQueryOptions = (brandId: string, query: SeriesQuery) =>
  queryOptions({
    queryKey: queryKeys.activeFansReport(brandId, query),
    queryFn: () => getActiveFans(brandId, query),
    placeholderData: keepPreviousData,
  });

export function useActiveFans(brandId: string, query: SeriesQuery) {
  return useQuery(activeFansQueryOptions(brandId, query));
}
