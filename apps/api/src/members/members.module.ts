import { Module } from '@nestjs/common';

import { UsersModule } from '../users/users.module';
import { MembersController } from './members.controller';
import { MembersRepository } from './members.repository';
import { MembersService } from './members.service';

/** Owns memberships: who holds which role in which brand, and the last-owner rule. */
@Module({
  imports: [UsersModule],
  controllers: [MembersController],
  providers: [MembersRepository, MembersService],
  exports: [MembersRepository],
})
export class MembersModule {}
