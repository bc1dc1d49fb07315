import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { FanDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function getFan(brandId: string, fanId: string): Promise<FanDto> {
  return unwrap(api.GET('/api/v1/brands/{brandId}/fans/{fanId}', { params: { path: { brandId, fanId } } }));
}

export const fanQueryOptions = (brandId: string, fanId: string) =>
  queryOptions({ queryKey: queryKeys.fan(brandId, fanId), queryFn: () => getFan(brandId, fanId) });

export function useFan(brandId: string, fanId: string) {
  return useQuery(fanQueryOptions(brandId, fanId));
}
