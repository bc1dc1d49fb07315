import { DataSource, type DataSourceOptions } from 'typeorm';

import { MIGRATIONS } from '../../../../migrations';
import { ENTITIES } from './entities';

export function dataSourceOptions(url: string, poolSize = 8): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    // The schema changes through reviewed migrations only.
    synchronize: false,
    migrationsRun: false,
    poolSize,
    // Named prepared statements (Transactions.prepared, small batches) keep one generic plan each;
    // unnamed statements (everything else) are planned for their values, as always.
    extra: { max: poolSize, application_name: 'fanfare', options: '-c plan_cache_mode=force_generic_plan' },
  };
}

export function createDataSource(url: string, poolSize?: number): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize));
}

/** Applies pending migrations; returns the names of those that ran. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = createDataSource(url, 1);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Undoes the most recent migration. */
export async function revertLastMigration(url: string): Promise<void> {
  const dataSource = createDataSource(url, 1);
  await dataSource.initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/** SQL that would bring the database in line with the entities: empty when nothing drifted. */
export async function schemaDrift(url: string): Promise<string[]> {
  const dataSource = createDataSource(url, 1);
  await dataSource.initialize();
  try {
    const log = await dataSource.driver.createSchemaBuilder().log();
    return log.upQueries.map((query) => query.query);
  } finally {
    await dataSource.destroy();
  }
}
