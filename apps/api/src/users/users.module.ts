import { Module } from '@nestjs/common';

import { UsersRepository } from './users.repository';

/** Owns admin user accounts and their password hashes. */
@Module({ providers: [UsersRepository], exports: [UsersRepository] })
export class UsersModule {}
