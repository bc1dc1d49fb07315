import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';

import { ApiKeysModule } from '../api-keys/api-keys.module';
import { MembersModule } from '../members/members.module';
import { UsersModule } from '../users/users.module';
import { WidgetAuthModule } from '../widget/widget-auth.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginAttemptsRepository, SessionsRepository } from './sessions.repository';

/** Owns logins, sessions, the login rate limit and the global access guard. */
@Module({
  imports: [UsersModule, MembersModule, ApiKeysModule, WidgetAuthModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionsRepository,
    LoginAttemptsRepository,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
