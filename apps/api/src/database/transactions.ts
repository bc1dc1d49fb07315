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
   * Runs a hot-path query as a named prepared statement (in the open transaction, or on a pooled
   * connection): PostgreSQL parses and plans it once per connection instead of on every call.
   * Answers the rows, whatever the command.
   */
  async prepared<T>(sql: string, params: unknown[]): Promise<T[]> {
    const name = `f_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    const runner = this.storage.getStore()?.queryRunner;
    const target: unknown =
      runner !== undefined
        ? (runner as unknown as { databaseConnection: unknown }).databaseConnection
        : (this.dataSource.driver as unknown as { master: unknown }).master;
    if (!isQueryable(target)) {
      throw new Error('No PostgreSQL connection to run a prepared statement on');
    }
    const result = await target.query<T>({ name, text: sql, values: params });
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

interface Queryable {
  query<T>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
}

function isQueryable(value: unknown): value is Queryable {
  return (
    typeof value === 'object' && value !== null && typeof (value as { query?: unknown }).query === 'function'
  );
}
