import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { AuditLogPageDto } from '@/lib/api/types';
import { type PageParams, queryKeys } from '@/lib/query-keys';

export function getAuditLog(brandId: string, page: PageParams): Promise<AuditLogPageDto> {
  return unwrap(
    api.GET('/api/v1/brands/{brandId}/audit-log', {
      params: {
        path: { brandId },
        query: { limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) },
      },
    }),
  );
}

export const auditLogQueryOptions = (brandId: string, page: PageParams) =>
  queryOptions({
    queryKey: queryKeys.auditLogPage(brandId, page),
    queryFn: () => getAuditLog(brandId, page),
    placeholderData: keepPreviousData,
  });

export function useAuditLog(brandId: string, page: PageParams) {
  return useQuery(auditLogQueryOptions(brandId, page));
}
