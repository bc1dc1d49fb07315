import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { ChangePasswordDto, MeDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

export function changePassword(body: ChangePasswordDto): Promise<MeDto> {
  return unwrap(api.POST('/api/v1/auth/password', { body }));
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: (me) => {
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}
