// What the download buttons ask for: the series export takes the same filters as the series on the
// screen; the fan and ledger exports take the range only. Format and pseudonymisation are always sent
// explicitly (the API reads `pseudonymize=true|false`), so the file never depends on a server default
// the user cannot see.
import type { ExportFormat, ExportKind } from '@fanfare/shared';

import type { SeriesQuery } from './report-filters';

export interface DownloadOptions {
  format: ExportFormat;
  pseudonymize: boolean;
}

export const DEFAULT_DOWNLOAD_OPTIONS: DownloadOptions = { format: 'csv', pseudonymize: false };

export interface RangeExportQuery {
  from: string;
  to: string;
  format: ExportFormat;
  pseudonymize: 'true' | 'false';
}

export type SeriesExportQuery = SeriesQuery & RangeExportQuery;

/** active-fans.csv: exactly the series on the screen, as a file. */
export function seriesExportQuery(series: SeriesQuery, options: DownloadOptions): SeriesExportQuery {
  return { ...series, ...optionParams(options) };
}

/** fans.csv and ledger.csv: the range only; channel and campaign do not apply to them. */
export function rangeExportQuery(series: SeriesQuery, options: DownloadOptions): RangeExportQuery {
  return { from: series.from, to: series.to, ...optionParams(options) };
}

function optionParams(options: DownloadOptions): Pick<RangeExportQuery, 'format' | 'pseudonymize'> {
  return { format: options.format, pseudonymize: options.pseudonymize ? 'true' : 'false' };
}

/** The file name to use when the server names none (it normally does, in Content-Disposition). */
export function fallbackFilename(kind: ExportKind, query: { from: string; to: string }): string {
  return `${kind}-${query.from}-${query.to}.csv`;
}

/** A downloaded export: the bytes and the name the server gave the file. */
export type { DownloadedFile as ReportFile } from '@/lib/download';
