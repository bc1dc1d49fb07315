import { Injectable } from '@nestjs/common';

import { type FieldError } from '../common/errors/domain-error';
import { Transactions } from '../database/transactions';
import { type ImportStatus } from './entities/event-import.entity';

/** Where a staged row stands in booking order: its time (as PostgreSQL wrote it) and line. */
export interface StagedPosition {
  occurredAt: string;
  line: number;
}

/** A valid row on its way to the staging table. */
export interface StagedRow {
  line: number;
  eventId: string;
  occurredAt: Date;
  event: Record<string, unknown>;
}

/** A refused row on its way to the report. */
export interface RefusedRow {
  line: number;
  eventId: string | null;
  errors: FieldError[];
}

export interface ReceivingCounts {
  bytes: number;
  rowsTotal: number;
  rowsValid: number;
  rowsRejected: number;
}

/** Outcomes of one booked batch, added to the import's counters. */
export interface BatchOutcomes {
  awarded: number;
  noMatch: number;
  capped: number;
  retracted: number;
  duplicate: number;
  rejected: number;
  points: number;
}

export interface ImportRecord {
  brandId: string;
  id: string;
  filename: string | null;
  sha256: string | null;
  bytes: number;
  status: ImportStatus;
  rowsTotal: number;
  rowsValid: number;
  rowsRejected: number;
  rowsBooked: number;
  outcomes: BatchOutcomes;
  failures: number;
  error: string | null;
  createdBy: string;
  createdAt: Date;
  finishedAt: Date | null;
}

const COLUMNS = `brand_id, id, filename, sha256, bytes::float8 AS bytes, status, rows_total, rows_valid,
  rows_rejected, rows_booked, awarded, no_match, capped, retracted, duplicate, rejected, points::float8 AS points,
  failures, error, created_by, created_at, finished_at`;

type ImportRow = Record<string, unknown>;

function toRecord(row: ImportRow): ImportRecord {
  return {
    brandId: row.brand_id as string,
    id: row.id as string,
    filename: row.filename as string | null,
    sha256: row.sha256 as string | null,
    bytes: row.bytes as number,
    status: row.status as ImportStatus,
    rowsTotal: row.rows_total as number,
    rowsValid: row.rows_valid as number,
    rowsRejected: row.rows_rejected as number,
    rowsBooked: row.rows_booked as number,
    outcomes: {
      awarded: row.awarded as number,
      noMatch: row.no_match as number,
      capped: row.capped as number,
      retracted: row.retracted as number,
      duplicate: row.duplicate as number,
      rejected: row.rejected as number,
      points: row.points as number,
    },
    failures: row.failures as number,
    error: row.error as string | null,
    createdBy: row.created_by as string,
    createdAt: row.created_at as Date,
    finishedAt: row.finished_at as Date | null,
  };
}

/** Event imports, their staged rows and their refused rows. The only place that writes their SQL. */
@Injectable()
export class ImportsRepository {
  constructor(private readonly tx: Transactions) {}

  async create(brandId: string, id: string, filename: string | null, createdBy: string): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO event_import (brand_id, id, filename, created_by) VALUES ($1, $2, $3, $4)`,
      [brandId, id, filename, createdBy],
    );
  }

  /**
   * Stores a batch of rows as they are read, valid ones for booking and refused ones for the
   * report, and the counts so far (the progress of a large upload), in one statement. Batches may
   * be stored side by side, so the counts only ever grow.
   */
  async stage(
    brandId: string,
    id: string,
    rows: readonly StagedRow[],
    refused: readonly RefusedRow[],
    counts: ReceivingCounts,
  ): Promise<void> {
    await this.tx.manager.query(
      `WITH staged AS (
         INSERT INTO event_import_row (brand_id, import_id, line, event_id, occurred_at, event)
         SELECT $1, $2, r.line, r.event_id, r.occurred_at, r.event
           FROM json_to_recordset($3::json) AS r(line int, event_id text, occurred_at timestamptz, event json)
       ), refused AS (
         INSERT INTO event_import_error (brand_id, import_id, line, event_id, errors)
         SELECT $1, $2, e.line, e.event_id, e.errors
           FROM jsonb_to_recordset($4::jsonb) AS e(line int, event_id text, errors jsonb)
       )
       UPDATE event_import
          SET bytes = greatest(bytes, $5), rows_total = greatest(rows_total, $6),
              rows_valid = greatest(rows_valid, $7), rows_rejected = greatest(rows_rejected, $8), updated_at = now()
        WHERE brand_id = $1 AND id = $2`,
      [
        brandId,
        id,
        JSON.stringify(
          rows.map((row) => ({
            line: row.line,
            event_id: row.eventId,
            occurred_at: row.occurredAt.toISOString(),
            event: row.event,
          })),
        ),
        JSON.stringify(refused.map((row) => ({ line: row.line, event_id: row.eventId, errors: row.errors }))),
        counts.bytes,
        counts.rowsTotal,
        counts.rowsValid,
        counts.rowsRejected,
      ],
    );
  }

  /**
   * Refuses the staged rows whose event id an earlier line of the file already has (the first
   * stays), listing at most `listable` of them in the report; answers how many there were.
   */
  async refuseRepeatedIds(brandId: string, id: string, listable: number): Promise<number> {
    // Finding repeats sorts or hashes every staged id; give that more memory than a query needs.
    await this.tx.manager.query(`SET LOCAL work_mem = '64MB'`);
    // The rows were just staged, so the table's statistics (until autovacuum analyses it) may say
    // the import has one row; a nested loop planned on that runs the grouping once per row —
    // quadratic: a 20,000-row file took 80 s. Hash or merge joins are linear whatever the estimate.
    await this.tx.manager.query('SET LOCAL enable_nestloop = off');
    const [row] = await this.tx.manager.query<Array<{ repeated: number }>>(
      `WITH first AS (
         SELECT event_id, min(line) AS line
           FROM event_import_row WHERE brand_id = $1 AND import_id = $2
          GROUP BY event_id HAVING count(*) > 1
       ), gone AS (
         DELETE FROM event_import_row r USING first f
          WHERE r.brand_id = $1 AND r.import_id = $2 AND r.event_id = f.event_id AND r.line <> f.line
         RETURNING r.line, r.event_id, f.line AS first_line
       ), listed AS (
         INSERT INTO event_import_error (brand_id, import_id, line, event_id, errors)
         SELECT $1, $2, line, event_id, jsonb_build_array(jsonb_build_object('field', 'id', 'reason',
                  CASE WHEN event_id LIKE 'import:%'
                       THEN 'repeats line ' || first_line || ': the same type, channel, time, fan and properties (rows without an id are one event when they say the same)'
                       ELSE 'repeats the id of line ' || first_line || ': an event id is booked once' END))
           FROM gone ORDER BY line LIMIT $3
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM gone)::int AS repeated, (SELECT count(*) FROM listed)::int AS listed`,
      [brandId, id, listable],
    );
    return row?.repeated ?? 0;
  }

  /** Ends the upload: the file's hash and final counts; `queued` (or `done` with nothing to book). */
  async received(
    brandId: string,
    id: string,
    sha256: string,
    counts: ReceivingCounts,
    status: 'queued' | 'done',
  ): Promise<void> {
    await this.tx.manager.query(
      `UPDATE event_import
          SET sha256 = $3, bytes = $4, rows_total = $5, rows_valid = $6, rows_rejected = $7, status = $8,
              finished_at = CASE WHEN $8 = 'done' THEN now() END, updated_at = now()
        WHERE brand_id = $1 AND id = $2`,
      [brandId, id, sha256, counts.bytes, counts.rowsTotal, counts.rowsValid, counts.rowsRejected, status],
    );
  }

  /** Deletes an import with its rows (an upload that failed or turned out to be a repeat). */
  async delete(brandId: string, id: string): Promise<void> {
    await this.tx.manager.query('DELETE FROM event_import WHERE brand_id = $1 AND id = $2', [brandId, id]);
  }

  async find(brandId: string, id: string): Promise<ImportRecord | null> {
    const rows: ImportRow[] = await this.tx.manager.query(
      `SELECT ${COLUMNS} FROM event_import WHERE brand_id = $1 AND id = $2`,
      [brandId, id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findBySha256(brandId: string, sha256: string): Promise<ImportRecord | null> {
    const rows: ImportRow[] = await this.tx.manager.query(
      `SELECT ${COLUMNS} FROM event_import WHERE brand_id = $1 AND sha256 = $2`,
      [brandId, sha256],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Newest first (ids are UUIDv7), including uploads still being received. */
  async list(brandId: string, limit: number, beforeId: string | undefined): Promise<ImportRecord[]> {
    const rows: ImportRow[] = await this.tx.manager.query(
      `SELECT ${COLUMNS} FROM event_import
        WHERE brand_id = $1 AND ($2::uuid IS NULL OR id < $2::uuid)
        ORDER BY id DESC LIMIT $3`,
      [brandId, beforeId ?? null, limit + 1],
    );
    return rows.map(toRecord);
  }

  /** Refused rows in line order, after `afterLine`. */
  async refusedRows(brandId: string, id: string, afterLine: number, limit: number): Promise<RefusedRow[]> {
    const rows: Array<{ line: number; event_id: string | null; errors: FieldError[] }> =
      await this.tx.manager.query(
        `SELECT line, event_id, errors FROM event_import_error
          WHERE brand_id = $1 AND import_id = $2 AND line > $3
          ORDER BY line LIMIT $4`,
        [brandId, id, afterLine, limit],
      );
    return rows.map((row) => ({ line: row.line, eventId: row.event_id, errors: row.errors }));
  }

  /** A failed import whose file is sent again: booking starts again where it stopped. */
  async requeue(brandId: string, id: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE event_import SET status = 'queued', failures = 0, error = NULL, finished_at = NULL, updated_at = now()
        WHERE brand_id = $1 AND id = $2 AND status = 'failed'`,
      [brandId, id],
    );
  }

  /**
   * Takes an import for booking for `leaseSeconds`, unless it is done, failed or another job
   * holds it. True when taken.
   */
  async claim(brandId: string, id: string, leaseSeconds: number): Promise<boolean> {
    // An UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [rows] = await this.tx.manager.query<[unknown[], number]>(
      `UPDATE event_import
          SET status = 'running', lease_until = now() + make_interval(secs => $3), updated_at = now()
        WHERE brand_id = $1 AND id = $2 AND status IN ('queued', 'running')
          AND (lease_until IS NULL OR lease_until < now())
       RETURNING id`,
      [brandId, id, leaseSeconds],
    );
    return rows.length > 0;
  }

  /**
   * The next staged rows, in the order the events happened (then by line), after `after` (the last
   * row of the batch before; null: from the start). Reading on from where the last batch ended,
   * rather than from the first row left, skips the index entries of rows booked and deleted
   * meanwhile, which would otherwise be read again for every batch until a vacuum removes them.
   */
  async nextRows(
    brandId: string,
    id: string,
    after: StagedPosition | null,
    limit: number,
  ): Promise<Array<{ line: number; event: Record<string, unknown>; position: StagedPosition }>> {
    const rows: Array<{ line: number; event: Record<string, unknown>; at: string }> =
      await this.tx.manager.query(
        `SELECT line, event, occurred_at::text AS at FROM event_import_row
          WHERE brand_id = $1 AND import_id = $2
            AND ($3::timestamptz IS NULL OR (occurred_at, line) > ($3::timestamptz, $4::int))
          ORDER BY occurred_at, line LIMIT $5`,
        [brandId, id, after?.occurredAt ?? null, after?.line ?? null, limit],
      );
    return rows.map((row) => ({
      line: row.line,
      event: row.event,
      position: { occurredAt: row.at, line: row.line },
    }));
  }

  /**
   * Records a booked batch in one statement: its staged rows go, its outcomes are added, rows the
   * engine refused join the report (up to `listable` in all), and the lease is extended.
   */
  async booked(
    brandId: string,
    id: string,
    lines: readonly number[],
    outcomes: BatchOutcomes,
    refused: readonly RefusedRow[],
    listable: number,
    leaseSeconds: number,
  ): Promise<void> {
    await this.tx.manager.query(
      `WITH booked AS (
         DELETE FROM event_import_row WHERE brand_id = $1 AND import_id = $2 AND line = ANY($3::int[])
         RETURNING 1
       ), refused AS (
         INSERT INTO event_import_error (brand_id, import_id, line, event_id, errors)
         SELECT $1, $2, e.line, e.event_id, e.errors
           FROM jsonb_to_recordset($4::jsonb) AS e(line int, event_id text, errors jsonb)
          LIMIT greatest(0, $5 - (SELECT count(*) FROM event_import_error WHERE brand_id = $1 AND import_id = $2))
         ON CONFLICT DO NOTHING
       )
       UPDATE event_import
          SET rows_booked = rows_booked + (SELECT count(*) FROM booked),
              awarded = awarded + $6, no_match = no_match + $7, capped = capped + $8,
              retracted = retracted + $9, duplicate = duplicate + $10, rejected = rejected + $11,
              points = points + $12, failures = 0, error = NULL,
              lease_until = now() + make_interval(secs => $13), updated_at = now()
        WHERE brand_id = $1 AND id = $2`,
      [
        brandId,
        id,
        lines,
        JSON.stringify(refused.map((row) => ({ line: row.line, event_id: row.eventId, errors: row.errors }))),
        listable,
        outcomes.awarded,
        outcomes.noMatch,
        outcomes.capped,
        outcomes.retracted,
        outcomes.duplicate,
        outcomes.rejected,
        outcomes.points,
        leaseSeconds,
      ],
    );
  }

  async done(brandId: string, id: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE event_import SET status = 'done', finished_at = now(), lease_until = NULL, updated_at = now()
        WHERE brand_id = $1 AND id = $2 AND status = 'running'`,
      [brandId, id],
    );
  }

  /** Lets another job take the import (after a pause for shutdown or to let other imports go). */
  async release(brandId: string, id: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE event_import SET lease_until = NULL, updated_at = now() WHERE brand_id = $1 AND id = $2`,
      [brandId, id],
    );
  }

  /** Records a failed attempt; after `maxFailures` in a row the import is `failed`. Its status. */
  async failed(
    brandId: string,
    id: string,
    error: string,
    maxFailures: number,
  ): Promise<ImportStatus | null> {
    const [rows] = await this.tx.manager.query<[Array<{ status: ImportStatus }>, number]>(
      `UPDATE event_import
          SET failures = failures + 1, error = $3, lease_until = NULL, updated_at = now(),
              status = CASE WHEN failures + 1 >= $4 THEN 'failed' ELSE status END,
              finished_at = CASE WHEN failures + 1 >= $4 THEN now() END
        WHERE brand_id = $1 AND id = $2
       RETURNING status`,
      [brandId, id, error, maxFailures],
    );
    return rows[0]?.status ?? null;
  }

  /** Imports waiting for booking that no job holds and that have not moved for `idleSeconds`. */
  async stalled(idleSeconds: number): Promise<Array<{ brandId: string; id: string }>> {
    const rows: Array<{ brand_id: string; id: string }> = await this.tx.manager.query(
      `SELECT brand_id, id FROM event_import
        WHERE status IN ('queued', 'running') AND (lease_until IS NULL OR lease_until < now())
          AND updated_at < now() - make_interval(secs => $1)
        ORDER BY updated_at LIMIT 100`,
      [idleSeconds],
    );
    return rows.map((row) => ({ brandId: row.brand_id, id: row.id }));
  }

  /** Deletes uploads that stopped arriving (the process stopped while receiving). */
  async dropAbandoned(idleSeconds: number): Promise<number> {
    const [, count] = await this.tx.manager.query<[unknown, number]>(
      `DELETE FROM event_import WHERE status = 'receiving' AND updated_at < now() - make_interval(secs => $1)`,
      [idleSeconds],
    );
    return count;
  }
}
