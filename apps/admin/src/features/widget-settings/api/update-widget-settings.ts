import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { UpdateWidgetSettingsDto, WidgetSettingsDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function updateWidgetSettings(
  brandId: string,
  body: UpdateWidgetSettingsDto,
): Promise<WidgetSettingsDto> {
  return unwrap(
    api.PATCH('/api/v1/brands/{brandId}/widget-settings', { params: { path: { brandId } }, body }),
  );
}

export function useUpdateWidgetSettings(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateWidgetSettingsDto) => updateWidgetSettings(brandId, body),
    onSuccess: async (settings) => {
      queryClient.setQueryData(queryKeys.widgetSettings(brandId), settings);
      await queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) });
    },
  });
}
