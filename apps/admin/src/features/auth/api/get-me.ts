import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import type { MeDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

/** The signed-in user, or null when there is no session (the API answers 401). */
export async function getMe(): Promise<MeDto | null> {
  try {
    return await unwrap(api.GET('/api/v1/auth/me'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      return null;
    }
    throw error;
  }
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.me, queryFn: getMe, staleTime: 5 * 60_000 });

export function useMe() {
  return useQuery(meQueryOptions());
}
