import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { LedgerPageDto } from '@/lib/api/types';
import { type PageParams, queryKeys } from '@/lib/query-keys';

export function getFanLedger(brandId: string, fanId: string, page: PageParams): Promise<LedgerPageDto> {
  return unwrap(
    api.GET('/api/v1/brands/{brandId}/fans/{fanId}/ledger', {
      params: {
        path: { brandId, fanId },
        query: { limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) },
      },
    }),
  );
}

export const fanLedgerQueryOptions = (brandId: string, fanId: string, page: PageParams) =>
  queryOptions({
    queryKey: queryKeys.fanLedgerPage(brandId, fanId, page),
    queryFn: () => getFanLedger(brandId, fanId, page),
    placeholderData: keepPreviousData,
  });

export function useFanLedger(brandId: string, fanId: string, page: PageParams) {
  return useQuery(fanLedgerQueryOptions(brandId, fanId, page));
}
