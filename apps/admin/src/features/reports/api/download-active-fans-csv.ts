import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { downloadedFile, saveBlob } from '@/lib/download';

import { type ReportFile, type SeriesExportQuery, fallbackFilename } from '../utils/download-query';

/** The active-fan series as the server's streamed CSV, named as the server names it. */
export async function downloadActiveFansCsv(brandId: string, query: SeriesExportQuery): Promise<ReportFile> {
  return downloadedFile(
    await api.GET('/api/v1/brands/{brandId}/reports/active-fans.csv', {
      params: { path: { brandId }, query },
      parseAs: 'blob',
    }),
    fallbackFilename('active-fans', query),
  );
}

export function useDownloadActiveFansCsv(brandId: string) {
  return useMutation({
    mutationFn: (query: SeriesExportQuery) => downloadActiveFansCsv(brandId, query),
    onSuccess: ({ blob, filename }) => saveBlob(blob, filename),
  });
}
