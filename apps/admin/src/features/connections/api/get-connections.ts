import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { ConnectionsDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function getConnections(brandId: string): Promise<ConnectionsDto> {
  return unwrap(api.GET('/api/v1/brands/{brandId}/connections', { params: { path: { brandId } } }));
}

export const connectionsQueryOptions = (brandId: string) =>
  queryOptions({ queryKey: queryKeys.connections(brandId), queryFn: () => getConnections(brandId) });

export function useConnections(brandId: string) {
  return useQuery(connectionsQueryOptions(brandId));
}
