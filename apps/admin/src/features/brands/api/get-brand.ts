import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { BrandDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function getBrand(brandId: string): Promise<BrandDto> {
  return unwrap(api.GET('/api/v1/brands/{brandId}', { params: { path: { brandId } } }));
}

export const brandQueryOptions = (brandId: string) =>
  queryOptions({ queryKey: queryKeys.brand(brandId), queryFn: () => getBrand(brandId) });

export function useBrand(brandId: string) {
  return useQuery(brandQueryOptions(brandId));
}
