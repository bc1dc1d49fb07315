import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { RewardDto, UpdateRewardDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function updateReward(brandId: string, rewardId: string, body: UpdateRewardDto): Promise<RewardDto> {
  return unwrap(
    api.PATCH('/api/v1/brands/{brandId}/rewards/{rewardId}', {
      params: { path: { brandId, rewardId } },
      body,
    }),
  );
}

export function useUpdateReward(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ rewardId, body }: { rewardId: string; body: UpdateRewardDto }) =>
      updateReward(brandId, rewardId, body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.rewards(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
