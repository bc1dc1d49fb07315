import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { BrandDto, UpdateBrandDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function updateBrand(brandId: string, body: UpdateBrandDto): Promise<BrandDto> {
  return unwrap(api.PATCH('/api/v1/brands/{brandId}', { params: { path: { brandId } }, body }));
}

export function useUpdateBrand(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateBrandDto) => updateBrand(brandId, body),
    onSuccess: async (brand) => {
      queryClient.setQueryData(queryKeys.brand(brandId), brand);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.brandList }),
        queryClient.invalidateQueries({ queryKey: queryKeys.me }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
