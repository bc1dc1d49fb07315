import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { WidgetSettingsDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function getWidgetSettings(brandId: string): Promise<WidgetSettingsDto> {
  return unwrap(api.GET('/api/v1/brands/{brandId}/widget-settings', { params: { path: { brandId } } }));
}

export const widgetSettingsQueryOptions = (brandId: string) =>
  queryOptions({ queryKey: queryKeys.widgetSettings(brandId), queryFn: () => getWidgetSettings(brandId) });

export function useWidgetSettings(brandId: string) {
  return useQuery(widgetSettingsQueryOptions(brandId));
}
