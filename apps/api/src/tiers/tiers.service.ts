import { Injectable } from '@nestjs/common';

import { type TierBasis, type TierDefinition, uuidv7, validateTierLadder } from '@fanfare/shared';

import { type AuditActor, AuditService } from '../audit/audit.service';
import { type RequestMeta } from '../auth/actor';
import { type FieldError, NotFound, ValidationFailed } from '../common/errors/domain-error';
import { Transactions } from '../database/transactions';
import { type TierEntity } from './entities/tier.entity';
import { TiersRepository } from './tiers.repository';

export interface TierLadder {
  basis: TierBasis;
  /** From the lowest threshold up. */
  tiers: TierDefinition[];
}

@Injectable()
export class TiersService {
  constructor(
    private readonly tx: Transactions,
    private readonly tiers: TiersRepository,
    private readonly audit: AuditService,
  ) {}

  /** The brand's ladder and basis; the ledger recomputes fans' tiers from it. */
  async ladder(brandId: string): Promise<TierLadder> {
    const ladder = await this.tiers.ladder(brandId);
    if (ladder === null) throw new NotFound('Brand');
    return { basis: ladder.basis, tiers: ladder.tiers.map(toTierDefinition) };
  }

  /** Replaces the ladder and its basis in one transaction. Recomputing fans' tiers is the ledger's job. */
  async replace(
    brandId: string,
    input: { basis: TierBasis; tiers: unknown[] },
    actor: AuditActor,
    meta: RequestMeta | null,
  ): Promise<TierLadder> {
    const errors = [...unknownFields(input.tiers), ...validateTierLadder(input.tiers, 'tiers')];
    if (errors.length > 0) throw new ValidationFailed(errors);
    const tiers = [...(input.tiers as TierDefinition[])].sort((a, b) => a.threshold - b.threshold);
    return this.tx.run(async () => {
      const basisBefore = await this.tiers.lockBasis(brandId);
      if (basisBefore === null) throw new NotFound('Brand');
      const before = (await this.tiers.list(brandId)).map(toTierDefinition);
      await this.tiers.replace(
        brandId,
        input.basis,
        tiers.map((tier) => ({
          id: uuidv7(),
          name: tier.name.trim(),
          threshold: String(tier.threshold),
          multiplier: tier.multiplier.toFixed(2),
          perks: tier.perks ?? '',
        })),
      );
      const after = { basis: input.basis, tiers: (await this.tiers.list(brandId)).map(toTierDefinition) };
      await this.audit.record(actor, meta, {
        brandId,
        action: 'tiers.updated',
        targetType: 'tiers',
        targetId: brandId,
        changes: {
          ...(basisBefore !== after.basis ? { basis: { from: basisBefore, to: after.basis } } : {}),
          tiers: { from: before.map(auditTier), to: after.tiers.map(auditTier) },
        },
      });
      return after;
    });
  }
}

const TIER_KEYS: ReadonlySet<string> = new Set(['name', 'threshold', 'multiplier', 'perks']);

/** The shared validator reads the fields it knows; a misspelt one (`treshold`) is an error here. */
function unknownFields(tiers: readonly unknown[]): FieldError[] {
  return tiers.flatMap((tier, index) =>
    typeof tier === 'object' && tier !== null && !Array.isArray(tier)
      ? Object.keys(tier)
          .filter((key) => !TIER_KEYS.has(key))
          .map((key) => ({ field: `tiers.${index}.${key}`, reason: 'is not a known field' }))
      : [],
  );
}

export function toTierDefinition(
  tier: Pick<TierEntity, 'name' | 'threshold' | 'multiplier' | 'perks'>,
): TierDefinition {
  return {
    name: tier.name,
    threshold: Number(tier.threshold),
    multiplier: Number(tier.multiplier),
    perks: tier.perks,
  };
}

function auditTier(tier: TierDefinition): { name: string; threshold: number; multiplier: number } {
  return { name: tier.name, threshold: tier.threshold, multiplier: tier.multiplier };
}
