import { randomBytes } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';

import { type Role } from '@fanfare/shared';

import { Transactions } from '../database/transactions';
import { MembershipEntity } from '../members/entities/membership.entity';
import { BrandEntity } from './entities/brand.entity';

export interface BrandWithRole {
  brand: BrandEntity;
  role: Role;
}

/** True when a write failed because another brand holds the slug (the constraint decides races). */
export function isSlugTakenError(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  return driverError?.code === '23505' && driverError.constraint === 'brand_slug_key';
}

/** `pk_` and 32 hex digits: names a brand in the widget's requests; public, but not guessable. */
export function newPublishableKey(): string {
  return `pk_${randomBytes(16).toString('hex')}`;
}

@Injectable()
export class BrandsRepository {
  constructor(private readonly tx: Transactions) {}

  findById(id: string): Promise<BrandEntity | null> {
    return this.tx.manager.findOneBy(BrandEntity, { id });
  }

  /** Locks the brand row: membership changes serialise on it (the last-owner rule). */
  async lock(id: string): Promise<BrandEntity | null> {
    return this.tx.manager
      .createQueryBuilder(BrandEntity, 'b')
      .setLock('pessimistic_write')
      .where('b.id = :id', { id })
      .getOne();
  }

  findBySlug(slug: string): Promise<BrandEntity | null> {
    return this.tx.manager.findOneBy(BrandEntity, { slug });
  }

  findDemo(): Promise<BrandEntity | null> {
    return this.tx.manager.findOneBy(BrandEntity, { isDemo: true });
  }

  /** The user's brands by name, then id. */
  async listForUser(
    userId: string,
    limit: number,
    after?: { name: string; id: string },
  ): Promise<BrandWithRole[]> {
    const query = this.tx.manager
      .createQueryBuilder(BrandEntity, 'b')
      .innerJoin(MembershipEntity, 'm', 'm.brand_id = b.id AND m.user_id = :userId', { userId })
      .addSelect('m.role', 'm_role')
      .orderBy('b.name', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .limit(limit + 1);
    if (after) {
      query.andWhere('(b.name, b.id) > (:name, :id)', after);
    }
    const { entities, raw } = await query.getRawAndEntities<{ b_id: string; m_role: Role }>();
    const roles = new Map(raw.map((row) => [row.b_id, row.m_role]));
    return entities.flatMap((brand) => {
      const role = roles.get(brand.id);
      return role ? [{ brand, role }] : [];
    });
  }

  async insert(
    brand: Pick<BrandEntity, 'id' | 'name' | 'slug' | 'timeZone' | 'locale' | 'isDemo'>,
  ): Promise<BrandEntity> {
    await this.tx.manager.insert(BrandEntity, { ...brand, widgetKey: newPublishableKey() });
    return (await this.findById(brand.id))!;
  }

  async update(
    id: string,
    changes: Partial<Pick<BrandEntity, 'name' | 'slug' | 'timeZone' | 'locale' | 'pointsExpiryDays'>>,
  ): Promise<BrandEntity> {
    await this.tx.manager.update(BrandEntity, { id }, { ...changes, updatedAt: () => 'now()' });
    return (await this.findById(id))!;
  }

  async delete(id: string): Promise<void> {
    await this.tx.manager.delete(BrandEntity, { id });
  }
}
