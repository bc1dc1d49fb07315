import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { RewardDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

// The API's largest page; a catalogue is far smaller than that in practice.
const MAX_REWARDS = 200;

/** The brand's rewards for the queue's reward filter. */
export async function getRewardOptions(brandId: string): Promise<RewardDto[]> {
  const page = await unwrap(
    api.GET('/api/v1/brands/{brandId}/rewards', {
      params: { path: { brandId }, query: { limit: MAX_REWARDS } },
    }),
  );
  return page.items;
}

export const rewardOptionsQueryOptions = (brandId: string) =>
  queryOptions({ queryKey: queryKeys.rewardOptions(brandId), queryFn: () => getRewardOptions(brandId) });

export function useRewardOptions(brandId: string) {
  return useQuery(rewardOptionsQueryOptions(brandId));
}
