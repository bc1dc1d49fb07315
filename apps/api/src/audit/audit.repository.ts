import { Injectable } from '@nestjs/common';

import { Transactions } from '../database/transactions';
import { AuditLogEntryEntity } from './entities/audit-log-entry.entity';

@Injectable()
export class AuditRepository {
  constructor(private readonly tx: Transactions) {}

  async insert(entry: Omit<AuditLogEntryEntity, 'occurredAt' | 'brand'>): Promise<void> {
    // jsonb goes in as text: TypeORM's deep-partial typing cannot follow a recursive JSON type.
    const { changes, ...columns } = entry;
    await this.tx.manager
      .createQueryBuilder()
      .insert()
      .into(AuditLogEntryEntity)
      .values({ ...columns, changes: () => 'CAST(:changes AS jsonb)' })
      .setParameter('changes', JSON.stringify(changes))
      .execute();
  }

  /** Newest first; ids are UUIDv7, so id order is time order. */
  list(
    brandId: string,
    limit: number,
    afterId: string | undefined,
    action?: string,
  ): Promise<AuditLogEntryEntity[]> {
    const query = this.tx.manager
      .createQueryBuilder(AuditLogEntryEntity, 'a')
      .where('a.brand_id = :brandId', { brandId })
      .orderBy('a.id', 'DESC')
      .limit(limit + 1);
    if (afterId !== undefined) {
      query.andWhere('a.id < :afterId', { afterId });
    }
    if (action !== undefined) {
      query.andWhere('a.action = :action', { action });
    }
    return query.getMany();
  }

  /** Drops the names copied into entries about a target (a fan's erasure). */
  async scrubTargetLabels(brandId: string, targetType: string, targetId: string): Promise<void> {
    await this.tx.manager.query(
      'UPDATE audit_log SET target_label = NULL WHERE brand_id = $1 AND target_type = $2 AND target_id = $3',
      [brandId, targetType, targetId],
    );
  }
}
