import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrapEmpty } from '@/lib/api/client';
import { queryKeys } from '@/lib/query-keys';

export function deleteMetaConnection(brandId: string): Promise<void> {
  return unwrapEmpty(
    api.DELETE('/api/v1/brands/{brandId}/connections/meta', { params: { path: { brandId } } }),
  );
}

export function useDeleteMetaConnection(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteMetaConnection(brandId),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.connections(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
