import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** An admin user. Users are global; what they may do in a brand comes from their membership. */
@Entity({ name: 'app_user' })
@Unique('app_user_email_key', ['email'])
export class UserEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'app_user_pkey' })
  id!: string;

  /** Stored lower-case: one account per address whatever the spelling. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text', default: '' })
  name!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;
}
