import { readdirSync } from 'node:fs';
import path from 'node:path';

import { Client } from 'pg';

import { MIGRATIONS } from '../../../migrations';
import { revertLastMigration, runMigrations, schemaDrift } from '../src/database/data-source';
import { createEmptyDatabase, dropDatabase } from './support/test-database';

async function tables(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations' ORDER BY 1",
    );
    return result.rows.map((row) => row.table_name);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  it('lists every migration file, named <unix-ms>-<PascalName>.ts, in order', () => {
    const dir = path.resolve(__dirname, '..', '..', '..', 'migrations');
    const files = readdirSync(dir).filter((file) => file !== 'index.ts' && file.endsWith('.ts'));
    for (const file of files) {
      expect(file).toMatch(/^\d{13}-[A-Z][A-Za-z0-9]+\.ts$/);
    }
    const listed = MIGRATIONS.map((migration) => {
      const match = /^([A-Za-z0-9]+?)(\d{13})$/.exec(migration.name);
      return `${match?.[2]}-${match?.[1]}.ts`;
    });
    expect(listed).toEqual([...files].sort());
  });

  it('run up and down on an empty database, and match the entities exactly', async () => {
    const { url, name } = await createEmptyDatabase();
    try {
      const applied = await runMigrations(url);
      expect(applied).toHaveLength(MIGRATIONS.length);
      expect(await tables(url)).toEqual(
        expect.arrayContaining([
          'api_key',
          'app_user',
          'audit_log',
          'brand',
          'login_attempt',
          'membership',
          'session',
        ]),
      );
      expect(await schemaDrift(url)).toEqual([]);
      expect(await runMigrations(url)).toEqual([]);

      for (let i = 0; i < MIGRATIONS.length; i += 1) {
        await revertLastMigration(url);
      }
      expect(await tables(url)).toEqual([]);

      expect(await runMigrations(url)).toHaveLength(MIGRATIONS.length);
      expect(await schemaDrift(url)).toEqual([]);
    } finally {
      await dropDatabase(name);
    }
  });

  it('keep tenant tables keyed by brand_id', async () => {
    const { url, name } = await createEmptyDatabase();
    try {
      await runMigrations(url);
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        // Every table with a brand_id column has it in its primary key and in each unique constraint.
        const result = await client.query<{
          table_name: string;
          constraint_name: string;
          has_brand: boolean;
        }>(`
          SELECT c.conrelid::regclass::text AS table_name, c.conname AS constraint_name,
                 EXISTS (SELECT 1 FROM unnest(c.conkey) k
                          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k
                         WHERE a.attname = 'brand_id') AS has_brand
            FROM pg_constraint c
           WHERE c.contype IN ('p', 'u')
             AND c.conrelid IN (SELECT attrelid FROM pg_attribute WHERE attname = 'brand_id' AND NOT attisdropped)
             AND c.connamespace = 'public'::regnamespace`);
        expect(result.rows.length).toBeGreaterThan(0);
        expect(result.rows.filter((row) => !row.has_brand)).toEqual([]);
      } finally {
        await client.end();
      }
    } finally {
      await dropDatabase(name);
    }
  });
});
