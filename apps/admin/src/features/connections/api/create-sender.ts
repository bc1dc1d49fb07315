import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { SenderSecretDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

/** Adds a generic webhook sender; the answer carries its secret this once only. */
export function createSender(brandId: string, name: string): Promise<SenderSecretDto> {
  return unwrap(
    api.POST('/api/v1/brands/{brandId}/connections/senders', {
      params: { path: { brandId } },
      body: { name },
    }),
  );
}

export function useCreateSender(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => createSender(brandId, name),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.connections(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
