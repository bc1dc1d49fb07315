import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';

import { DomainError, type FieldError } from '../common/errors/domain-error';
import { MAX_BATCH } from '../events/event-input';
import { type EventOutcome, EventsService } from '../events/events.service';
import { Jobs } from '../jobs/jobs.service';
import { type BatchOutcomes, ImportsRepository, type RefusedRow } from './imports.repository';

export const IMPORT_QUEUE = 'event-import';
/** Refused rows an import keeps in its report; the counts cover all of them. */
export const MAX_LISTED_ERRORS = 10_000;
/** Failed attempts in a row after which an import is given up (`failed`). */
export const MAX_IMPORT_FAILURES = 5;
/** How long a job holds an import without booking a batch before another job may take it over. */
const LEASE_SECONDS = 120;
/** A job books for about this long, then queues the rest: other imports get their turn. */
const RUN_BUDGET_MS = 60_000;
/** Imports that no job has moved for this long are queued again (a stop, a lost job). */
const STALL_SECONDS = 300;
/** An upload that has not received a row for this long was cut off by a stop; it is deleted. */
const ABANDONED_SECONDS = 3600;

export type BookingResult = 'done' | 'paused' | 'busy' | 'failed';

/**
 * Books the staged rows of an import through the earning engine — `EventsService.ingest`, in
 * batches of 1000, in the order the events happened — so caps, budgets, tiers, retractions and the
 * report rollups apply exactly as for events sent to the API. Each batch's outcomes are added to
 * the import and its staged rows deleted in one transaction after the engine's: the rows left are
 * the ones to book, so a stopped import resumes where it stopped, and event ids make the batch in
 * flight at a crash book nothing twice (its events then count as duplicates).
 */
@Injectable()
export class ImportBooker implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ImportBooker');
  private stopping = false;

  constructor(
    private readonly imports: ImportsRepository,
    private readonly events: EventsService,
    private readonly jobs: Jobs,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ brandId: string; importId: string }>({
      queue: IMPORT_QUEUE,
      handle: async ({ brandId, importId }) => {
        await this.book(brandId, importId);
      },
      retryLimit: MAX_IMPORT_FAILURES,
    });
    this.jobs.register({ queue: 'event-import-sweep', cron: '* * * * *', handle: () => this.sweep() });
  }

  /** Before the job queue stops: a running import stops after its batch and is queued again. */
  onModuleDestroy(): void {
    this.stopping = true;
  }

  async queue(brandId: string, importId: string): Promise<void> {
    try {
      await this.jobs.send(IMPORT_QUEUE, { brandId, importId });
    } catch (error) {
      // The sweep queues it within a few minutes.
      this.logger.warn(`import ${importId} stored, not queued yet: ${(error as Error).message}`);
    }
  }

  /** Books what is left of an import, for up to `budgetMs`; `busy` when another job holds it. */
  async book(brandId: string, importId: string, budgetMs = RUN_BUDGET_MS): Promise<BookingResult> {
    if (!(await this.imports.claim(brandId, importId, LEASE_SECONDS))) return 'busy';
    const started = Date.now();
    let next = this.imports.nextRows(brandId, importId, null, MAX_BATCH);
    try {
      for (;;) {
        const rows = await next;
        if (rows.length === 0) {
          await this.imports.done(brandId, importId);
          return 'done';
        }
        // The next batch is read while this one is booked.
        next = this.imports.nextRows(brandId, importId, rows[rows.length - 1]!.position, MAX_BATCH);
        // Awaited in the next turn; until then a failure must not count as unhandled.
        next.catch(() => undefined);
        const { results } = await this.events.ingest(brandId, { events: rows.map((row) => row.event) });
        const { outcomes, refused } = tally(
          rows.map((row) => row.line),
          results,
        );
        await this.imports.booked(
          brandId,
          importId,
          rows.map((row) => row.line),
          outcomes,
          refused,
          MAX_LISTED_ERRORS,
          LEASE_SECONDS,
        );
        if (this.stopping || Date.now() - started >= budgetMs) {
          await this.imports.release(brandId, importId);
          await this.queue(brandId, importId);
          return 'paused';
        }
      }
    } catch (error) {
      const message =
        error instanceof DomainError
          ? error.message
          : `An unexpected error stopped the booking (logged with import id ${importId}).`;
      this.logger.error(
        `import ${importId}: booking failed: ${(error as Error).message}`,
        (error as Error).stack,
      );
      const status = await this.imports.failed(brandId, importId, message, MAX_IMPORT_FAILURES);
      if (status === 'failed' || status === null) return 'failed';
      // The job queue tries again with backoff; the lease is released, the rows are still staged.
      throw error;
    }
  }

  /** Every minute: queues imports that no job moves, and deletes uploads a stop cut off. */
  async sweep(): Promise<void> {
    const dropped = await this.imports.dropAbandoned(ABANDONED_SECONDS);
    if (dropped > 0) this.logger.warn(`deleted ${dropped} import(s) whose upload stopped arriving`);
    for (const { brandId, id } of await this.imports.stalled(STALL_SECONDS)) await this.queue(brandId, id);
  }
}

/** A batch's outcomes by status, and the rows the engine refused (with their lines). */
export function tally(
  lines: readonly number[],
  results: readonly EventOutcome[],
): { outcomes: BatchOutcomes; refused: RefusedRow[] } {
  const outcomes: BatchOutcomes = {
    awarded: 0,
    noMatch: 0,
    capped: 0,
    retracted: 0,
    duplicate: 0,
    rejected: 0,
    points: 0,
  };
  const refused: RefusedRow[] = [];
  results.forEach((result, i) => {
    switch (result.status) {
      case 'awarded':
        outcomes.awarded += 1;
        outcomes.points += result.points;
        break;
      case 'no_match':
        outcomes.noMatch += 1;
        break;
      case 'capped':
        outcomes.capped += 1;
        outcomes.points += result.points;
        break;
      case 'retracted':
        outcomes.retracted += 1;
        // A retraction's points are what it took back.
        outcomes.points += result.points;
        break;
      case 'duplicate':
        outcomes.duplicate += 1;
        break;
      case 'rejected': {
        outcomes.rejected += 1;
        const errors: FieldError[] = result.errors ?? [];
        refused.push({ line: lines[i]!, eventId: result.id, errors });
        break;
      }
      default: {
        const unexpected: never = result.status;
        throw new Error(`unknown outcome ${String(unexpected)}`);
      }
    }
  });
  return { outcomes, refused };
}
