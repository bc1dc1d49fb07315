import {
  type CodeUpload,
  CODE_SAMPLE_SIZE,
  isUnreadable,
  readCodeUpload,
  type UnreadableUpload,
  uploadFormat,
} from './code-upload';

function read(...args: Parameters<typeof readCodeUpload>): CodeUpload {
  const upload = readCodeUpload(...args);
  if (isUnreadable(upload)) throw new Error(`unreadable: ${JSON.stringify(upload.errors)}`);
  return upload;
}

describe('readCodeUpload', () => {
  it('reads plain text line by line: trims, counts blanks, reports repeats and rejects by line', () => {
    const upload = read('lines', `\uFEFF A-1 \r\nA-2\n\n   \nA-1\n${'x'.repeat(201)}\nB\tC\nA-3\n`);
    expect(upload).toEqual({
      codes: ['A-1', 'A-2', 'A-3'],
      entries: 6,
      blankLines: 2,
      duplicates: { count: 1, sample: ['A-1'] },
      rejected: [
        { line: 6, reason: 'is longer than 200 characters' },
        { line: 7, reason: expect.stringContaining('control character') as unknown },
      ],
      headerSkipped: false,
    });
  });

  it('keeps a code of exactly 200 characters, counting characters rather than bytes', () => {
    expect(read('lines', `${'ä'.repeat(200)}\n`).codes).toHaveLength(1);
  });

  it('reads the first column of CSV, skips a `code` header, and numbers quoted multi-line records by their first line', () => {
    const upload = read('csv', 'Code;note\nA-1;first\n"A,2",second\n\n"multi\nline",x\nA-3\n');
    expect(upload.headerSkipped).toBe(true);
    expect(upload.codes).toEqual(['A-1', 'A,2', 'A-3']);
    expect(upload.blankLines).toBe(1);
    expect(upload.rejected).toEqual([{ line: 5, reason: expect.stringContaining('control') as unknown }]);
  });

  it('does not skip a first row that is a code, nor a `code` line of plain text', () => {
    expect(read('csv', 'A-1\ncode\n').codes).toEqual(['A-1', 'code']);
    expect(read('lines', 'code\nA-1\n').codes).toEqual(['code', 'A-1']);
  });

  it('names the line of malformed CSV', () => {
    const upload = readCodeUpload('csv', 'A-1\n"A-2\n') as UnreadableUpload;
    expect(upload.errors).toEqual([{ field: '', reason: expect.stringMatching(/line \d/) as unknown }]);
  });

  it('reads a JSON list and refuses other shapes', () => {
    const upload = read('json', { codes: ['A-1', ' ', 7, 'A-1'] });
    expect(upload.codes).toEqual(['A-1']);
    expect(upload.rejected).toEqual([{ line: 3, reason: 'is not a text' }]);
    expect(upload.blankLines).toBe(1);
    expect(upload.duplicates.count).toBe(1);
    expect(readCodeUpload('json', { codes: 'A-1', extra: true })).toEqual({
      errors: [
        { field: 'extra', reason: 'is not a known field' },
        { field: 'codes', reason: 'must be a list of codes' },
      ],
    });
    expect(isUnreadable(readCodeUpload('lines', { codes: [] }))).toBe(true);
  });

  it('samples at most a few repeated codes but counts them all', () => {
    const codes = Array.from({ length: 50 }, (_, i) => `C-${i}`);
    const upload = read('json', { codes: [...codes, ...codes] });
    expect(upload.duplicates.count).toBe(50);
    expect(upload.duplicates.sample).toHaveLength(CODE_SAMPLE_SIZE);
  });
});

describe('uploadFormat', () => {
  it('reads the media type, ignoring parameters and case', () => {
    expect(uploadFormat('text/csv; charset=utf-8')).toBe('csv');
    expect(uploadFormat('Text/Plain')).toBe('lines');
    expect(uploadFormat('application/json')).toBe('json');
  });
});
