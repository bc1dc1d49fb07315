import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { SenderSecretDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

/** Issues a sender a new secret (answered this once only); the current one verifies `overlapHours` more. */
export function rotateSender(
  brandId: string,
  senderId: string,
  overlapHours: number,
): Promise<SenderSecretDto> {
  return unwrap(
    api.POST('/api/v1/brands/{brandId}/connections/senders/{senderId}/rotate', {
      params: { path: { brandId, senderId } },
      body: { overlapHours },
    }),
  );
}

export function useRotateSender(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ senderId, overlapHours }: { senderId: string; overlapHours: number }) =>
      rotateSender(brandId, senderId, overlapHours),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.connections(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
