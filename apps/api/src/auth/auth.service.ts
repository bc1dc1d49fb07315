import { Inject, Injectable } from '@nestjs/common';

import { uuidv7 } from '@fanfare/shared';

import {
  Conflict,
  Forbidden,
  TooManyRequests,
  Unauthenticated,
  ValidationFailed,
} from '../common/errors/domain-error';
import { APP_CONFIG, type RuntimeConfig } from '../config/config.module';
import { Transactions } from '../database/transactions';
import { MembersRepository } from '../members/members.repository';
import { type UserEntity } from '../users/entities/user.entity';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../users/passwords';
import { UsersRepository } from '../users/users.repository';
import { type SessionUser } from './actor';
import { hashSessionToken, looksLikeSessionToken, newSessionToken } from './session-tokens';
import { type ActiveSession, LoginAttemptsRepository, SessionsRepository } from './sessions.repository';

/** Failed logins tolerated per account and per address within the window, before a 429. */
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 20, windowSeconds: 15 * 60 } as const;

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: UserEntity;
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly tx: Transactions,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly attempts: LoginAttemptsRepository,
    private readonly members: MembersRepository,
  ) {}

  async login(
    emailInput: string,
    password: string,
    ip: string,
    userAgent: string | null,
  ): Promise<LoginResult> {
    const email = emailInput.trim().toLowerCase();
    const outcome = await this.tx.run(async () => {
      await this.attempts.lockAccount(email);
      await this.assertNotLimited(email, ip);
      const user = await this.users.findByEmail(email);
      const valid = user
        ? await verifyPassword(user.passwordHash, password)
        : await verifyPassword(await dummyPasswordHash(), password).then(() => false);
      await this.attempts.record({ id: uuidv7(), email, ip, succeeded: valid });
      if (!valid || !user) {
        return null;
      }
      const token = newSessionToken();
      const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600 * 1000);
      await this.sessions.insert({
        id: uuidv7(),
        userId: user.id,
        tokenHash: hashSessionToken(this.config.sessionSecret, token),
        expiresAt,
        ip,
        userAgent,
      });
      await this.users.touchLogin(user.id);
      return { token, expiresAt, user };
    });
    if (!outcome) {
      // The failed attempt is committed above, so it counts even though we answer with an error.
      throw new Unauthenticated('invalid_credentials', 'The email address or the password is wrong.');
    }
    return outcome;
  }

  private async assertNotLimited(email: string, ip: string): Promise<void> {
    const { perAccount, perAddress, windowSeconds } = LOGIN_LIMITS;
    const [byEmail, byIp] = await Promise.all([
      this.attempts.failuresByEmail(email, windowSeconds),
      this.attempts.failuresByIp(ip, windowSeconds),
    ]);
    const limited = [
      byEmail.failures >= perAccount ? byEmail.oldestFailureAt : null,
      byIp.failures >= perAddress ? byIp.oldestFailureAt : null,
    ].filter((at): at is Date => at !== null);
    if (limited.length > 0) {
      const until = Math.max(...limited.map((at) => at.getTime() + windowSeconds * 1000));
      const retryAfter = Math.max(1, Math.ceil((until - Date.now()) / 1000));
      throw new TooManyRequests(
        `Too many failed logins. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
        retryAfter,
      );
    }
  }

  async authenticate(token: string): Promise<ActiveSession | null> {
    if (!looksLikeSessionToken(token)) {
      return null;
    }
    const active = await this.sessions.findActive(hashSessionToken(this.config.sessionSecret, token));
    if (active) {
      await this.sessions.touch(active.session.id);
    }
    return active;
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId);
  }

  async changePassword(
    user: SessionUser,
    sessionId: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    if (newPassword === currentPassword) {
      throw new ValidationFailed([{ field: 'newPassword', reason: 'must differ from the current password' }]);
    }
    await this.tx.run(async () => {
      const stored = await this.users.findById(user.id);
      if (!stored || !(await verifyPassword(stored.passwordHash, currentPassword))) {
        throw new Forbidden('wrong_password', 'The current password is wrong.');
      }
      await this.users.setPassword(user.id, await hashPassword(newPassword), false);
      // Other devices must log in again with the new password.
      await this.sessions.revokeAllOfUser(user.id, sessionId);
    });
  }

  async me(
    userId: string,
  ): Promise<{ user: UserEntity; memberships: Awaited<ReturnType<MembersRepository['listForUser']>> }> {
    const user = await this.users.findById(userId);
    if (!user) {
      throw new Conflict('user_gone', 'This user no longer exists.');
    }
    return { user, memberships: await this.members.listForUser(userId) };
  }
}
