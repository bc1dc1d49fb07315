import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { CodeUploadResultDto } from '@/lib/api/types';
import { queryKeys } from '@/lib/query-keys';

import type { CodesContentType } from '../utils/upload-report';

export interface CodesUpload {
  text: string;
  contentType: CodesContentType;
}

/** The codes as the text they were typed or read from a file; the API parses CSV and plain lines itself. */
export function uploadCodes(
  brandId: string,
  rewardId: string,
  { text, contentType }: CodesUpload,
): Promise<CodeUploadResultDto> {
  return unwrap(
    api.POST('/api/v1/brands/{brandId}/rewards/{rewardId}/codes', {
      params: { path: { brandId, rewardId } },
      body: text,
      headers: { 'Content-Type': contentType },
      // The default serializer would send the text as a JSON string.
      bodySerializer: (body) => body,
    }),
  );
}

export function useUploadCodes(brandId: string, rewardId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upload: CodesUpload) => uploadCodes(brandId, rewardId, upload),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.rewards(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
}
