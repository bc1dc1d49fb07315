import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { AddMemberDto, AddedMemberDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function addMember(brandId: string, body: AddMemberDto): Promise<AddedMemberDto> {
  return unwrap(api.POST('/api/v1/brands/{brandId}/members', { params: { path: { brandId } }, body }));
}

export function useAddMember(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddMemberDto) => addMember(brandId, body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.members(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
