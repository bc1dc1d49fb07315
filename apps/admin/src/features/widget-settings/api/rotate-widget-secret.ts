import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { NewWidgetSecretDto, RotateWidgetSecretDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

/** Issues a new signing secret; the answer carries the secret this once only. */
export function rotateWidgetSecret(
  brandId: string,
  body: RotateWidgetSecretDto,
): Promise<NewWidgetSecretDto> {
  return unwrap(
    api.POST('/api/v1/brands/{brandId}/widget-settings/secrets', { params: { path: { brandId } }, body }),
  );
}

export function useRotateWidgetSecret(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RotateWidgetSecretDto) => rotateWidgetSecret(brandId, body),
    onSuccess: async ({ settings }) => {
      queryClient.setQueryData(queryKeys.widgetSettings(brandId), settings);
      await queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) });
    },
  });
}
