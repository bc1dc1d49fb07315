import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { type DownloadedFile, downloadedFile, saveBlob } from '@/lib/download';

export type FanExportFile = DownloadedFile;

/** Everything stored about the fan as the API's JSON file, named as the server names it. */
export async function exportFan(brandId: string, fanId: string): Promise<FanExportFile> {
  return downloadedFile(
    await api.GET('/api/v1/brands/{brandId}/fans/{fanId}/export', {
      params: { path: { brandId, fanId } },
      parseAs: 'blob',
    }),
    `fan-${fanId}.json`,
  );
}

export function useExportFan(brandId: string, fanId: string) {
  return useMutation({
    mutationFn: () => exportFan(brandId, fanId),
    onSuccess: ({ blob, filename }) => saveBlob(blob, filename),
  });
}
