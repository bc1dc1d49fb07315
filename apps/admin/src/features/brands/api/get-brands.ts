import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { BrandDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

/** All brands the user belongs to; the switcher needs the whole list, so every page is read. */
export async function getBrands(): Promise<BrandDto[]> {
  const brands: BrandDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(api.GET('/api/v1/brands', { params: { query: cursor ? { cursor } : {} } }));
    brands.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return brands;
}

export const brandsQueryOptions = () => queryOptions({ queryKey: queryKeys.brandList, queryFn: getBrands });

export function useBrands() {
  return useQuery(brandsQueryOptions());
}
