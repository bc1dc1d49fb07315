import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { CampaignDto, UpdateCampaignDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function updateCampaign(
  brandId: string,
  campaignId: string,
  body: UpdateCampaignDto,
): Promise<CampaignDto> {
  return unwrap(
    api.PATCH('/api/v1/brands/{brandId}/campaigns/{campaignId}', {
      params: { path: { brandId, campaignId } },
      body,
    }),
  );
}

export function useUpdateCampaign(brandId: string, campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCampaignDto) => updateCampaign(brandId, campaignId, body),
    onSuccess: async (campaign) => {
      queryClient.setQueryData(queryKeys.campaign(brandId, campaignId), campaign);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.campaigns(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
