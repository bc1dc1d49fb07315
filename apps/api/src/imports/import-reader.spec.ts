import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

import { BadRequest, PayloadTooLarge } from '../common/errors/domain-error';
import { type CsvRecord, detectDelimiter, ImportReader, withoutCarriageReturns } from './import-reader';

/** The text as a body arriving in pieces of `size` bytes (to cross every boundary). */
function body(text: string | Buffer, size = 7): Readable {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
  return Readable.from(pieces);
}

async function read(
  text: string | Buffer,
  size = 7,
  limit = 1024 * 1024,
): Promise<{ records: CsvRecord[]; reader: ImportReader }> {
  const reader = new ImportReader(body(text, size), limit);
  const records: CsvRecord[] = [];
  for await (const record of reader.records()) records.push(record);
  return { records, reader };
}

describe('ImportReader', () => {
  it('reads records with the line each starts on, across chunk boundaries and quoted line breaks', async () => {
    const text =
      'type,channel,note\r\nlike,x,"two\r\nlines"\r\n\r\ncomment,instagram,"say ""hi"""\r\n,,\r\nshare,facebook,last';
    for (const size of [1, 2, 3, 7, 1000]) {
      const { records } = await read(text, size);
      expect(records).toEqual([
        { line: 1, fields: ['type', 'channel', 'note'] },
        { line: 2, fields: ['like', 'x', 'two\nlines'] },
        { line: 5, fields: ['comment', 'instagram', 'say "hi"'] },
        // Line 6 holds only delimiters: a blank row, skipped like an empty line.
        { line: 7, fields: ['share', 'facebook', 'last'] },
      ]);
    }
  });

  it('detects semicolons from the header row and drops a byte order mark', async () => {
    const { records, reader } = await read('\uFEFFtype;channel;prop.amount\nlike;x;"1,5"\n');
    expect(reader.delimiter).toBe(';');
    expect(records).toEqual([
      { line: 1, fields: ['type', 'channel', 'prop.amount'] },
      { line: 2, fields: ['like', 'x', '1,5'] },
    ]);
  });

  it('hashes and counts every byte as sent', async () => {
    const text = '\uFEFFtype,channel\r\nlike,x\r\n';
    const { reader } = await read(text, 3);
    expect(reader.bytes).toBe(Buffer.byteLength(text));
    expect(reader.sha256).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('keeps quotes inside unquoted values and reports the record as it is', async () => {
    const { records } = await read('type,note\nlike,5" screen\n');
    expect(records[1]?.fields).toEqual(['like', '5" screen']);
  });

  it('refuses a quote that is never closed, naming where', async () => {
    const reading = read('type,note\nlike,fine\nlike,"open\nlike,more\n');
    await expect(reading).rejects.toBeInstanceOf(BadRequest);
    await expect(reading).rejects.toMatchObject({
      code: 'malformed_csv',
      message: expect.stringMatching(/after line 2 is never closed/),
    });
  });

  it('stops at the size limit', async () => {
    const text = `type,channel\n${'like,x\n'.repeat(100)}`;
    await expect(read(text, 16, 200)).rejects.toBeInstanceOf(PayloadTooLarge);
  });

  it('reads an empty body as no records', async () => {
    const { records, reader } = await read('');
    expect(records).toEqual([]);
    expect(reader.bytes).toBe(0);
  });
});

describe('detectDelimiter', () => {
  it('counts only the header row, outside quotes', () => {
    expect(detectDelimiter(Buffer.from('a,b,c\nx;y;z;w'))).toBe(',');
    expect(detectDelimiter(Buffer.from('"a,b";c;d\n'))).toBe(';');
    expect(detectDelimiter(Buffer.from('single'))).toBe(',');
  });
});

describe('withoutCarriageReturns', () => {
  it('turns CRLF into LF, also when the pair is split between chunks, and keeps lone CRs', async () => {
    const chunks = [Buffer.from('a\r'), Buffer.from('\nb\rc\r\n'), Buffer.from('d\r')];
    const out: Buffer[] = [];
    for await (const chunk of withoutCarriageReturns(Readable.from(chunks))) out.push(chunk);
    expect(Buffer.concat(out).toString()).toBe('a\nb\rc\nd\r');
  });
});
