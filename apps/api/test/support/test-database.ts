import { randomBytes } from 'node:crypto';

import { Client } from 'pg';

const TEMPLATE_DATABASE = 'fanfare_template';

function serverUrl(): string {
  const url = process.env.FANFARE_TEST_SERVER_URL;
  if (!url) {
    throw new Error('FANFARE_TEST_SERVER_URL is not set: run the tests through jest (global setup).');
  }
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database copied from the template; its URL. */
export async function createTestDatabase(): Promise<{ url: string; name: string }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  return { url: withDatabase(serverUrl(), name), name };
}

/** An empty database (no migrations), for the migration tests. */
export async function createEmptyDatabase(): Promise<{ url: string; name: string }> {
  const name = `e_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  return { url: withDatabase(serverUrl(), name), name };
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
