import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { FanDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

/** Erases the fan's personal data; points and ledger totals stay. Erasing twice changes nothing. */
export function eraseFan(brandId: string, fanId: string): Promise<FanDto> {
  return unwrap(
    api.POST('/api/v1/brands/{brandId}/fans/{fanId}/erase', { params: { path: { brandId, fanId } } }),
  );
}

export function useEraseFan(brandId: string, fanId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => eraseFan(brandId, fanId),
    onSuccess: async (fan) => {
      queryClient.setQueryData(queryKeys.fan(brandId, fanId), fan);
      // Names and event texts are gone: the list, the events and the ledger must not show them.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.fans(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
