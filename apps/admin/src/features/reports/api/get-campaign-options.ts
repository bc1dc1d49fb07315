import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { CampaignDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

// The API's largest page; a brand runs far fewer campaigns than that.
const MAX_CAMPAIGNS = 200;

/** The brand's campaigns for the campaign filter, newest first as the API lists them. */
export async function getCampaignOptions(brandId: string): Promise<CampaignDto[]> {
  const page = await unwrap(
    api.GET('/api/v1/brands/{brandId}/campaigns', {
      params: { path: { brandId }, query: { limit: MAX_CAMPAIGNS } },
    }),
  );
  return page.items;
}

export const campaignOptionsQueryOptions = (brandId: string) =>
  queryOptions({ queryKey: queryKeys.campaignOptions(brandId), queryFn: () => getCampaignOptions(brandId) });

export function useCampaignOptions(brandId: string) {
  return useQuery(campaignOptionsQueryOptions(brandId));
}
