/**
 * Writes the OpenAPI document (the contract of record) to apps/api/openapi.json without a
 * database: Nest's preview mode maps routes without instantiating providers.
 */
import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

import { AppModule } from '../app.module';
import { buildOpenApiDocument, setRoutePrefix } from '../app.setup';
import { loadConfig } from '../config/config';
import { type RuntimeConfig } from '../config/config.module';

export async function generateOpenApi(): Promise<string> {
  const config: RuntimeConfig = {
    ...loadConfig({}),
    databaseUrl: 'postgres://preview@127.0.0.1/preview',
    sessionSecret: 'x'.repeat(32),
    embeddedDatabase: false,
  };
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter(),
    {
      preview: true,
      logger: false,
    },
  );
  setRoutePrefix(app);
  const document = buildOpenApiDocument(app);
  await app.close();
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (require.main === module) {
  const target = path.resolve(__dirname, '..', '..', '..', '..', '..', 'openapi.json');
  generateOpenApi()
    .then((json) => {
      writeFileSync(target, json);
      process.stdout.write(`Wrote ${target}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
