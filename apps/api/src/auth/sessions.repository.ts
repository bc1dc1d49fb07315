import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';

import { Transactions } from '../database/transactions';
import { UserEntity } from '../users/entities/user.entity';
import { LoginAttemptEntity } from './entities/login-attempt.entity';
import { SessionEntity } from './entities/session.entity';

export interface ActiveSession {
  session: SessionEntity;
  user: UserEntity;
}

@Injectable()
export class SessionsRepository {
  constructor(private readonly tx: Transactions) {}

  async insert(
    session: Pick<SessionEntity, 'id' | 'userId' | 'tokenHash' | 'expiresAt' | 'ip' | 'userAgent'>,
  ): Promise<void> {
    await this.tx.manager.insert(SessionEntity, session);
  }

  async findActive(tokenHash: Buffer): Promise<ActiveSession | null> {
    const session = await this.tx.manager
      .createQueryBuilder(SessionEntity, 's')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.token_hash = :tokenHash', { tokenHash })
      .andWhere('s.revoked_at IS NULL')
      .andWhere('s.expires_at > now()')
      .getOne();
    return session?.user ? { session, user: session.user } : null;
  }

  /** Recorded at most once a minute per session, to keep reads cheap. */
  async touch(id: string): Promise<void> {
    await this.tx.manager
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ lastSeenAt: () => 'now()' })
      .where('id = :id', { id })
      .andWhere("last_seen_at < now() - interval '1 minute'")
      .execute();
  }

  async revoke(id: string): Promise<void> {
    await this.tx.manager.update(SessionEntity, { id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  async revokeAllOfUser(userId: string, exceptSessionId?: string): Promise<void> {
    const query = this.tx.manager
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId', { userId })
      .andWhere('revoked_at IS NULL');
    if (exceptSessionId) {
      query.andWhere('id <> :exceptSessionId', { exceptSessionId });
    }
    await query.execute();
  }
}

export interface FailureWindow {
  failures: number;
  oldestFailureAt: Date | null;
}

@Injectable()
export class LoginAttemptsRepository {
  constructor(private readonly tx: Transactions) {}

  async record(attempt: Pick<LoginAttemptEntity, 'id' | 'email' | 'ip' | 'succeeded'>): Promise<void> {
    await this.tx.manager.insert(LoginAttemptEntity, attempt);
  }

  /** Serialises concurrent logins for one account, so parallel guesses cannot overrun the limit. */
  async lockAccount(email: string): Promise<void> {
    await this.tx.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [`login:${email}`]);
  }

  /** Failures since the last success, within the window. */
  async failuresByEmail(email: string, windowSeconds: number): Promise<FailureWindow> {
    return this.failures('email', email, windowSeconds, true);
  }

  /** All failures from an address within the window: a success elsewhere does not reset it. */
  async failuresByIp(ip: string, windowSeconds: number): Promise<FailureWindow> {
    return this.failures('ip', ip, windowSeconds, false);
  }

  private async failures(
    column: 'email' | 'ip',
    value: string,
    windowSeconds: number,
    sinceLastSuccess: boolean,
  ): Promise<FailureWindow> {
    const resetBySuccess = sinceLastSuccess
      ? `AND attempted_at > coalesce(
                (SELECT max(attempted_at) FROM login_attempt WHERE ${column} = $1 AND succeeded), '-infinity')`
      : '';
    const rows: Array<{ failures: string; oldest: Date | null }> = await this.tx.manager.query(
      `SELECT count(*) AS failures, min(attempted_at) AS oldest
         FROM login_attempt
        WHERE ${column} = $1
          AND NOT succeeded
          AND attempted_at > now() - make_interval(secs => $2)
          ${resetBySuccess}`,
      [value, windowSeconds],
    );
    const row = rows[0];
    return { failures: Number(row?.failures ?? 0), oldestFailureAt: row?.oldest ?? null };
  }
}
