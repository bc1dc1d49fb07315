import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { type DownloadedFile, downloadedFile, saveBlob } from '@/lib/download';

/** The import's refused rows (line, id, reasons) as the API's CSV file. */
export async function downloadImportErrors(brandId: string, importId: string): Promise<DownloadedFile> {
  return downloadedFile(
    await api.GET('/api/v1/brands/{brandId}/imports/{importId}/errors.csv', {
      params: { path: { brandId, importId } },
      parseAs: 'blob',
    }),
    `import-${importId}-errors.csv`,
  );
}

export function useDownloadImportErrors(brandId: string) {
  return useMutation({
    mutationFn: (importId: string) => downloadImportErrors(brandId, importId),
    onSuccess: ({ blob, filename }) => saveBlob(blob, filename),
  });
}
