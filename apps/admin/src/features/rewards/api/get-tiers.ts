import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { TiersDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

// The tier ladder for the minimum-tier choice; the same query key as the tiers screen, so both
// share one cache entry.
export function getTiers(brandId: string): Promise<TiersDto> {
  return unwrap(api.GET('/api/v1/brands/{brandId}/tiers', { params: { path: { brandId } } }));
}

export const tiersQueryOptions = (brandId: string) =>
  queryOptions({ queryKey: queryKeys.tiers(brandId), queryFn: () => getTiers(brandId) });

export function useTiers(brandId: string) {
  return useQuery(tiersQueryOptions(brandId));
}
