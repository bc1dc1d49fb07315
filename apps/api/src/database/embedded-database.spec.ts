import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Client } from 'pg';

import { EmbeddedDatabase } from './embedded-database';

async function query<T extends Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('EmbeddedDatabase', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fanfare-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates a cluster, keeps its data across a restart, and stops cleanly', async () => {
    const first = await EmbeddedDatabase.start({ dataDir });
    await query(first.url, 'CREATE TABLE kept (value text)');
    await query(first.url, "INSERT INTO kept VALUES ('still here')");
    await first.stop();
    await expect(query(first.url, 'SELECT 1')).rejects.toThrow();

    const second = await EmbeddedDatabase.start({ dataDir });
    try {
      expect(await query<{ value: string }>(second.url, 'SELECT value FROM kept')).toEqual([
        { value: 'still here' },
      ]);
      const [user] = await query<{ usesuper: boolean }>(
        second.url,
        'SELECT usesuper FROM pg_user WHERE usename = current_user',
      );
      expect(user?.usesuper).toBe(true);
    } finally {
      await second.stop();
    }
  });
});
