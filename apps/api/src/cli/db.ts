/**
 * Database commands: `migrate`, `revert` (undo the last migration), `seed-demo` (recreate the demo
 * brand), `verify-ledger` (check the ledger's invariants over the whole database) and `drift` (print the SQL that would align the schema with the entities — the starting
 * point for a new migration). They use DATABASE_URL, or the embedded database in FANFARE_DATA_DIR.
 */
import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';

import { AppModule } from '../app.module';
import { createLogger, PinoNestLogger } from '../common/logging/logger';
import { ConfigError, loadConfig } from '../config/config';
import { type RuntimeConfig } from '../config/config.module';
import { resolveSessionSecret } from '../config/session-secret';
import { createDataSource, revertLastMigration, runMigrations, schemaDrift } from '../database/data-source';
import { EmbeddedDatabase } from '../database/embedded-database';
import { FirstStartService } from '../demo/first-start.service';
import { LedgerCheckRepository } from '../ledger/ledger-check.repository';

const COMMANDS = ['migrate', 'revert', 'seed-demo', 'drift', 'verify-ledger'] as const;
type Command = (typeof COMMANDS)[number];

async function main(command: Command): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const embedded =
    config.databaseUrl === undefined
      ? await EmbeddedDatabase.start({ dataDir: config.dataDir, log: (message) => logger.info(message) })
      : undefined;
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  try {
    switch (command) {
      case 'migrate': {
        const applied = await runMigrations(databaseUrl);
        process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Nothing to migrate.\n');
        break;
      }
      case 'revert':
        await revertLastMigration(databaseUrl);
        process.stdout.write('Reverted the last migration.\n');
        break;
      case 'drift': {
        const queries = await schemaDrift(databaseUrl);
        process.stdout.write(queries.length ? `${queries.join(';\n')};\n` : 'No drift.\n');
        break;
      }
      case 'verify-ledger': {
        const dataSource = createDataSource(databaseUrl, 2);
        await dataSource.initialize();
        try {
          const report = await new LedgerCheckRepository(dataSource).check();
          process.stdout.write(
            `Checked ${report.entries} ledger entries of ${report.fans} fans in ${report.brands} brand(s) and ` +
              `${report.campaigns} campaign(s): balances = sum of entries, lifetime points = earnings net of ` +
              `reversals, issued points per campaign, reversals within what they reverse.\n`,
          );
          if (report.problems.length > 0) {
            process.stdout.write(
              `${report.problems.length} problem(s):\n${report.problems.map((p) => `  - ${p}`).join('\n')}\n`,
            );
            process.exitCode = 1;
          } else {
            process.stdout.write('The ledger is consistent.\n');
          }
        } finally {
          await dataSource.destroy();
        }
        break;
      }
      case 'seed-demo': {
        await runMigrations(databaseUrl);
        const runtime: RuntimeConfig = {
          ...config,
          databaseUrl,
          sessionSecret: await resolveSessionSecret(config),
          embeddedDatabase: embedded !== undefined,
        };
        const app = await NestFactory.createApplicationContext(AppModule.forRoot(runtime), {
          logger: new PinoNestLogger(logger),
        });
        try {
          const brand = await app.get(FirstStartService).recreateDemoBrand();
          process.stdout.write(`Demo brand "${brand.name}" recreated (${brand.id}).\n`);
        } finally {
          await app.close();
        }
        break;
      }
    }
  } finally {
    await embedded?.stop();
  }
}

const command = process.argv[2];
if (!(COMMANDS as readonly string[]).includes(command ?? '')) {
  process.stderr.write(`Usage: db <${COMMANDS.join('|')}>\n`);
  process.exit(64);
}
main(command as Command).catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
