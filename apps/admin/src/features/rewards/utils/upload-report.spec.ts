import { describe, expect, it } from 'vitest';

import type { CodeUploadResultDto } from '@/lib/api/types';

import { codesContentType, summarizeUpload } from './upload-report';

const result = (changes: Partial<CodeUploadResultDto>): CodeUploadResultDto => ({
  added: 3,
  duplicatesInUpload: { count: 0, sample: [] },
  alreadyStored: { count: 0, sample: [] },
  blankLines: 0,
  rejected: [],
  rejectedCount: 0,
  codesAvailable: 3,
  codesAssigned: 0,
  ...changes,
});

describe('codesContentType', () => {
  it('sends CSV files as text/csv, by type or by name', () => {
    expect(codesContentType({ name: 'codes.csv', type: '' })).toBe('text/csv');
    expect(codesContentType({ name: 'export', type: 'text/csv' })).toBe('text/csv');
    expect(codesContentType({ name: 'CODES.CSV', type: 'application/vnd.ms-excel' })).toBe('text/csv');
  });

  it('sends text files and pasted codes as one code a line', () => {
    expect(codesContentType({ name: 'codes.txt', type: 'text/plain' })).toBe('text/plain');
    expect(codesContentType(null)).toBe('text/plain');
  });
});

describe('summarizeUpload', () => {
  it('shows only what was added when nothing else happened', () => {
    const report = summarizeUpload(result({}));
    expect(report.lines).toEqual([{ kind: 'added', count: 3, sample: [] }]);
    expect(report.rejectedCount).toBe(0);
    expect(report.codesAvailable).toBe(3);
  });

  it('lists repeats, stored codes, blanks and rejected lines with what the API left unlisted', () => {
    const report = summarizeUpload(
      result({
        added: 0,
        duplicatesInUpload: { count: 2, sample: ['A', 'B'] },
        alreadyStored: { count: 1, sample: ['C'] },
        blankLines: 4,
        rejected: [{ line: 7, reason: 'is longer than 200 characters' }],
        rejectedCount: 101,
        codesAvailable: 40,
        codesAssigned: 2,
      }),
    );
    expect(report.lines.map((line) => [line.kind, line.count])).toEqual([
      ['added', 0],
      ['duplicatesInUpload', 2],
      ['alreadyStored', 1],
      ['blankLines', 4],
    ]);
    expect(report.lines[1]?.sample).toEqual(['A', 'B']);
    expect(report.rejected).toEqual([{ line: 7, reason: 'is longer than 200 characters' }]);
    expect(report.rejectedNotListed).toBe(100);
    expect(report.codesAssigned).toBe(2);
  });
});
