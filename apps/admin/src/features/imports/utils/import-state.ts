// What the import list shows about one import: how far booking has come and whether it is still
// moving (then the list asks again every two seconds).
import type { components } from '@/lib/api/schema';

export type ImportDto = components['schemas']['ImportDto'];
export type ImportDetailDto = components['schemas']['ImportDetailDto'];
export type ImportPageDto = components['schemas']['ImportPageDto'];
export type ImportStatus = ImportDto['status'];
export type ImportOutcome = keyof ImportDto['outcomes'];

/** The outcomes in the order the list shows them. */
export const OUTCOMES: readonly ImportOutcome[] = [
  'awarded',
  'no_match',
  'capped',
  'retracted',
  'duplicate',
  'rejected',
];

const ACTIVE: ReadonlySet<ImportStatus> = new Set(['receiving', 'queued', 'running']);

export function isActive(status: ImportStatus): boolean {
  return ACTIVE.has(status);
}

export function anyActive(imports: readonly ImportDto[]): boolean {
  return imports.some((item) => isActive(item.status));
}

/** Booked rows as a share of the valid rows, 0–100; a finished import with nothing to book is 100. */
export function bookedPercent(item: ImportDto): number {
  if (item.rowsValid === 0) return item.status === 'done' ? 100 : 0;
  return Math.min(100, Math.floor((item.rowsBooked / item.rowsValid) * 100));
}

export function statusColour(status: ImportStatus): string {
  switch (status) {
    case 'receiving':
    case 'running':
      return 'blue';
    case 'queued':
      return 'gray';
    case 'done':
      return 'teal';
    case 'failed':
      return 'red';
  }
}

/** Rows refused before or while booking: what errors.csv lists (up to its limit). */
export function refusedRows(item: ImportDto): number {
  return item.rowsRejected + item.outcomes.rejected;
}

/** "12.4 MB" / "12,4 MB": a file size in the UI language. */
export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
