import { Injectable } from '@nestjs/common';

import { type Role, uuidv7 } from '@fanfare/shared';

import { AuditService } from '../audit/audit.service';
import { type Actor, type RequestMeta } from '../auth/actor';
import { Conflict, NotFound } from '../common/errors/domain-error';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { Transactions } from '../database/transactions';
import { generatePassword, hashPassword } from '../users/passwords';
import { UsersRepository } from '../users/users.repository';
import { type MemberRow, MembersRepository } from './members.repository';

@Injectable()
export class MembersService {
  constructor(
    private readonly tx: Transactions,
    private readonly members: MembersRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  async list(brandId: string, limit: number, cursor?: string): Promise<Page<MemberRow>> {
    const after = decodeCursor(cursor, 1);
    const rows = await this.members.list(brandId, limit, after ? String(after[0]) : undefined);
    return toPage(
      rows,
      limit,
      (row) => row,
      (row) => [row.user.email],
    );
  }

  /** Adds a user by email; a new user gets a one-time password that only this answer shows. */
  async add(
    brandId: string,
    input: { email: string; role: Role; name?: string },
    actor: Actor,
    meta: RequestMeta,
  ): Promise<{ member: MemberRow; oneTimePassword: string | null }> {
    const email = input.email.trim().toLowerCase();
    // Hashing is slow: do it before taking locks.
    const oneTimePassword = generatePassword();
    const passwordHash = await hashPassword(oneTimePassword);
    return this.tx.run(async () => {
      await this.members.lockBrand(brandId);
      await this.members.lockEmail(email);
      let user = await this.users.findByEmail(email);
      const isNew = user === null;
      if (!user) {
        user = await this.users.insert({
          id: uuidv7(),
          email,
          name: input.name?.trim() ?? '',
          passwordHash,
          mustChangePassword: true,
        });
      } else if (await this.members.findRole(brandId, user.id)) {
        throw new Conflict('already_member', `${email} is already a member of this brand.`, [
          { field: 'email', reason: 'is already a member' },
        ]);
      }
      await this.members.insert({ brandId, userId: user.id, role: input.role });
      await this.audit.record(actor, meta, {
        brandId,
        action: 'member.added',
        targetType: 'user',
        targetId: user.id,
        targetLabel: email,
        changes: { email: { to: email }, role: { to: input.role } },
      });
      const member = await this.members.find(brandId, user.id);
      return { member: member!, oneTimePassword: isNew ? oneTimePassword : null };
    });
  }

  async changeRole(
    brandId: string,
    userId: string,
    role: Role,
    actor: Actor,
    meta: RequestMeta,
  ): Promise<MemberRow> {
    return this.tx.run(async () => {
      await this.members.lockBrand(brandId);
      const member = await this.members.find(brandId, userId);
      if (!member) throw new NotFound('Member');
      if (member.membership.role === role) return member;
      if (member.membership.role === 'owner') {
        await this.assertAnotherOwner(brandId);
      }
      await this.members.setRole(brandId, userId, role);
      await this.audit.record(actor, meta, {
        brandId,
        action: 'member.role_changed',
        targetType: 'user',
        targetId: userId,
        targetLabel: member.user.email,
        changes: { role: { from: member.membership.role, to: role } },
      });
      return (await this.members.find(brandId, userId))!;
    });
  }

  async remove(brandId: string, userId: string, actor: Actor, meta: RequestMeta): Promise<void> {
    await this.tx.run(async () => {
      await this.members.lockBrand(brandId);
      const member = await this.members.find(brandId, userId);
      if (!member) throw new NotFound('Member');
      if (member.membership.role === 'owner') {
        await this.assertAnotherOwner(brandId);
      }
      await this.members.delete(brandId, userId);
      await this.audit.record(actor, meta, {
        brandId,
        action: 'member.removed',
        targetType: 'user',
        targetId: userId,
        targetLabel: member.user.email,
        changes: { email: { from: member.user.email }, role: { from: member.membership.role } },
      });
    });
  }

  private async assertAnotherOwner(brandId: string): Promise<void> {
    if ((await this.members.countOwners(brandId)) <= 1) {
      throw new Conflict(
        'last_owner',
        'A brand always keeps at least one owner: make someone else owner first.',
      );
    }
  }
}
