import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { CampaignDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function getCampaign(brandId: string, campaignId: string): Promise<CampaignDto> {
  return unwrap(
    api.GET('/api/v1/brands/{brandId}/campaigns/{campaignId}', {
      params: { path: { brandId, campaignId } },
    }),
  );
}

export const campaignQueryOptions = (brandId: string, campaignId: string) =>
  queryOptions({
    queryKey: queryKeys.campaign(brandId, campaignId),
    queryFn: () => getCampaign(brandId, campaignId),
  });

export function useCampaign(brandId: string, campaignId: string) {
  return useQuery(campaignQueryOptions(brandId, campaignId));
}
