import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { downloadedFile, saveBlob } from '@/lib/download';

import { type RangeExportQuery, type ReportFile, fallbackFilename } from '../utils/download-query';

/** Every points booking of the range, as the server's streamed CSV. */
export async function downloadLedgerCsv(brandId: string, query: RangeExportQuery): Promise<ReportFile> {
  return downloadedFile(
    await api.GET('/api/v1/brands/{brandId}/reports/ledger.csv', {
      params: { path: { brandId }, query },
      parseAs: 'blob',
    }),
    fallbackFilename('ledger', query),
  );
}

export function useDownloadLedgerCsv(brandId: string) {
  return useMutation({
    mutationFn: (query: RangeExportQuery) => downloadLedgerCsv(brandId, query),
    onSuccess: ({ blob, filename }) => saveBlob(blob, filename),
  });
}
