import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { RedemptionDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function cancelRedemption(
  brandId: string,
  redemptionId: string,
  reason: string,
): Promise<RedemptionDto> {
  return unwrap(
    api.POST('/api/v1/brands/{brandId}/redemptions/{redemptionId}/cancel', {
      params: { path: { brandId, redemptionId } },
      body: { reason },
    }),
  );
}

export function useCancelRedemption(brandId: string, redemptionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => cancelRedemption(brandId, redemptionId, reason),
    // The refund changes the fan's balance and history, and a restocked reward its stock.
    onSettled: async (redemption) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.redemptions(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.rewards(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
        ...(redemption
          ? [queryClient.invalidateQueries({ queryKey: queryKeys.fan(brandId, redemption.fanId) })]
          : []),
      ]);
    },
  });
}
