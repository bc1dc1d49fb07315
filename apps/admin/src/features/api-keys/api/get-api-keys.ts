import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { ApiKeyPageDto } from '@/lib/api/types';
import { type PageParams, queryKeys } from '@/lib/query-keys';

export function getApiKeys(brandId: string, page: PageParams): Promise<ApiKeyPageDto> {
  return unwrap(
    api.GET('/api/v1/brands/{brandId}/api-keys', {
      params: {
        path: { brandId },
        query: { limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) },
      },
    }),
  );
}

export const apiKeysQueryOptions = (brandId: string, page: PageParams) =>
  queryOptions({
    queryKey: queryKeys.apiKeysPage(brandId, page),
    queryFn: () => getApiKeys(brandId, page),
    placeholderData: keepPreviousData,
  });

export function useApiKeys(brandId: string, page: PageParams, enabled: boolean) {
  return useQuery({ ...apiKeysQueryOptions(brandId, page), enabled });
}
