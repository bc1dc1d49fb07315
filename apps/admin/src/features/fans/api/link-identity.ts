import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { LinkedIdentityDto, LinkIdentityDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

/** Links an account to the fan by hand; a fan who held it before is merged into this one. */
export function linkIdentity(
  brandId: string,
  fanId: string,
  body: LinkIdentityDto,
): Promise<LinkedIdentityDto> {
  return unwrap(
    api.POST('/api/v1/brands/{brandId}/fans/{fanId}/identities', {
      params: { path: { brandId, fanId } },
      body,
    }),
  );
}

export function useLinkIdentity(brandId: string, fanId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LinkIdentityDto) => linkIdentity(brandId, fanId, body),
    // The fans key is a prefix of this fan's details, ledger and events, of a merged fan's, and of the list.
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.fans(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
