import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { MemberPageDto } from '@/lib/api/types';
import { type PageParams, queryKeys } from '@/lib/query-keys';

export function getMembers(brandId: string, page: PageParams): Promise<MemberPageDto> {
  return unwrap(
    api.GET('/api/v1/brands/{brandId}/members', {
      params: {
        path: { brandId },
        query: { limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) },
      },
    }),
  );
}

export const membersQueryOptions = (brandId: string, page: PageParams) =>
  queryOptions({
    queryKey: queryKeys.membersPage(brandId, page),
    queryFn: () => getMembers(brandId, page),
    placeholderData: keepPreviousData,
  });

export function useMembers(brandId: string, page: PageParams) {
  return useQuery(membersQueryOptions(brandId, page));
}
