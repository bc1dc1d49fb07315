import { Injectable } from '@nestjs/common';

import { isUuid, uuidv7 } from '@fanfare/shared';

import { type Actor, type RequestMeta } from '../auth/actor';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { ValidationFailed } from '../common/errors/domain-error';
import { AuditRepository } from './audit.repository';
import {
  type AuditChanges,
  type AuditLogEntryEntity,
  type JsonValue,
} from './entities/audit-log-entry.entity';

export type AuditActor = Actor | { type: 'system'; label: string };

/** How an actor is named in the audit log and on what it created: an email, a key's name, a label. */
export function auditActorLabel(actor: AuditActor): string {
  switch (actor.type) {
    case 'user':
      return actor.user.email;
    case 'api_key':
      return actor.keyName;
    case 'system':
      return actor.label;
  }
}

export interface AuditRecord {
  brandId: string;
  action: string;
  targetType: string;
  targetId: string;
  targetLabel?: string;
  changes?: AuditChanges;
}

/**
 * Records who changed what. Callers record inside the transaction of the write itself, so an
 * entry exists exactly when the change does.
 */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  async record(actor: AuditActor, meta: RequestMeta | null, record: AuditRecord): Promise<void> {
    await this.audit.insert({
      id: uuidv7(),
      brandId: record.brandId,
      actorType: actor.type,
      actorId: actor.type === 'user' ? actor.user.id : actor.type === 'api_key' ? actor.keyId : null,
      actorLabel: auditActorLabel(actor),
      action: record.action,
      targetType: record.targetType,
      targetId: record.targetId,
      targetLabel: record.targetLabel ?? null,
      changes: record.changes ?? {},
      requestId: meta?.requestId ?? null,
      ip: meta?.ip ?? null,
    });
  }

  /** Erasure: entries about the target keep what happened but no longer its name. */
  async forgetTargetName(brandId: string, targetType: string, targetId: string): Promise<void> {
    await this.audit.scrubTargetLabels(brandId, targetType, targetId);
  }

  async list(
    brandId: string,
    limit: number,
    cursor: string | undefined,
    action?: string,
  ): Promise<Page<AuditLogEntryEntity>> {
    const after = decodeCursor(cursor, 1)?.[0];
    if (after !== undefined && (typeof after !== 'string' || !isUuid(after))) {
      throw new ValidationFailed([{ field: 'cursor', reason: 'is not a cursor this list handed out' }]);
    }
    const rows = await this.audit.list(brandId, limit, after, action);
    return toPage(
      rows,
      limit,
      (row) => row,
      (row) => [row.id],
    );
  }
}

/** The fields whose value differs, as `{ field: { from, to } }`. */
export function diff<T extends object>(before: Partial<T>, after: Partial<T>): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, to] of Object.entries(after) as Array<[string, JsonValue | undefined]>) {
    const from = before[field as keyof T] as JsonValue | undefined;
    if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to)) {
      changes[field] = from === undefined ? { to } : { from, to };
    }
  }
  return changes;
}
