/**
 * Reads an uploaded CSV file as it streams in — never whole: counts and hashes its bytes
 * (SHA-256), refuses it past the size limit, finds the delimiter from the header row and hands out
 * its records with the line each starts on. UTF-8 with or without a byte order mark, comma or
 * semicolon, RFC 4180 quoting, CRLF or LF line ends.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { CsvError, type Options, parse } from 'csv-parse';

import { BadRequest, PayloadTooLarge } from '../common/errors/domain-error';

export type Delimiter = ',' | ';';

export interface CsvRecord {
  /** The line of the file the record starts on (1 is the first line). */
  line: number;
  fields: string[];
}

/** A record longer than this is refused: it is almost always a quote that is never closed. */
export const MAX_RECORD_CHARS = 1024 * 1024;
/** How much of the file is read to find the header row's end (and the delimiter). */
const HEADER_PEEK_BYTES = 64 * 1024;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const CR_BUFFER = Buffer.from([CR]);

export class ImportReader {
  /** Bytes received so far. */
  bytes = 0;
  delimiter: Delimiter = ',';
  private readonly hash = createHash('sha256');
  private digest: string | null = null;
  /** The line on which the last record ended; for messages about what comes after it. */
  private lastLine = 0;

  constructor(
    private readonly body: Readable,
    private readonly limitBytes: number,
  ) {}

  /** Hex SHA-256 of every byte of the file; once the records have all been read. */
  get sha256(): string {
    this.digest ??= this.hash.digest('hex');
    return this.digest;
  }

  /** The file's records in order, the header row first; blank rows are skipped. */
  async *records(): AsyncGenerator<CsvRecord> {
    const chunks = withoutCarriageReturns(this.received())[Symbol.asyncIterator]();
    const head: Buffer[] = [];
    let headBytes = 0;
    let ended = false;
    while (headBytes < HEADER_PEEK_BYTES && !head.some((chunk) => chunk.includes(LF))) {
      const next = await chunks.next();
      if (next.done) {
        ended = true;
        break;
      }
      head.push(next.value);
      headBytes += next.value.length;
    }
    this.delimiter = detectDelimiter(Buffer.concat(head));
    async function* all(): AsyncGenerator<Buffer> {
      yield* head;
      if (ended) return;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    }
    const options: Options<CsvRecord, string[]> = {
      delimiter: this.delimiter,
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      max_record_size: MAX_RECORD_CHARS,
      on_record: (fields: string[], info: { lines: number }): CsvRecord => {
        this.lastLine = info.lines;
        return { line: info.lines - lineBreaksIn(fields), fields };
      },
    };
    // The typings allow on_record to change the record's type only with `columns`.
    const parser = parse(options as unknown as Options);
    const feeding = pipeline(Readable.from(all()), parser);
    // Errors surface through the parser, which the loop below reads.
    feeding.catch(() => undefined);
    try {
      for await (const record of parser as AsyncIterable<CsvRecord>) yield record;
      await feeding;
    } catch (error) {
      throw error instanceof CsvError ? this.malformed(error) : error;
    } finally {
      if (!parser.destroyed) parser.destroy();
    }
  }

  /** The body's bytes, counted and hashed. Stopping early leaves the request alone (to answer it). */
  private async *received(): AsyncGenerator<Buffer> {
    for await (const chunk of this.body.iterator({ destroyOnReturn: false }) as AsyncIterable<
      Buffer | string
    >) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      this.bytes += bytes.length;
      if (this.bytes > this.limitBytes) {
        throw new PayloadTooLarge(
          'import_too_large',
          `The file is larger than ${Math.floor(this.limitBytes / 1024 / 1024)} MB; split it into smaller files.`,
        );
      }
      this.hash.update(bytes);
      yield bytes;
    }
  }

  private malformed(error: CsvError): BadRequest {
    switch (error.code) {
      case 'CSV_QUOTE_NOT_CLOSED':
        return new BadRequest(
          'malformed_csv',
          `A quoted value after line ${this.lastLine} is never closed, so the rest of the file would be one value. ` +
            'Close the quote (a quote inside a quoted value is written twice: "") and upload the file again.',
        );
      case 'CSV_MAX_RECORD_SIZE':
        return new BadRequest(
          'malformed_csv',
          `The row after line ${this.lastLine} is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MB: probably a ` +
            'quoted value that is never closed.',
        );
      default:
        return new BadRequest('malformed_csv', `Line ${this.lastLine + 1}: ${error.message}`);
    }
  }
}

/**
 * Comma or semicolon, whichever the header row (up to its first line end outside quotes) holds
 * more of outside quotes; a comma when it holds neither.
 */
export function detectDelimiter(head: Buffer): Delimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const byte of head) {
    if (byte === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (byte === LF) break;
    else if (byte === COMMA) commas += 1;
    else if (byte === SEMICOLON) semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * CRLF → LF, also across chunk boundaries; lone CRs stay. csv-parse counts a CRLF inside a quoted
 * value as two lines, which would put every later row's line number off by one.
 */
export async function* withoutCarriageReturns(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let heldCr = false;
  for await (const chunk of chunks) {
    let buffer = chunk;
    if (heldCr) {
      heldCr = false;
      if (buffer[0] !== LF) buffer = Buffer.concat([CR_BUFFER, buffer]);
    }
    if (buffer.length > 0 && buffer[buffer.length - 1] === CR) {
      heldCr = true;
      buffer = buffer.subarray(0, buffer.length - 1);
    }
    if (buffer.length > 0) yield dropCrBeforeLf(buffer);
  }
  if (heldCr) yield CR_BUFFER;
}

function dropCrBeforeLf(buffer: Buffer): Buffer {
  let at = buffer.indexOf('\r\n');
  if (at === -1) return buffer;
  const parts: Buffer[] = [];
  let from = 0;
  while (at !== -1) {
    parts.push(buffer.subarray(from, at));
    from = at + 1;
    at = buffer.indexOf('\r\n', from);
  }
  parts.push(buffer.subarray(from));
  return Buffer.concat(parts);
}

function lineBreaksIn(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) {
    for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) count += 1;
  }
  return count;
}
