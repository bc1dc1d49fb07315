// Saving a file the API answered: its name from Content-Disposition, the bytes through an object URL.

import { toApiError } from './api/problem';

/** Characters that would make a file name a path or that file systems refuse. */
const UNSAFE = /[/\\:*?"<>|\p{Cc}]+/gu;

function safeName(name: string): string {
  return name.replace(UNSAFE, '_').trim();
}

/**
 * The file name in a Content-Disposition header: `filename*` (RFC 5987, UTF-8) before `filename`,
 * quoted or not. Falls back when the header is missing or names nothing usable.
 */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) {
    return fallback;
  }
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended?.[2]) {
    try {
      const name = safeName(decodeURIComponent(extended[2].trim().replace(/^"|"$/g, '')));
      if (name) {
        return name;
      }
    } catch {
      // A malformed percent-encoding: try the plain parameter.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header);
  const raw = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim();
  const name = raw ? safeName(raw) : '';
  return name || fallback;
}

/** Hands the blob to the browser as a download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; the URL only has to outlive this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/**
 * A file the API answered (an openapi-fetch result read with `parseAs: 'blob'`), named as the server
 * names it; a problem answer becomes an ApiError.
 */
export function downloadedFile(
  result: { data?: Blob; error?: unknown; response: Response },
  fallback: string,
): DownloadedFile {
  const { data, error, response } = result;
  if (!response.ok || data === undefined) {
    throw toApiError(response, error);
  }
  return {
    blob: data,
    filename: filenameFromDisposition(response.headers.get('content-disposition'), fallback),
  };
}
