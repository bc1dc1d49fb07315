import 'reflect-metadata';

import { type NestFastifyApplication } from '@nestjs/platform-fastify';

import { createApp } from './app.setup';
import { type AppConfig, ConfigError, loadConfig } from './config/config';
import { type RuntimeConfig } from './config/config.module';
import { resolveSessionSecret } from './config/session-secret';
import { runMigrations } from './database/data-source';
import { EmbeddedDatabase } from './database/embedded-database';
import { createLogger } from './common/logging/logger';
import { FirstStartService, type FirstStartResult } from './demo/first-start.service';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Fanfare cannot start.\n${error.message}\nSee .env.example for every variable.\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);

  // Filled in as start-up proceeds; a signal during start-up stops whatever is running.
  const running: { app?: NestFastifyApplication; embedded?: EmbeddedDatabase } = {};
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Shutting down: finishing in-flight requests');
    try {
      // Stops accepting, waits for in-flight requests, then closes the database pool.
      await running.app?.close();
      await running.embedded?.stop();
      logger.info('Stopped cleanly');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'Shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));

  let databaseUrl = config.databaseUrl;
  if (databaseUrl === undefined) {
    running.embedded = await EmbeddedDatabase.start({
      dataDir: config.dataDir,
      log: (message) => logger.info(message),
    });
    databaseUrl = running.embedded.url;
  }
  const runtime: RuntimeConfig = {
    ...config,
    databaseUrl,
    sessionSecret: await resolveSessionSecret(config),
    embeddedDatabase: running.embedded !== undefined,
  };
  const applied = await runMigrations(databaseUrl);
  if (applied.length > 0) {
    logger.info({ migrations: applied }, `Applied ${applied.length} migration(s)`);
  }

  const app = await createApp(runtime, logger);
  running.app = app;
  const firstStart = await app.get(FirstStartService).run();
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  logger.info({ url, embeddedDatabase: runtime.embeddedDatabase }, `Fanfare is running at ${url}`);
  printWelcome(url, firstStart, config.seedDemo);
}

function printWelcome(url: string, result: FirstStartResult, demo: boolean): void {
  const lines = [`Fanfare is running: open ${url}  (API docs: ${url}/api/docs)`];
  if (demo) {
    lines.push(`Demo shop with the fan widget: ${url}/demo/`);
  }
  if (result.owner) {
    lines.push(`First owner created. Log in as ${result.owner.email}`);
    if (result.owner.generated) {
      lines.push(`  with the one-time password: ${result.owner.password}`);
      lines.push('  (shown only now; you will choose your own at the first login)');
    } else {
      lines.push('  with the password from FANFARE_ADMIN_PASSWORD');
    }
  }
  if (result.demoBrand) {
    lines.push(`Demo brand "${result.demoBrand.name}" created.`);
  }
  const width = Math.max(...lines.map((line) => line.length)) + 2;
  const bar = '─'.repeat(width);
  process.stdout.write(
    `\n┌${bar}┐\n${lines.map((line) => `│ ${line.padEnd(width - 1)}│`).join('\n')}\n└${bar}┘\n\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Fanfare failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
