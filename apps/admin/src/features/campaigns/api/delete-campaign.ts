import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrapEmpty } from '@/lib/api/client';
import { queryKeys } from '@/lib/query-keys';

export function deleteCampaign(brandId: string, campaignId: string): Promise<void> {
  return unwrapEmpty(
    api.DELETE('/api/v1/brands/{brandId}/campaigns/{campaignId}', {
      params: { path: { brandId, campaignId } },
    }),
  );
}

export function useDeleteCampaign(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (campaignId: string) => deleteCampaign(brandId, campaignId),
    onSuccess: async (_, campaignId) => {
      queryClient.removeQueries({ queryKey: queryKeys.campaign(brandId, campaignId) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.campaigns(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
