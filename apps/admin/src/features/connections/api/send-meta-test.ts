import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrapEmpty } from '@/lib/api/client';
import { queryKeys } from '@/lib/query-keys';

/**
 * Has the API sign and send itself a comment as Meta would. The answer (the delivery's id) is not
 * needed: the delivery shows up at the top of the log, which is refreshed.
 */
export function sendMetaTest(brandId: string): Promise<void> {
  return unwrapEmpty(
    api.POST('/api/v1/brands/{brandId}/connections/meta/test', { params: { path: { brandId } } }),
  );
}

export function useSendMetaTest(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => sendMetaTest(brandId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.allHookDeliveries(brandId) }),
  });
}
