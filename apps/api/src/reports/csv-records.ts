import { Readable } from 'node:stream';

const LF = 0x0a;
const QUOTE = 0x22;
const CRLF = Buffer.from('\r\n');
const BATCH_BYTES = 64 * 1024;

/**
 * Cuts PostgreSQL's `COPY … (FORMAT csv)` output, which arrives in chunks of any size, into whole
 * records and ends each with RFC 4180's CRLF instead of COPY's LF. A line break inside a quoted
 * field is part of the value and stays as it is: a line feed ends a record only outside quotes,
 * which an even number of quote characters before it in the record shows (`""` inside a quoted
 * field counts twice). The state carries over from one chunk to the next.
 */
export class CsvRecordSplitter {
  private inQuotes = false;
  /** The start of a record whose end has not arrived yet. */
  private pending: Buffer[] = [];

  /** The whole records completed by `chunk`, CRLF-terminated, or null when it completes none. */
  take(chunk: Buffer): Buffer | null {
    const parts: Buffer[] = [];
    let from = 0;
    let quote = chunk.indexOf(QUOTE);
    for (let lf = chunk.indexOf(LF); lf !== -1; lf = chunk.indexOf(LF, lf + 1)) {
      while (quote !== -1 && quote < lf) {
        this.inQuotes = !this.inQuotes;
        quote = chunk.indexOf(QUOTE, quote + 1);
      }
      if (this.inQuotes) continue;
      if (this.pending.length > 0) {
        parts.push(...this.pending);
        this.pending = [];
      }
      if (lf > from) parts.push(chunk.subarray(from, lf));
      parts.push(CRLF);
      from = lf + 1;
    }
    while (quote !== -1) {
      this.inQuotes = !this.inQuotes;
      quote = chunk.indexOf(QUOTE, quote + 1);
    }
    // A copy: the source may reuse its buffer once this chunk has been handled.
    if (from < chunk.length) this.pending.push(Buffer.from(chunk.subarray(from)));
    return parts.length > 0 ? Buffer.concat(parts) : null;
  }

  /** What is left at the end of the input: a last record without a line end, given one. */
  rest(): Buffer | null {
    if (this.pending.length === 0) return null;
    const last = Buffer.concat([...this.pending, CRLF]);
    this.pending = [];
    return last;
  }
}

/**
 * One CSV file from one or more COPY streams of the same columns: `head` (a byte order mark
 * and the header line) first, then whole records from whichever source has them, as they arrive.
 * The file ends when every source has ended. When the reader falls behind, every source is
 * paused, so memory stays bounded however large the file; a source's error destroys the file,
 * and destroying the file destroys the sources.
 */
export class MergedCsv extends Readable {
  private ended = 0;
  /** Records gathered into pieces of about BATCH_BYTES: fewer, larger writes to the socket. */
  private batch: Buffer[] = [];
  private batchBytes = 0;

  constructor(
    private readonly sources: readonly Readable[],
    head: string,
  ) {
    super({ highWaterMark: 4 * BATCH_BYTES });
    if (head) this.push(Buffer.from(head));
    if (sources.length === 0) this.push(null);
    sources.forEach((source) => {
      const records = new CsvRecordSplitter();
      source.on('data', (chunk: Buffer) => {
        const whole = records.take(chunk);
        if (whole) this.add(whole);
      });
      source.on('end', () => {
        const last = records.rest();
        if (last) this.add(last);
        this.ended += 1;
        if (this.ended === this.sources.length) {
          this.flush();
          this.push(null);
        }
      });
      source.on('error', (error) => this.destroy(error));
    });
  }

  override _read(): void {
    for (const source of this.sources) source.resume();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    for (const source of this.sources) if (!source.readableEnded) source.destroy();
    done(error);
  }

  private add(records: Buffer): void {
    this.batch.push(records);
    this.batchBytes += records.length;
    if (this.batchBytes >= BATCH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.batchBytes === 0) return;
    const piece = this.batch.length === 1 ? this.batch[0] : Buffer.concat(this.batch, this.batchBytes);
    this.batch = [];
    this.batchBytes = 0;
    if (piece && !this.push(piece)) {
      for (const source of this.sources) source.pause();
    }
  }
}
