import { ApiKeyEntity } from '../api-keys/entities/api-key.entity';
import { AuditLogEntryEntity } from '../audit/entities/audit-log-entry.entity';
import { LoginAttemptEntity } from '../auth/entities/login-attempt.entity';
import { SessionEntity } from '../auth/entities/session.entity';
import { BrandEntity } from '../brands/entities/brand.entity';
import { MembershipEntity } from '../members/entities/membership.entity';
import { UserEntity } from '../users/entities/user.entity';

/** Every entity, listed once: the data source and the drift check both use this list. */
export const ENTITIES = [
  UserEntity,
  SessionEntity,
  LoginAttemptEntity,
  BrandEntity,
  MembershipEntity,
  ApiKeyEntity,
  AuditLogEntryEntity,
];
