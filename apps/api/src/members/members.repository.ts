import { Injectable } from '@nestjs/common';

import { type Role } from '@fanfare/shared';

import { BrandEntity } from '../brands/entities/brand.entity';
import { Transactions } from '../database/transactions';
import { UserEntity } from '../users/entities/user.entity';
import { MembershipEntity } from './entities/membership.entity';

export interface MemberRow {
  membership: MembershipEntity;
  user: UserEntity;
}

@Injectable()
export class MembersRepository {
  constructor(private readonly tx: Transactions) {}

  /** Membership changes of one brand serialise on its row, so the last-owner rule holds under concurrency. */
  async lockBrand(brandId: string): Promise<void> {
    await this.tx.manager.query('SELECT 1 FROM brand WHERE id = $1 FOR UPDATE', [brandId]);
  }

  /**
   * Adding the same new address to two brands at once must not create the user twice: the second
   * waits here, then finds the first one's user.
   */
  async lockEmail(email: string): Promise<void> {
    await this.tx.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [
      `user-email:${email}`,
    ]);
  }

  findRole(brandId: string, userId: string): Promise<MembershipEntity | null> {
    return this.tx.manager.findOneBy(MembershipEntity, { brandId, userId });
  }

  async find(brandId: string, userId: string): Promise<MemberRow | null> {
    const membership = await this.tx.manager.findOne(MembershipEntity, {
      where: { brandId, userId },
      relations: { user: true },
    });
    return membership?.user ? { membership, user: membership.user } : null;
  }

  /** Members ordered by email. */
  async list(brandId: string, limit: number, afterEmail?: string): Promise<MemberRow[]> {
    const query = this.tx.manager
      .createQueryBuilder(MembershipEntity, 'm')
      .innerJoinAndSelect('m.user', 'u')
      .where('m.brand_id = :brandId', { brandId })
      .orderBy('u.email', 'ASC')
      .limit(limit + 1);
    if (afterEmail !== undefined) {
      query.andWhere('u.email > :afterEmail', { afterEmail });
    }
    const rows = await query.getMany();
    return rows.map((membership) => ({ membership, user: membership.user! }));
  }

  async listForUser(userId: string): Promise<Array<{ brand: BrandEntity; role: Role }>> {
    const rows = await this.tx.manager
      .createQueryBuilder(MembershipEntity, 'm')
      .innerJoinAndSelect('m.brand', 'b')
      .where('m.user_id = :userId', { userId })
      .orderBy('b.name', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .getMany();
    return rows.map((membership) => ({ brand: membership.brand!, role: membership.role }));
  }

  async countOwners(brandId: string): Promise<number> {
    return this.tx.manager.countBy(MembershipEntity, { brandId, role: 'owner' });
  }

  async insert(membership: Pick<MembershipEntity, 'brandId' | 'userId' | 'role'>): Promise<void> {
    await this.tx.manager.insert(MembershipEntity, membership);
  }

  async setRole(brandId: string, userId: string, role: Role): Promise<void> {
    await this.tx.manager.update(MembershipEntity, { brandId, userId }, { role, updatedAt: () => 'now()' });
  }

  async delete(brandId: string, userId: string): Promise<void> {
    await this.tx.manager.delete(MembershipEntity, { brandId, userId });
  }
}
