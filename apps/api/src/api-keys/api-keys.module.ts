import { Module } from '@nestjs/common';

import { ApiKeyCache } from './api-key-cache';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';

/** Owns brands' API keys: creation (secret shown once), scopes, revocation, authentication. */
@Module({
  controllers: [ApiKeysController],
  providers: [ApiKeysRepository, ApiKeysService, ApiKeyCache],
  exports: [ApiKeysService],
})
export class ApiKeysModule {}
