import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';

import { type ApiError, toApiError } from '@/lib/api/problem';
import { queryKeys } from '@/lib/query-keys';

import type { ImportDetailDto } from '../utils/import-state';
import { importKeys } from './import-keys';

export interface ImportUploadResult {
  /** false: the brand imported this very file before, and the answer is that import. */
  created: boolean;
  import: ImportDetailDto;
}

export interface UploadProgress {
  sent: number;
  total: number;
}

/** An upload the user stopped: not an error to show as one. */
export class UploadCancelled extends Error {
  constructor() {
    super('The upload was cancelled.');
    this.name = 'UploadCancelled';
  }
}

/**
 * Sends the file as the request body, as the browser reads it from disk (never whole in memory).
 * XMLHttpRequest rather than fetch: only it reports upload progress (fetch would need a streamed
 * body, which browsers send over HTTP/2 only).
 */
export function uploadImport(
  brandId: string,
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<ImportUploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    // The API keeps names of up to 255 characters.
    const url = `/api/v1/brands/${encodeURIComponent(brandId)}/imports?filename=${encodeURIComponent(file.name.slice(0, 255))}`;
    xhr.open('POST', url);
    xhr.withCredentials = true;
    // Excel and Windows often call CSV files something else; the API reads the bytes as CSV.
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) =>
      onProgress({ sent: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : null;
      } catch {
        body = null;
      }
      if (xhr.status === 200 || xhr.status === 202) {
        resolve({ created: xhr.status === 202, import: body as ImportDetailDto });
        return;
      }
      const headers = new Headers();
      const retryAfter = xhr.getResponseHeader('Retry-After');
      if (retryAfter) headers.set('Retry-After', retryAfter);
      reject(toApiError(new Response(null, { status: xhr.status, headers }), body));
    };
    xhr.onerror = () => reject(new TypeError('The upload could not reach the server.'));
    xhr.onabort = () => reject(new UploadCancelled());
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** Uploads one file at a time, with its progress and a way to cancel it. */
export function useUploadImport(brandId: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const controller = useRef<AbortController | null>(null);
  const mutation = useMutation<ImportUploadResult, ApiError | Error, File>({
    mutationFn: (file) => {
      controller.current = new AbortController();
      setProgress({ sent: 0, total: file.size });
      return uploadImport(brandId, file, setProgress, controller.current.signal);
    },
    onSettled: async () => {
      setProgress(null);
      controller.current = null;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: importKeys.all(brandId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog(brandId) }),
      ]);
    },
  });
  return { ...mutation, progress, cancel: () => controller.current?.abort() };
}
