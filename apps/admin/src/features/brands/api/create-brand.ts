import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { BrandDto, CreateBrandDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function createBrand(body: CreateBrandDto): Promise<BrandDto> {
  return unwrap(api.POST('/api/v1/brands', { body }));
}

export function useCreateBrand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBrand,
    onSuccess: (brand) => {
      queryClient.setQueryData(queryKeys.brand(brand.id), brand);
      // Not awaited: the caller navigates to the new brand at once, and the start page that may have
      // opened the dialog unmounts as soon as the brand list holds a brand.
      void Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.brandList }),
        queryClient.invalidateQueries({ queryKey: queryKeys.me }),
      ]);
    },
  });
}
