import { PassThrough, Readable } from 'node:stream';

import { parse } from 'csv-parse/sync';

import { CsvRecordSplitter, MergedCsv } from './csv-records';

/** Feeds `input` to a splitter in pieces cut at `cuts` and returns all it gave back. */
function split(input: string, cuts: number[]): string {
  const splitter = new CsvRecordSplitter();
  const bytes = Buffer.from(input);
  const out: Buffer[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    const whole = splitter.take(bytes.subarray(from, cut));
    if (whole) out.push(whole);
    from = cut;
  }
  const rest = splitter.rest();
  if (rest) out.push(rest);
  return Buffer.concat(out).toString();
}

const read = async (stream: Readable): Promise<string> => {
  const pieces: Buffer[] = [];
  for await (const piece of stream) pieces.push(piece as Buffer);
  return Buffer.concat(pieces).toString();
};

describe('CsvRecordSplitter', () => {
  const copy = 'id,handle\n1,plain\n2,"with, comma"\n3,"two\nlines"\n4,"quote "" and\n""line"""\n5,\n';
  const crlf =
    'id,handle\r\n1,plain\r\n2,"with, comma"\r\n3,"two\nlines"\r\n4,"quote "" and\n""line"""\r\n5,\r\n';

  it('ends records with CRLF and keeps line breaks inside quoted fields', () => {
    expect(split(copy, [])).toBe(crlf);
    expect(parse(split(copy, []), { columns: true })).toEqual([
      { id: '1', handle: 'plain' },
      { id: '2', handle: 'with, comma' },
      { id: '3', handle: 'two\nlines' },
      { id: '4', handle: 'quote " and\n"line"' },
      { id: '5', handle: '' },
    ]);
  });

  it('gives the same records however the input is cut, one byte at a time included', () => {
    const length = Buffer.byteLength(copy);
    for (let cut = 0; cut <= length; cut += 1) expect(split(copy, [cut])).toBe(crlf);
    expect(
      split(
        copy,
        Array.from({ length }, (_, i) => i),
      ),
    ).toBe(crlf);
  });

  it('gives back only whole records and keeps the start of an unfinished one', () => {
    const splitter = new CsvRecordSplitter();
    expect(splitter.take(Buffer.from('1,"a\n'))).toBeNull();
    expect(splitter.take(Buffer.from('b"\n2,'))?.toString()).toBe('1,"a\nb"\r\n');
    expect(splitter.take(Buffer.from('c'))).toBeNull();
    expect(splitter.rest()?.toString()).toBe('2,c\r\n');
    expect(splitter.rest()).toBeNull();
  });

  it('keeps multi-byte characters whole when a chunk ends inside one', () => {
    const text = 'id,name\n1,Jörg 🎉\n2,Zoë\n';
    const expected = 'id,name\r\n1,Jörg 🎉\r\n2,Zoë\r\n';
    const bytes = Buffer.byteLength(text);
    for (let cut = 0; cut <= bytes; cut += 1) expect(split(text, [cut])).toBe(expected);
  });
});

describe('MergedCsv', () => {
  it('starts with the head and interleaves only whole records of every source', async () => {
    const a = new PassThrough();
    const b = new PassThrough();
    const file = new MergedCsv([a, b], '\uFEFFid;name\r\n');
    const done = read(file);
    a.write('a1;"x\n');
    b.write('b1;y\nb2;');
    a.write('y"\na2;z\n');
    b.end('"q\nq"\n');
    a.end();
    const text = await done;
    expect(text.startsWith('\uFEFFid;name\r\n')).toBe(true);
    const records = text.slice('\uFEFFid;name\r\n'.length).split('\r\n');
    expect(records.sort()).toEqual(['', 'a1;"x\ny"', 'a2;z', 'b1;y', 'b2;"q\nq"']);
  });

  it('ends when every source has ended, and at once without sources', async () => {
    expect(await read(new MergedCsv([], 'h\r\n'))).toBe('h\r\n');
    const a = new PassThrough();
    const b = new PassThrough();
    const file = new MergedCsv([a, b], '');
    let ended = false;
    const done = read(file).then((text) => {
      ended = true;
      return text;
    });
    a.end('1\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(ended).toBe(false);
    b.end('2');
    expect((await done).split('\r\n').sort()).toEqual(['', '1', '2']);
  });

  it('pauses every source while the reader falls behind, and resumes them when it reads', async () => {
    const line = `${'x'.repeat(1023)}\n`;
    const sources = [0, 1].map(() => new PassThrough({ highWaterMark: 1024 }));
    const file = new MergedCsv(sources, '');
    // Write until each source refuses more: with nobody reading the file, that must come soon.
    const fill = (source: PassThrough) => {
      let count = 0;
      while (source.write(line) && count < 10_000) count += 1;
      return count + 1; // the refused write is buffered too
    };
    const written = sources.map(fill);
    await new Promise((resolve) => setImmediate(resolve));
    expect(written.every((count) => count < 2_000)).toBe(true);
    expect(sources.every((source) => source.isPaused())).toBe(true);
    expect(file.readableLength).toBeLessThan(2 * 1024 * 1024);

    const done = read(file);
    for (const source of sources) source.end();
    const text = await done;
    expect(text.split('\r\n')).toHaveLength(written.reduce((sum, count) => sum + count, 0) + 1);
  });

  it('fails when a source fails, and destroys the sources when the file is destroyed', async () => {
    const failing = new PassThrough();
    const other = new PassThrough();
    const file = new MergedCsv([failing, other], '');
    const outcome = read(file).catch((error: Error) => error.message);
    failing.destroy(new Error('connection lost'));
    expect(await outcome).toBe('connection lost');
    expect(other.destroyed).toBe(true);

    const a = new PassThrough();
    const aborted = new MergedCsv([a], 'h\r\n');
    aborted.destroy();
    expect(a.destroyed).toBe(true);
  });
});
