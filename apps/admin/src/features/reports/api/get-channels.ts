import type { ChannelsReport } from '@fanfare/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import { queryKeys } from '@/lib/query-keys';

/** Fans, active fans and events per channel for the range. */
export function getChannels(brandId: string, from: string, to: string): Promise<ChannelsReport> {
  return unwrap(
    api.GET('/api/v1/brands/{brandId}/reports/channels', {
      params: { path: { brandId }, query: { from, to } },
    }),
  );
}

export const channelsQueryOptions = (brandId: string, from: string, to: string) =>
  queryOptions({
    queryKey: queryKeys.channelsReport(brandId, from, to),
    queryFn: () => getChannels(brandId, from, to),
    placeholderData: keepPreviousData,
  });

export function useChannels(brandId: string, from: string, to: string) {
  return useQuery(channelsQueryOptions(brandId, from, to));
}
