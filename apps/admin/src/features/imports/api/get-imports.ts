import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { PageParams } from '@/lib/query-keys';

import { type ImportPageDto, anyActive } from '../utils/import-state';
import { importKeys } from './import-keys';

/** While an import is being received or booked, the list asks again this often. */
export const ACTIVE_POLL_MS = 2000;

export function getImports(brandId: string, page: PageParams): Promise<ImportPageDto> {
  return unwrap(
    api.GET('/api/v1/brands/{brandId}/imports', {
      params: {
        path: { brandId },
        query: { limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) },
      },
    }),
  );
}

/** The brand's imports, newest first; polled while one of them is still moving. */
export const importsQueryOptions = (brandId: string, page: PageParams) =>
  queryOptions({
    queryKey: importKeys.page(brandId, page),
    queryFn: () => getImports(brandId, page),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (anyActive(query.state.data?.items ?? []) ? ACTIVE_POLL_MS : false),
  });

export function useImports(brandId: string, page: PageParams) {
  return useQuery(importsQueryOptions(brandId, page));
}
