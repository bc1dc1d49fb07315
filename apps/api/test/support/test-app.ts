import { type ModuleMetadata } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { createApp } from '../../src/app.setup';
import { loadConfig } from '../../src/config/config';
import { type RuntimeConfig } from '../../src/config/config.module';
import { FirstStartService } from '../../src/demo/first-start.service';
import { createTestDatabase, dropDatabase } from './test-database';

export const OWNER_EMAIL = 'owner@example.com';
export const OWNER_PASSWORD = 'owner-password-123';

export interface TestApp {
  app: NestFastifyApplication;
  /** Base URL of the listening server, for real parallel requests. */
  url: string;
  http: () => ReturnType<typeof request>;
  dataSource: DataSource;
  config: RuntimeConfig;
  /** Log lines the app wrote (JSON objects). */
  logs: Array<Record<string, unknown>>;
  close: () => Promise<void>;
}

export interface TestAppOptions {
  config?: Partial<RuntimeConfig>;
  imports?: NonNullable<ModuleMetadata['imports']>;
  /** Create the first owner (OWNER_EMAIL) and the demo brand, as the first start does. */
  firstStart?: boolean;
  /** Start on this existing database (e.g. a restart) instead of a fresh one; close() leaves it. */
  databaseUrl?: string;
}

/** The real app on a fresh database, listening on a free port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.databaseUrl
    ? { url: options.databaseUrl, name: null }
    : await createTestDatabase();
  const config: RuntimeConfig = {
    ...loadConfig({}),
    adminEmail: OWNER_EMAIL,
    adminPassword: OWNER_PASSWORD,
    seedDemo: true,
    logLevel: 'info',
    ...options.config,
    databaseUrl: database.url,
    sessionSecret: 'test-session-secret-that-is-long-enough-123',
    embeddedDatabase: false,
  };
  const logs: Array<Record<string, unknown>> = [];
  const logger = pino(
    { level: config.logLevel },
    {
      write: (line: string) => {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  );
  const app = await createApp(config, logger, options.imports ?? []);
  if (options.firstStart ?? true) {
    await app.get(FirstStartService).run();
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    http: () => request(url),
    dataSource: app.get(DataSource),
    config,
    logs,
    close: async () => {
      await app.close();
      if (database.name !== null) await dropDatabase(database.name);
    },
  };
}
