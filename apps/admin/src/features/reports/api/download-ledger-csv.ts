import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { toApiError } from '@/lib/api/problem';
import { filenameFromDisposition, saveBlob } from '@/lib/download';

import { type RangeExportQuery, type ReportFile, fallbackFilename } from '../utils/download-query';

/** Every points booking of the range, as the server's streamed CSV. */
export async function downloadLedgerCsv(brandId: string, query: RangeExportQuery): Promise<ReportFile> {
  const { data, error, response } = await api.GET('/api/v1/brands/{brandId}/reports/ledger.csv', {
    params: { path: { brandId }, query },
    parseAs: 'blob',
  });
  if (!response.ok || data === undefined) {
    throw toApiError(response, error);
  }
  return {
    blob: data,
    filename: filenameFromDisposition(
      response.headers.get('content-disposition'),
      fallbackFilename('ledger', query),
    ),
  };
}

export function useDownloadLedgerCsv(brandId: string) {
  return useMutation({
    mutationFn: (query: RangeExportQuery) => downloadLedgerCsv(brandId, query),
    onSuccess: ({ blob, filename }) => saveBlob(blob, filename),
  });
}
