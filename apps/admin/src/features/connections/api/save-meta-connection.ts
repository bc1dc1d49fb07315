import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { ConnectionsDto, PutMetaConnectionDto, SavedMetaConnectionDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

/** Connects the Meta app or changes it; a new verify token is in the answer this once only. */
export function saveMetaConnection(
  brandId: string,
  body: PutMetaConnectionDto,
): Promise<SavedMetaConnectionDto> {
  return unwrap(
    api.PUT('/api/v1/brands/{brandId}/connections/meta', { params: { path: { brandId } }, body }),
  );
}

export function useSaveMetaConnection(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutMetaConnectionDto) => saveMetaConnection(brandId, body),
    onSuccess: async ({ connection }) => {
      queryClient.setQueryData<ConnectionsDto>(queryKeys.connections(brandId), (old) =>
        old ? { ...old, meta: connection } : old,
      );
      await queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) });
    },
  });
}
