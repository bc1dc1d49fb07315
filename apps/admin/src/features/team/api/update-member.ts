import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { MemberDto, UpdateMemberDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function updateMember(brandId: string, userId: string, body: UpdateMemberDto): Promise<MemberDto> {
  return unwrap(
    api.PATCH('/api/v1/brands/{brandId}/members/{userId}', { params: { path: { brandId, userId } }, body }),
  );
}

export function useUpdateMember(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: UpdateMemberDto }) =>
      updateMember(brandId, userId, body),
    onSettled: async () => {
      // Also after a refusal (last_owner): the list must show the role the server kept.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.members(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
        // The user may have changed their own role.
        queryClient.invalidateQueries({ queryKey: queryKeys.brand(brandId), exact: true }),
        queryClient.invalidateQueries({ queryKey: queryKeys.brandList }),
        queryClient.invalidateQueries({ queryKey: queryKeys.me }),
      ]);
    },
  });
}
