import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { runCombined, type Statement } from './statement';

/**
 * Services open transactions; repositories write through `manager`, which is the current
 * transaction's when one is open. So a service composes several repositories in one transaction
 * without threading a manager through every call.
 */
@Injectable()
export class Transactions {
  private readonly storage = new AsyncLocalStorage<EntityManager>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.storage.getStore() ?? this.dataSource.manager;
  }

  /** True inside `run`: queries then share one connection and must not overlap. */
  get inTransaction(): boolean {
    return this.storage.getStore() !== undefined;
  }

  /**
   * Runs a hot-path query. With small arrays (single events, group commits) as a named prepared
   * statement with a generic plan (the connections use `plan_cache_mode = force_generic_plan`):
   * PostgreSQL parses and plans it once per connection, not on every call. With large arrays (a
   * batch of 1000) as an unnamed statement, planned for the values at hand. Answers the rows.
   */
  async prepared<T>(sql: string, params: unknown[]): Promise<T[]> {
    const runner = this.storage.getStore()?.queryRunner;
    const target: unknown =
      runner !== undefined
        ? (runner as unknown as { databaseConnection: unknown }).databaseConnection
        : (this.dataSource.driver as unknown as { master: unknown }).master;
    if (!isQueryable(target)) {
      throw new Error('No PostgreSQL connection to run a prepared statement on');
    }
    const small = params.every((param) => !Array.isArray(param) || param.length <= GENERIC_PLAN_MAX_ROWS);
    const result = small
      ? await target.query<T>({ name: statementName(sql), text: sql, values: params })
      : await target.query<T>({ text: sql, values: params });
    return result.rows;
  }

  /** Runs data-modifying statements as one prepared statement (see `runCombined`). */
  combined(statements: readonly Statement[]): Promise<number[]> {
    return runCombined((sql, params) => this.prepared<Record<string, number>>(sql, params), statements);
  }

  /** Runs `work` in a transaction, or joins the one already open. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.storage.getStore()) {
      return work();
    }
    return this.dataSource.transaction((manager) => this.storage.run(manager, work));
  }
}

/** Up to this many rows per array parameter a statement runs with its cached generic plan. */
const GENERIC_PLAN_MAX_ROWS = 100;

function statementName(sql: string): string {
  return `f_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
}

interface Queryable {
  query<T>(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
}

function isQueryable(value: unknown): value is Queryable {
  return (
    typeof value === 'object' && value !== null && typeof (value as { query?: unknown }).query === 'function'
  );
}
