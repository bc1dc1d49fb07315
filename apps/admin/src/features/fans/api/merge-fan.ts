import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { FanDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

/** Merges `otherId` into `fanId`; answers the surviving fan with the summed balance. */
export function mergeFan(brandId: string, fanId: string, otherId: string): Promise<FanDto> {
  return unwrap(
    api.POST('/api/v1/brands/{brandId}/fans/{fanId}/merge', {
      params: { path: { brandId, fanId } },
      body: { fanId: otherId },
    }),
  );
}

export function useMergeFan(brandId: string, fanId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (otherId: string) => mergeFan(brandId, fanId, otherId),
    onSuccess: async (fan) => {
      queryClient.setQueryData(queryKeys.fan(brandId, fanId), fan);
      // The fans key is a prefix of both fans' details, ledgers and events, and of the fans list.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.fans(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
