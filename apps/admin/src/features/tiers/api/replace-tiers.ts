import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { PutTiersDto, TiersDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function replaceTiers(brandId: string, body: PutTiersDto): Promise<TiersDto> {
  return unwrap(api.PUT('/api/v1/brands/{brandId}/tiers', { params: { path: { brandId } }, body }));
}

export function useReplaceTiers(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutTiersDto) => replaceTiers(brandId, body),
    onSuccess: async (tiers) => {
      queryClient.setQueryData(queryKeys.tiers(brandId), tiers);
      await queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) });
    },
  });
}
