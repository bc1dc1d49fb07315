import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { CreateApiKeyDto, CreatedApiKeyDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function createApiKey(brandId: string, body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
  return unwrap(api.POST('/api/v1/brands/{brandId}/api-keys', { params: { path: { brandId } }, body }));
}

export function useCreateApiKey(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyDto) => createApiKey(brandId, body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
