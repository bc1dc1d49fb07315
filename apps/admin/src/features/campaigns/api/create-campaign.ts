import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { CampaignDto, CreateCampaignDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function createCampaign(brandId: string, body: CreateCampaignDto): Promise<CampaignDto> {
  return unwrap(api.POST('/api/v1/brands/{brandId}/campaigns', { params: { path: { brandId } }, body }));
}

export function useCreateCampaign(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCampaignDto) => createCampaign(brandId, body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.campaigns(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
