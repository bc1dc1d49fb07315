import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { toApiError } from '@/lib/api/problem';
import { filenameFromDisposition, saveBlob } from '@/lib/download';

export interface FanExportFile {
  blob: Blob;
  filename: string;
}

/** Everything stored about the fan as the API's JSON file, named as the server names it. */
export async function exportFan(brandId: string, fanId: string): Promise<FanExportFile> {
  const { data, error, response } = await api.GET('/api/v1/brands/{brandId}/fans/{fanId}/export', {
    params: { path: { brandId, fanId } },
    parseAs: 'blob',
  });
  if (!response.ok || data === undefined) {
    throw toApiError(response, error);
  }
  return {
    blob: data,
    filename: filenameFromDisposition(response.headers.get('content-disposition'), `fan-${fanId}.json`),
  };
}

export function useExportFan(brandId: string, fanId: string) {
  return useMutation({
    mutationFn: () => exportFan(brandId, fanId),
    onSuccess: ({ blob, filename }) => saveBlob(blob, filename),
  });
}
