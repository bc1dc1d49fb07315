import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { toApiError } from '@/lib/api/problem';
import { filenameFromDisposition, saveBlob } from '@/lib/download';

import type { RedemptionQuery } from '../utils/redemption-filters';

export interface RedemptionsExportFile {
  blob: Blob;
  filename: string;
}

/** The redemptions the filters match, as the API's CSV file, named as the server names it. */
export async function exportRedemptions(
  brandId: string,
  filters: RedemptionQuery,
): Promise<RedemptionsExportFile> {
  const { data, error, response } = await api.GET('/api/v1/brands/{brandId}/redemptions.csv', {
    params: { path: { brandId }, query: filters },
    parseAs: 'blob',
  });
  if (!response.ok || data === undefined) {
    throw toApiError(response, error);
  }
  return {
    blob: data,
    filename: filenameFromDisposition(response.headers.get('content-disposition'), 'redemptions.csv'),
  };
}

export function useExportRedemptions(brandId: string) {
  return useMutation({
    mutationFn: (filters: RedemptionQuery) => exportRedemptions(brandId, filters),
    onSuccess: ({ blob, filename }) => saveBlob(blob, filename),
  });
}
