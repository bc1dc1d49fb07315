import { Injectable } from '@nestjs/common';

import { Transactions } from '../database/transactions';
import { UserEntity } from './entities/user.entity';

@Injectable()
export class UsersRepository {
  constructor(private readonly tx: Transactions) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.tx.manager.findOneBy(UserEntity, { id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.tx.manager.findOneBy(UserEntity, { email: email.toLowerCase() });
  }

  async count(): Promise<number> {
    return this.tx.manager.count(UserEntity);
  }

  findOldest(): Promise<UserEntity | null> {
    return this.tx.manager.findOne(UserEntity, { where: {}, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async insert(
    user: Pick<UserEntity, 'id' | 'email' | 'name' | 'passwordHash' | 'mustChangePassword'>,
  ): Promise<UserEntity> {
    await this.tx.manager.insert(UserEntity, { ...user, email: user.email.toLowerCase() });
    return (await this.findById(user.id))!;
  }

  async setPassword(id: string, passwordHash: string, mustChangePassword: boolean): Promise<void> {
    await this.tx.manager.update(
      UserEntity,
      { id },
      { passwordHash, mustChangePassword, updatedAt: () => 'now()' },
    );
  }

  async touchLogin(id: string): Promise<void> {
    await this.tx.manager.update(UserEntity, { id }, { lastLoginAt: () => 'now()' });
  }
}
