import { Injectable } from '@nestjs/common';

import { isUuid, slugify, uuidv7 } from '@fanfare/shared';

import { AuditService, diff } from '../audit/audit.service';
import { type Actor, type RequestMeta, type SessionUser } from '../auth/actor';
import { Conflict, NotFound, ValidationFailed } from '../common/errors/domain-error';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { Transactions } from '../database/transactions';
import { MembersRepository } from '../members/members.repository';
import { type BrandWithRole, BrandsRepository, isSlugTakenError } from './brands.repository';
import { type BrandEntity } from './entities/brand.entity';
import { type CreateBrandDto } from './dto/create-brand.dto';
import { type UpdateBrandDto } from './dto/update-brand.dto';

@Injectable()
export class BrandsService {
  constructor(
    private readonly tx: Transactions,
    private readonly brands: BrandsRepository,
    private readonly members: MembersRepository,
    private readonly audit: AuditService,
  ) {}

  async listForUser(userId: string, limit: number, cursor?: string): Promise<Page<BrandWithRole>> {
    const rows = await this.brands.listForUser(userId, limit, decodeBrandCursor(cursor));
    return toPage(
      rows,
      limit,
      (row) => row,
      (row) => [row.brand.name, row.brand.id],
    );
  }

  async get(brandId: string): Promise<BrandEntity> {
    const brand = await this.brands.findById(brandId);
    if (!brand) throw new NotFound('Brand');
    return brand;
  }

  /** Creates a brand owned by `owner`. */
  async create(
    owner: SessionUser,
    input: CreateBrandDto,
    meta: RequestMeta | null,
    actor: Actor,
  ): Promise<BrandEntity> {
    return this.createOwnedBy(owner.id, input, false, actor, meta);
  }

  async createOwnedBy(
    ownerId: string,
    input: CreateBrandDto,
    isDemo: boolean,
    actor: Parameters<AuditService['record']>[0],
    meta: RequestMeta | null,
  ): Promise<BrandEntity> {
    const slug = input.slug ?? slugify(input.name);
    if (slug.length < 2) {
      throw new ValidationFailed(
        [{ field: 'slug', reason: 'is required: the name gives none (use letters a-z, digits and dashes)' }],
        'Choose a slug: the name gives none.',
      );
    }
    return this.tx.run(async () => {
      await this.assertSlugFree(slug);
      const brand = await this.withSlug(slug, () =>
        this.brands.insert({
          id: uuidv7(),
          name: input.name.trim(),
          slug,
          timeZone: input.timeZone,
          locale: input.locale,
          isDemo,
        }),
      );
      await this.members.insert({ brandId: brand.id, userId: ownerId, role: 'owner' });
      await this.audit.record(actor, meta, {
        brandId: brand.id,
        action: 'brand.created',
        targetType: 'brand',
        targetId: brand.id,
        targetLabel: brand.name,
        changes: diff(
          {},
          { name: brand.name, slug: brand.slug, timeZone: brand.timeZone, locale: brand.locale },
        ),
      });
      return brand;
    });
  }

  async update(
    brandId: string,
    input: UpdateBrandDto,
    actor: Actor,
    meta: RequestMeta,
  ): Promise<BrandEntity> {
    return this.tx.run(async () => {
      const before = await this.brands.lock(brandId);
      if (!before) throw new NotFound('Brand');
      const next = { ...input, ...(input.name !== undefined ? { name: input.name.trim() } : {}) };
      const changes = diff(before, next);
      if (Object.keys(changes).length === 0) {
        return before;
      }
      if (next.slug !== undefined && next.slug !== before.slug) {
        await this.assertSlugFree(next.slug);
      }
      const after = await this.withSlug(next.slug, () => this.brands.update(brandId, next));
      if (changes.timeZone !== undefined) {
        // Report days are the brand's days: the rollups are rebuilt in the new zone (analytics upkeep).
        await this.tx.manager.query(
          `UPDATE brand SET analytics_version = analytics_version + 1, analytics_state = 'recalculating' WHERE id = $1`,
          [brandId],
        );
      }
      await this.audit.record(actor, meta, {
        brandId,
        action: 'brand.updated',
        targetType: 'brand',
        targetId: brandId,
        targetLabel: after.name,
        changes,
      });
      return after;
    });
  }

  private async assertSlugFree(slug: string): Promise<void> {
    if (await this.brands.findBySlug(slug)) {
      throw slugTaken(slug);
    }
  }

  /** Simultaneous writers can all pass `assertSlugFree`; the losers get the same answer from the constraint. */
  private async withSlug<T>(slug: string | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (slug !== undefined && isSlugTakenError(error)) throw slugTaken(slug);
      throw error;
    }
  }
}

function slugTaken(slug: string): Conflict {
  return new Conflict('slug_taken', `The slug "${slug}" is taken by another brand.`, [
    { field: 'slug', reason: 'is already taken' },
  ]);
}

/** The cursor's id goes into a uuid comparison: anything else is a forged cursor, not a server error. */
function decodeBrandCursor(cursor: string | undefined): { name: string; id: string } | undefined {
  const key = decodeCursor(cursor, 2);
  if (!key) return undefined;
  const [name, id] = key;
  if (typeof name !== 'string' || typeof id !== 'string' || !isUuid(id)) {
    throw new ValidationFailed([{ field: 'cursor', reason: 'is not a cursor this list handed out' }]);
  }
  return { name, id };
}
