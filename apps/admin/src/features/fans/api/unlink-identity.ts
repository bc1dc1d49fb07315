import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrapEmpty } from '@/lib/api/client';
import { queryKeys } from '@/lib/query-keys';

/** Takes an account off the fan: its next event starts a fan of its own. */
export function unlinkIdentity(brandId: string, fanId: string, identityId: string): Promise<void> {
  return unwrapEmpty(
    api.DELETE('/api/v1/brands/{brandId}/fans/{fanId}/identities/{identityId}', {
      params: { path: { brandId, fanId, identityId } },
    }),
  );
}

export function useUnlinkIdentity(brandId: string, fanId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (identityId: string) => unlinkIdentity(brandId, fanId, identityId),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.fans(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
