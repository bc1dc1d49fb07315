// Coupon code uploads: which content type a file goes out as, and the API's report as the lines the
// upload dialog shows.
import type { CodeUploadResultDto } from '@/lib/api/types';

export type CodesContentType = 'text/csv' | 'text/plain';

/** CSV files (by type or name) go as text/csv, so the API reads their first column; anything else is one code a line. */
export function codesContentType(file: { name: string; type: string } | null): CodesContentType {
  if (file && (file.type === 'text/csv' || /\.csv$/i.test(file.name))) {
    return 'text/csv';
  }
  return 'text/plain';
}

export type UploadReportKind = 'added' | 'duplicatesInUpload' | 'alreadyStored' | 'blankLines';

export interface UploadReportLine {
  kind: UploadReportKind;
  count: number;
  /** Some of the codes concerned, when the API names them. */
  sample: string[];
}

export interface UploadReport {
  lines: UploadReportLine[];
  rejected: CodeUploadResultDto['rejected'];
  /** Rejected lines the API counted but did not list (it lists the first 100). */
  rejectedNotListed: number;
  rejectedCount: number;
  codesAvailable: number;
  codesAssigned: number;
}

/** "Added" always; the other counts only when something happened. */
export function summarizeUpload(result: CodeUploadResultDto): UploadReport {
  const lines: UploadReportLine[] = [
    { kind: 'added', count: result.added, sample: [] },
    {
      kind: 'duplicatesInUpload',
      count: result.duplicatesInUpload.count,
      sample: result.duplicatesInUpload.sample,
    },
    { kind: 'alreadyStored', count: result.alreadyStored.count, sample: result.alreadyStored.sample },
    { kind: 'blankLines', count: result.blankLines, sample: [] },
  ];
  return {
    lines: lines.filter((line) => line.kind === 'added' || line.count > 0),
    rejected: result.rejected,
    rejectedNotListed: Math.max(0, result.rejectedCount - result.rejected.length),
    rejectedCount: result.rejectedCount,
    codesAvailable: result.codesAvailable,
    codesAssigned: result.codesAssigned,
  };
}
