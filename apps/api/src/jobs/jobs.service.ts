import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import PgBoss from 'pg-boss';

import { APP_CONFIG, type RuntimeConfig } from '../config/config.module';

export const JOB_SCHEMA = 'pgboss';

export interface JobDefinition<T extends object> {
  /** Queue name. */
  queue: string;
  /** Handles one job; throwing makes pg-boss retry it (retryLimit times, with backoff). */
  handle: (data: T) => Promise<void>;
  /** Cron (UTC) on which pg-boss sends this queue a job with `scheduledData`. */
  cron?: string;
  scheduledData?: T;
  retryLimit?: number;
  /**
   * Jobs fetched and worked per poll (default 1). pg-boss waits its polling interval between
   * fetches, so a queue that must drain a backlog needs larger batches; each job still fails or
   * completes on its own.
   */
  batchSize?: number;
  /** `short`: a job whose singleton key is already waiting is not queued again. */
  policy?: 'standard' | 'short';
}

/**
 * The PostgreSQL-backed job queue (pg-boss). Domain modules register their jobs while the
 * application initialises; the queue starts working them once the application is up and stops,
 * letting running jobs finish, when it shuts down. Jobs survive restarts: they are rows in the
 * `pgboss` schema, created by a migration.
 */
@Injectable()
export class Jobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly definitions: Array<JobDefinition<object>> = [];
  private boss: PgBoss | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: RuntimeConfig) {}

  register<T extends object>(definition: JobDefinition<T>): void {
    if (this.boss) throw new Error(`job ${definition.queue} registered after the queue started`);
    this.definitions.push(definition as unknown as JobDefinition<object>);
  }

  async onApplicationBootstrap(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.config.databaseUrl,
      schema: JOB_SCHEMA,
      application_name: 'fanfare-jobs',
      max: 3,
      migrate: false,
    });
    boss.on('error', (error: Error) => this.logger.error(`job queue: ${error.message}`, error.stack));
    await boss.start();
    this.boss = boss;
    for (const definition of this.definitions) {
      await boss.createQueue(definition.queue, {
        name: definition.queue,
        policy: definition.policy ?? 'standard',
        retryLimit: definition.retryLimit ?? 5,
        retryDelay: 30,
        retryBackoff: true,
      });
      const batchSize = definition.batchSize ?? 1;
      await boss.work<object>(definition.queue, { pollingIntervalSeconds: 2, batchSize }, async (jobs) => {
        for (const job of jobs) {
          try {
            await definition.handle(job.data);
          } catch (error) {
            this.logger.error(`job ${definition.queue} ${job.id} failed: ${(error as Error).message}`);
            if (batchSize === 1) throw error;
            // Only this job fails (and is retried); pg-boss completes the others of the batch.
            await boss.fail(definition.queue, job.id, { message: (error as Error).message });
          }
        }
      });
      if (definition.cron) {
        await boss.schedule(definition.queue, definition.cron, definition.scheduledData ?? {}, { tz: 'UTC' });
      } else {
        await boss.unschedule(definition.queue);
      }
    }
  }

  /** Queues a job; with a singleton key, a job with the same key that has not finished is not queued twice. */
  async send<T extends object>(
    queue: string,
    data: T,
    options: { singletonKey?: string } = {},
  ): Promise<void> {
    if (!this.boss) throw new Error('the job queue has not started');
    await this.boss.send(queue, data, options);
  }

  /** Before the database pool closes, so that running jobs can finish their work. */
  async beforeApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    // Running jobs finish (up to 20 s); what is left is picked up again after the next start.
    await boss?.stop({ graceful: true, wait: true, timeout: 20_000 });
  }
}
