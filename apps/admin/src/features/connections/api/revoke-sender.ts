import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrapEmpty } from '@/lib/api/client';
import { queryKeys } from '@/lib/query-keys';

export function revokeSender(brandId: string, senderId: string): Promise<void> {
  return unwrapEmpty(
    api.DELETE('/api/v1/brands/{brandId}/connections/senders/{senderId}', {
      params: { path: { brandId, senderId } },
    }),
  );
}

export function useRevokeSender(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (senderId: string) => revokeSender(brandId, senderId),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.connections(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
