import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { AdjustmentDto, CreateAdjustmentDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export interface AdjustmentRequest {
  body: CreateAdjustmentDto;
  /** One per submission: a repeated request with it books nothing again. */
  idempotencyKey: string;
}

export function createAdjustment(
  brandId: string,
  fanId: string,
  { body, idempotencyKey }: AdjustmentRequest,
): Promise<AdjustmentDto> {
  return unwrap(
    api.POST('/api/v1/brands/{brandId}/fans/{fanId}/adjustments', {
      params: { path: { brandId, fanId }, header: { 'Idempotency-Key': idempotencyKey } },
      body,
    }),
  );
}

export function useCreateAdjustment(brandId: string, fanId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: AdjustmentRequest) => createAdjustment(brandId, fanId, request),
    onSuccess: async ({ fan }) => {
      queryClient.setQueryData(queryKeys.fan(brandId, fanId), fan);
      // The fan's key is a prefix of its ledger pages, and of the fans list's.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.fans(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
