import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { CampaignPageDto, CampaignStatus } from '@/lib/api/types';
import { type PageParams, queryKeys } from '@/lib/query-keys';

export function getCampaigns(
  brandId: string,
  page: PageParams,
  status: CampaignStatus | null,
): Promise<CampaignPageDto> {
  return unwrap(
    api.GET('/api/v1/brands/{brandId}/campaigns', {
      params: {
        path: { brandId },
        query: {
          limit: page.limit,
          ...(page.cursor ? { cursor: page.cursor } : {}),
          ...(status ? { status } : {}),
        },
      },
    }),
  );
}

export const campaignsQueryOptions = (brandId: string, page: PageParams, status: CampaignStatus | null) =>
  queryOptions({
    queryKey: queryKeys.campaignsPage(brandId, page, status),
    queryFn: () => getCampaigns(brandId, page, status),
    placeholderData: keepPreviousData,
  });

export function useCampaigns(brandId: string, page: PageParams, status: CampaignStatus | null) {
  return useQuery(campaignsQueryOptions(brandId, page, status));
}
