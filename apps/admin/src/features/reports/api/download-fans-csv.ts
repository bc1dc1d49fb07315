import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { downloadedFile, saveBlob } from '@/lib/download';

import { type RangeExportQuery, type ReportFile, fallbackFilename } from '../utils/download-query';

/** One row per fan with the range's figures, as the server's streamed CSV. */
export async function downloadFansCsv(brandId: string, query: RangeExportQuery): Promise<ReportFile> {
  return downloadedFile(
    await api.GET('/api/v1/brands/{brandId}/reports/fans.csv', {
      params: { path: { brandId }, query },
      parseAs: 'blob',
    }),
    fallbackFilename('fans', query),
  );
}

export function useDownloadFansCsv(brandId: string) {
  return useMutation({
    mutationFn: (query: RangeExportQuery) => downloadFansCsv(brandId, query),
    onSuccess: ({ blob, filename }) => saveBlob(blob, filename),
  });
}
