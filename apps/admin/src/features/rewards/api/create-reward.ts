import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { CreateRewardDto, RewardDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function createReward(brandId: string, body: CreateRewardDto): Promise<RewardDto> {
  return unwrap(api.POST('/api/v1/brands/{brandId}/rewards', { params: { path: { brandId } }, body }));
}

export function useCreateReward(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRewardDto) => createReward(brandId, body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.rewards(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
