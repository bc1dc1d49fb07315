import { describe, expect, it } from 'vitest';

import { IMPORT_COLUMNS, TEMPLATE_CSV } from './csv-template';
import { type ImportDto, anyActive, bookedPercent, formatBytes, refusedRows } from './import-state';

function item(overrides: Partial<ImportDto>): ImportDto {
  return {
    id: 'i1',
    status: 'running',
    filename: 'history.csv',
    sha256: null,
    bytes: 1000,
    rowsTotal: 10,
    rowsValid: 8,
    rowsRejected: 2,
    rowsBooked: 0,
    outcomes: { awarded: 0, no_match: 0, capped: 0, retracted: 0, duplicate: 0, rejected: 0 },
    points: 0,
    error: null,
    createdBy: 'owner@example.com',
    createdAt: '2026-11-27T10:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}

describe('import state', () => {
  it('measures progress as booked of valid rows', () => {
    expect(bookedPercent(item({ rowsBooked: 3, rowsValid: 8 }))).toBe(37);
    expect(bookedPercent(item({ rowsBooked: 8, rowsValid: 8 }))).toBe(100);
    expect(bookedPercent(item({ rowsValid: 0, status: 'done' }))).toBe(100);
    expect(bookedPercent(item({ rowsValid: 0, status: 'receiving' }))).toBe(0);
  });

  it('keeps polling while an import is still moving', () => {
    expect(anyActive([item({ status: 'done' }), item({ status: 'queued' })])).toBe(true);
    expect(anyActive([item({ status: 'done' }), item({ status: 'failed' })])).toBe(false);
  });

  it('counts rows refused before and while booking', () => {
    expect(refusedRows(item({ rowsRejected: 2, outcomes: { ...item({}).outcomes, rejected: 1 } }))).toBe(3);
  });

  it('writes sizes in the UI language', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(12_400_000, 'en')).toBe('12.4 MB');
    expect(formatBytes(12_400_000, 'de')).toBe('12,4 MB');
  });

  it('offers a template whose header names the columns', () => {
    expect(TEMPLATE_CSV.split('\r\n')[0]?.split(',').slice(0, IMPORT_COLUMNS.length)).toEqual([
      ...IMPORT_COLUMNS,
    ]);
  });
});
