import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every login attempt, kept for rate limiting (per account and per address) and for forensics. */
@Entity({ name: 'login_attempt' })
@Index('login_attempt_email_idx', ['email', 'attemptedAt'])
@Index('login_attempt_ip_idx', ['ip', 'attemptedAt'])
export class LoginAttemptEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'login_attempt_pkey' })
  id!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  ip!: string;

  @Column({ type: 'boolean' })
  succeeded!: boolean;

  @Column({ name: 'attempted_at', type: 'timestamptz', default: () => 'now()' })
  attemptedAt!: Date;
}
