import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Client } from 'pg';

import { runMigrations } from '../../src/database/data-source';
import { EmbeddedDatabase } from '../../src/database/embedded-database';

declare global {
  var __FANFARE_TEST_DB__: EmbeddedDatabase | undefined;
}

export const TEMPLATE_DATABASE = 'fanfare_template';

/** One embedded PostgreSQL for the run, and a migrated template database that tests copy. */
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fanfare-test-'));
  const db = await EmbeddedDatabase.start({ dataDir, database: 'postgres', ephemeral: true });
  globalThis.__FANFARE_TEST_DB__ = db;
  const admin = new Client({ connectionString: db.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  await runMigrations(db.urlFor(TEMPLATE_DATABASE));
  // Workers are started after this and inherit the variable.
  process.env.FANFARE_TEST_SERVER_URL = db.url;
}
