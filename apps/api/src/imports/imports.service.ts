import { type Readable } from 'node:stream';

import { Injectable, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';

import { isUuid, uuidv7 } from '@fanfare/shared';

import { auditActorLabel, AuditService } from '../audit/audit.service';
import { type Actor, type RequestMeta } from '../auth/actor';
import { type FieldError, NotFound, ValidationFailed } from '../common/errors/domain-error';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { Transactions } from '../database/transactions';
import { ImportBooker, MAX_LISTED_ERRORS } from './import-booker';
import { ImportReader } from './import-reader';
import { type ImportColumns, readHeader, readRow } from './import-rows';
import {
  type ImportRecord,
  ImportsRepository,
  type ReceivingCounts,
  type RefusedRow,
  type StagedRow,
} from './imports.repository';

/** The largest file an import takes: a million rows are about 100 MB. */
export const IMPORT_LIMIT_BYTES = 512 * 1024 * 1024;
/** Rows (valid and refused) stored per statement while a file arrives. */
const STAGE_BATCH = 1000;
/** Statements storing rows at once for one upload. */
const STAGE_WRITERS = 2;
/** Refused rows an import's answer shows; errors.csv has the rest. */
const ERROR_SAMPLE = 20;
/** How long an event id in the report may be (the row's value may be anything up to a record's size). */
const MAX_LISTED_ID = 200;

export interface ImportView {
  record: ImportRecord;
  errorSample: RefusedRow[];
}

/**
 * Imports of historical events from CSV. The upload is read as it streams in — rows are validated
 * one by one (by the rules of POST …/events) and stored in batches, valid ones for booking and
 * refused ones with their reasons — and answered once the last byte is in: the booking job
 * (`ImportBooker`) then puts the valid rows through the earning engine. The same file (by its
 * SHA-256) is imported once per brand.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly tx: Transactions,
    private readonly imports: ImportsRepository,
    private readonly booker: ImportBooker,
    private readonly audit: AuditService,
  ) {}

  /**
   * Reads an uploaded file. Answers the new import (`created`), or the earlier import of the same
   * file, unchanged — unless that one failed, which starts booking again where it stopped.
   */
  async upload(
    brandId: string,
    body: Readable,
    filename: string | null,
    actor: Actor,
    meta: RequestMeta,
  ): Promise<{ created: boolean; view: ImportView }> {
    const reader = new ImportReader(body, IMPORT_LIMIT_BYTES);
    const records = reader.records();
    const header = await records.next();
    if (header.done) {
      throw new ValidationFailed(
        [
          {
            field: 'file',
            reason: 'is empty: it needs a header row (type, channel, occurred_at, …) and a row per event',
          },
        ],
        'The file is empty; nothing was imported.',
      );
    }
    let columns: ImportColumns;
    try {
      columns = readHeader(header.value.fields);
    } catch (error) {
      await records.return(undefined);
      throw error;
    }

    const id = uuidv7();
    await this.imports.create(brandId, id, filename, auditActorLabel(actor));
    const writing: Array<Promise<void>> = [];
    try {
      const counts: ReceivingCounts = { bytes: 0, rowsTotal: 0, rowsValid: 0, rowsRejected: 0 };
      let listed = 0;
      let rows: StagedRow[] = [];
      let refused: RefusedRow[] = [];
      // Batches are written while the next ones are read, two at a time (PostgreSQL then works
      // on two cores); waiting for the older one holds the upload back when the database is slower.
      const flush = async (): Promise<void> => {
        if (writing.length >= STAGE_WRITERS) await writing.shift();
        const write = this.imports.stage(brandId, id, rows, refused, { ...counts, bytes: reader.bytes });
        // Awaited later; until then a failure must not count as unhandled.
        write.catch(() => undefined);
        writing.push(write);
        rows = [];
        refused = [];
      };
      const now = new Date();
      const format = { decimalComma: reader.delimiter === ';' };
      for await (const { line, fields } of records) {
        counts.rowsTotal += 1;
        const row = readRow(fields, columns, format, now);
        if (row.ok) {
          counts.rowsValid += 1;
          rows.push({ line, eventId: row.eventId, occurredAt: row.occurredAt, event: row.event });
        } else {
          counts.rowsRejected += 1;
          if (listed < MAX_LISTED_ERRORS) {
            listed += 1;
            refused.push(listable({ line, eventId: row.eventId, errors: row.errors }));
          }
        }
        if (rows.length + refused.length >= STAGE_BATCH) await flush();
      }
      await flush();
      await Promise.all(writing);
      counts.bytes = reader.bytes;
      return await this.received(brandId, id, reader.sha256, counts, MAX_LISTED_ERRORS - listed, actor, meta);
    } catch (error) {
      await Promise.allSettled(writing);
      await this.discard(brandId, id);
      throw error;
    }
  }

  /** Deletes an upload that did not finish (nothing of it stays); a failure to do so is logged. */
  private async discard(brandId: string, id: string): Promise<void> {
    await this.imports.delete(brandId, id).catch((cleanup: Error) => {
      this.logger.error(`import ${id}: could not delete the unfinished upload: ${cleanup.message}`);
    });
  }

  /**
   * The file is in: repeats of an id within it are refused, and the import is queued — unless the
   * brand imported the same file before, in which case this upload is dropped for that import.
   */
  private async received(
    brandId: string,
    id: string,
    sha256: string,
    counts: ReceivingCounts,
    listable: number,
    actor: Actor,
    meta: RequestMeta,
  ): Promise<{ created: boolean; view: ImportView }> {
    const earlier = await this.imports.findBySha256(brandId, sha256);
    if (earlier) return this.repeated(brandId, id, earlier);
    let record: ImportRecord;
    try {
      record = await this.tx.run(async () => {
        const repeated = await this.imports.refuseRepeatedIds(brandId, id, listable);
        const final = {
          ...counts,
          rowsValid: counts.rowsValid - repeated,
          rowsRejected: counts.rowsRejected + repeated,
        };
        await this.imports.received(brandId, id, sha256, final, final.rowsValid > 0 ? 'queued' : 'done');
        const stored = await this.imports.find(brandId, id);
        if (!stored) throw new NotFound('Import');
        await this.audit.record(actor, meta, {
          brandId,
          action: 'event_import.created',
          targetType: 'event_import',
          targetId: id,
          ...(stored.filename ? { targetLabel: stored.filename } : {}),
          changes: {
            rowsTotal: { to: final.rowsTotal },
            rowsValid: { to: final.rowsValid },
            rowsRejected: { to: final.rowsRejected },
            sha256: { to: sha256 },
          },
        });
        return stored;
      });
    } catch (error) {
      // The same file, uploaded at the same time, was stored first.
      const same = isUniqueViolation(error, 'event_import_sha256_key')
        ? await this.imports.findBySha256(brandId, sha256)
        : null;
      if (!same) throw error;
      return this.repeated(brandId, id, same);
    }
    if (record.status === 'queued') await this.booker.queue(brandId, id);
    return { created: true, view: await this.view(record).catch(() => ({ record, errorSample: [] })) };
  }

  private async repeated(
    brandId: string,
    uploadId: string,
    earlier: ImportRecord,
  ): Promise<{ created: boolean; view: ImportView }> {
    await this.imports.delete(brandId, uploadId);
    if (earlier.status === 'failed') {
      await this.imports.requeue(brandId, earlier.id);
      await this.booker.queue(brandId, earlier.id);
      return { created: false, view: await this.get(brandId, earlier.id) };
    }
    return { created: false, view: await this.view(earlier) };
  }

  async get(brandId: string, id: string): Promise<ImportView> {
    const record = await this.imports.find(brandId, id);
    if (!record) throw new NotFound('Import');
    return this.view(record);
  }

  async list(brandId: string, limit: number, cursor: string | undefined): Promise<Page<ImportRecord>> {
    const after = decodeCursor(cursor, 1)?.[0];
    if (after !== undefined && (typeof after !== 'string' || !isUuid(after))) {
      throw new ValidationFailed([{ field: 'cursor', reason: 'is not a cursor this list handed out' }]);
    }
    const rows = await this.imports.list(brandId, limit, after);
    return toPage(
      rows,
      limit,
      (row) => row,
      (row) => [row.id],
    );
  }

  /** The refused rows, in line order, a thousand at a time (for errors.csv). */
  async *refusedRows(brandId: string, id: string): AsyncGenerator<RefusedRow[]> {
    if (!(await this.imports.find(brandId, id))) throw new NotFound('Import');
    let after = 0;
    for (;;) {
      const rows = await this.imports.refusedRows(brandId, id, after, 1000);
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1]!.line;
    }
  }

  private async view(record: ImportRecord): Promise<ImportView> {
    const errorSample =
      record.rowsRejected + record.outcomes.rejected > 0
        ? await this.imports.refusedRows(record.brandId, record.id, 0, ERROR_SAMPLE)
        : [];
    return { record, errorSample };
  }
}

/**
 * A refused row as the report keeps it: its id cut to a readable length, and no NUL characters
 * (PostgreSQL's text cannot hold them, and a row may be refused for holding one).
 */
function listable(row: RefusedRow): RefusedRow {
  const clean = (text: string): string => text.replaceAll('\u0000', '\uFFFD');
  const id = row.eventId === null ? null : clean(row.eventId);
  return {
    line: row.line,
    eventId: id !== null && id.length > MAX_LISTED_ID ? `${id.slice(0, MAX_LISTED_ID)}…` : id,
    errors: row.errors.map((error): FieldError => ({
      field: clean(error.field),
      reason: clean(error.reason),
    })),
  };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
