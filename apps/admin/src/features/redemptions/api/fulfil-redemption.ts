import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { RedemptionDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function fulfilRedemption(brandId: string, redemptionId: string): Promise<RedemptionDto> {
  return unwrap(
    api.POST('/api/v1/brands/{brandId}/redemptions/{redemptionId}/fulfil', {
      params: { path: { brandId, redemptionId } },
    }),
  );
}

export function useFulfilRedemption(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (redemptionId: string) => fulfilRedemption(brandId, redemptionId),
    // Also after a 409: the row then shows the state someone else left it in.
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.redemptions(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
