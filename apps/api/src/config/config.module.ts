import { type DynamicModule, Global, Module } from '@nestjs/common';

import { type AppConfig } from './config';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The validated configuration, with the resolved database URL and session secret. */
export interface RuntimeConfig extends AppConfig {
  databaseUrl: string;
  sessionSecret: string;
  embeddedDatabase: boolean;
}

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
