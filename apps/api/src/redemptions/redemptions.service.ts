import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { isUuid, uuidv7 } from '@fanfare/shared';

import { type AuditActor, auditActorLabel, AuditService } from '../audit/audit.service';
import { type RequestMeta } from '../auth/actor';
import { BadRequest, Conflict, NotFound, ValidationFailed } from '../common/errors/domain-error';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { assertIdempotencyKey } from '../common/http/idempotency-key';
import { Transactions } from '../database/transactions';
import { FansRepository, type LockedFan } from '../fans/fans.repository';
import { LedgerRepository } from '../ledger/ledger.repository';
import { type RewardEntity } from '../rewards/entities/reward.entity';
import { RewardsRepository } from '../rewards/rewards.repository';
import { TiersService } from '../tiers/tiers.service';
import { type RedemptionStatus, type ShippingAddress } from './entities/redemption.entity';
import { type RedemptionFilter, type RedemptionRow, RedemptionsRepository } from './redemptions.repository';
import { refusalOf } from './redeem-rules';
import { readShippingAddress } from './shipping-address';

/** Rows per query when an export pages through the redemptions. */
export const EXPORT_CHUNK = 1000;

/**
 * Owns redemptions: a fan spending points on a reward, and the staff queue that fulfils or cancels
 * them. Lock order as everywhere: the fan first, then the reward's stock or a coupon code, each
 * taken in one statement, so a hot reward is held only for the rest of a short transaction.
 */
@Injectable()
export class RedemptionsService {
  constructor(
    private readonly tx: Transactions,
    private readonly redemptions: RedemptionsRepository,
    private readonly fans: FansRepository,
    private readonly ledger: LedgerRepository,
    private readonly rewards: RewardsRepository,
    private readonly tiers: TiersService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Redeems a reward for a fan in one transaction: checks, stock or code, the ledger's redeem
   * entry and the balance. The same Idempotency-Key with the same request answers the redemption
   * it created and books nothing; with another request it is refused.
   */
  async redeem(
    brandId: string,
    fanId: string,
    rewardId: string,
    input: { shippingAddress?: unknown },
    idempotencyKey: string | undefined,
    actor: AuditActor,
    meta: RequestMeta | null,
  ): Promise<RedemptionRow> {
    if (idempotencyKey === undefined || idempotencyKey === '') {
      throw new BadRequest(
        'idempotency_key_required',
        'Send an Idempotency-Key header, so that a retried redemption books nothing twice.',
      );
    }
    assertIdempotencyKey(idempotencyKey);
    let address: ShippingAddress | null = null;
    if (input.shippingAddress !== undefined) {
      const read = readShippingAddress(input.shippingAddress);
      if ('errors' in read) throw new ValidationFailed(read.errors);
      address = read.address;
    }
    const requestHash = createHash('sha256')
      .update(JSON.stringify({ fanId, rewardId, shippingAddress: address }))
      .digest('hex');

    const id = await this.tx.run(async () => {
      const resolved = await this.fans.findResolved(brandId, fanId);
      if (!resolved) throw new NotFound('Fan');
      const fan = (await this.fans.lock(brandId, [resolved.id])).get(resolved.id);
      if (!fan || fan.mergedIntoId !== null) {
        throw new Conflict('merge_conflict', 'The fan was merged meanwhile; try again.');
      }
      // Under the fan's lock: a concurrent request with the same key has committed or not started.
      const previous = await this.redemptions.findByIdempotencyKey(brandId, idempotencyKey);
      if (previous) {
        if (previous.requestHash !== requestHash) {
          throw new Conflict(
            'idempotency_key_reused',
            'This Idempotency-Key was used for another redemption request.',
          );
        }
        return previous.id;
      }
      if (fan.erasedAt !== null) throw new Conflict('fan_erased', 'An erased fan cannot redeem.');
      const reward = await this.rewards.find(brandId, rewardId);
      if (!reward) throw new NotFound('Reward');
      if (reward.kind === 'physical' && address === null) {
        throw new ValidationFailed([
          { field: 'shippingAddress', reason: 'is required: the reward is a physical item' },
        ]);
      }
      if (reward.kind !== 'physical' && address !== null) {
        throw new ValidationFailed([
          { field: 'shippingAddress', reason: `must be left out: a ${reward.kind} reward is not shipped` },
        ]);
      }
      await this.checkRedeemable(brandId, fan, reward);

      const redemptionId = uuidv7();
      let codeId: string | null = null;
      if (reward.kind === 'coupon') {
        codeId = await this.redemptions.takeCode(brandId, reward.id);
        if (codeId === null) throw outOfStock();
      } else if (reward.stock !== null && !(await this.redemptions.takeStock(brandId, reward.id))) {
        throw outOfStock();
      }
      const points = BigInt(reward.costPoints);
      // Coupons and downloads are handed out at once; physical and custom rewards wait for staff.
      const status: RedemptionStatus =
        reward.kind === 'coupon' || reward.kind === 'download' ? 'fulfilled' : 'pending';
      const createdBy = auditActorLabel(actor);
      await this.redemptions.insert(brandId, {
        id: redemptionId,
        fanId: fan.id,
        rewardId: reward.id,
        points,
        status,
        codeId,
        shippingAddress: address,
        idempotencyKey,
        requestHash,
        createdBy,
      });
      if (codeId !== null) await this.redemptions.assignCode(brandId, codeId, redemptionId);
      await this.book(brandId, fan, 'redeem', -points, redemptionId, reward, createdBy);
      await this.audit.record(actor, meta, {
        brandId,
        action: 'redemption.created',
        targetType: 'redemption',
        targetId: redemptionId,
        targetLabel: reward.nameDe,
        changes: {
          fanId: { to: fan.id },
          rewardId: { to: reward.id },
          points: { to: Number(points) },
          status: { to: status },
          balance: { from: Number(fan.balance), to: Number(fan.balance - points) },
        },
      });
      return redemptionId;
    });
    return this.get(brandId, id);
  }

  async get(brandId: string, redemptionId: string): Promise<RedemptionRow> {
    const row = await this.redemptions.find(brandId, redemptionId);
    if (!row) throw new NotFound('Redemption');
    return row;
  }

  async list(
    brandId: string,
    filter: RedemptionFilter,
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<RedemptionRow>> {
    checkRange(filter);
    const after = decodeCursor(cursor, 1)?.[0];
    if (after !== undefined && (typeof after !== 'string' || !isUuid(after))) {
      throw new ValidationFailed([{ field: 'cursor', reason: 'is not a cursor this list handed out' }]);
    }
    const rows = await this.redemptions.list(brandId, filter, limit, after);
    return toPage(
      rows,
      limit,
      (row) => row,
      (row) => [row.id],
    );
  }

  /**
   * Every redemption the filter matches, newest first, read in chunks of EXPORT_CHUNK rows (never
   * the whole export at once), and the file name: brand slug and today's date.
   */
  async openExport(
    brandId: string,
    filter: RedemptionFilter,
  ): Promise<{ fileName: string; chunks: AsyncGenerator<RedemptionRow[]> }> {
    checkRange(filter);
    const slug = await this.redemptions.brandSlug(brandId);
    if (slug === null) throw new NotFound('Brand');
    const day = new Date().toISOString().slice(0, 10);
    return { fileName: `redemptions-${slug}-${day}.csv`, chunks: this.chunks(brandId, filter) };
  }

  private async *chunks(brandId: string, filter: RedemptionFilter): AsyncGenerator<RedemptionRow[]> {
    let after: string | undefined;
    for (;;) {
      const rows = await this.redemptions.list(brandId, filter, EXPORT_CHUNK, after);
      const chunk = rows.slice(0, EXPORT_CHUNK);
      if (chunk.length > 0) yield chunk;
      if (rows.length <= EXPORT_CHUNK) return;
      after = chunk[chunk.length - 1]!.id;
    }
  }

  /** Pending → fulfilled; anything else is a conflict. */
  async fulfil(
    brandId: string,
    redemptionId: string,
    actor: AuditActor,
    meta: RequestMeta | null,
  ): Promise<RedemptionRow> {
    await this.tx.run(async () => {
      const row = await this.redemptions.lock(brandId, redemptionId);
      if (!row) throw new NotFound('Redemption');
      if (row.status !== 'pending') throw notPending(row.status);
      await this.redemptions.markFulfilled(brandId, redemptionId);
      await this.audit.record(actor, meta, {
        brandId,
        action: 'redemption.fulfilled',
        targetType: 'redemption',
        targetId: redemptionId,
        changes: { status: { from: 'pending', to: 'fulfilled' } },
      });
    });
    return this.get(brandId, redemptionId);
  }

  /**
   * Cancels a pending or fulfilled redemption once: the points go back (a refund entry), a stocked
   * reward gets its item back, and a coupon code goes back to the pool only while the redemption
   * is pending (a fulfilled redemption's code has been shown, so it stays spent).
   */
  async cancel(
    brandId: string,
    redemptionId: string,
    reason: string,
    actor: AuditActor,
    meta: RequestMeta | null,
  ): Promise<RedemptionRow> {
    const why = reason.trim();
    await this.tx.run(async () => {
      const current = await this.redemptions.find(brandId, redemptionId);
      if (!current) throw new NotFound('Redemption');
      // The fan first (as everywhere), then the redemption: its points go back to the fan it
      // belongs to now (the survivor, when it was merged).
      const resolved = await this.fans.findResolved(brandId, current.fanId);
      if (!resolved) throw new NotFound('Fan');
      const fan = (await this.fans.lock(brandId, [resolved.id])).get(resolved.id);
      if (!fan || fan.mergedIntoId !== null) {
        throw new Conflict('merge_conflict', 'The fan was merged meanwhile; try again.');
      }
      const row = await this.redemptions.lock(brandId, redemptionId);
      if (!row) throw new NotFound('Redemption');
      if (row.status === 'cancelled') throw alreadyCancelled();
      const reward = await this.rewards.find(brandId, row.rewardId);
      if (!reward) throw new NotFound('Reward');
      await this.redemptions.markCancelled(brandId, redemptionId, why);
      const points = BigInt(row.points);
      await this.book(brandId, fan, 'refund', points, redemptionId, reward, auditActorLabel(actor));
      if (reward.kind !== 'coupon' && reward.stock !== null) {
        await this.redemptions.returnStock(brandId, reward.id);
      }
      const releasesCode = row.codeId !== null && row.status === 'pending';
      if (releasesCode && row.codeId !== null) {
        await this.redemptions.releaseCode(brandId, row.codeId, redemptionId);
      }
      await this.audit.record(actor, meta, {
        brandId,
        action: 'redemption.cancelled',
        targetType: 'redemption',
        targetId: redemptionId,
        targetLabel: reward.nameDe,
        changes: {
          status: { from: row.status, to: 'cancelled' },
          reason: { to: why },
          balance: { from: Number(fan.balance), to: Number(fan.balance + points) },
          ...(row.codeId !== null ? { codeReleased: { to: releasesCode } } : {}),
        },
      });
    });
    return this.get(brandId, redemptionId);
  }

  /** The checks in the order a fan would want to hear about them; each with its own code. */
  private async checkRedeemable(brandId: string, fan: LockedFan, reward: RewardEntity): Promise<void> {
    const ladder =
      reward.minTier === null ? [] : (await this.tiers.ladder(brandId)).tiers.map((tier) => tier.name);
    const redeemedInPeriod =
      reward.perFanLimit !== null && reward.perFanPeriod !== null
        ? await this.redemptions.countForLimit(
            brandId,
            [fan.id, ...(await this.fans.mergedInto(brandId, fan.id))],
            reward.id,
            reward.perFanPeriod,
          )
        : 0;
    // Stock is taken (or found missing) atomically afterwards.
    const refusal = refusalOf({ reward, fan, ladder, redeemedInPeriod, inStock: true, now: new Date() });
    if (refusal !== null) throw new Conflict(refusal.code, refusal.message);
  }

  /** A redeem (negative) or refund (positive) entry for the redemption, and the balance with it. */
  private async book(
    brandId: string,
    fan: LockedFan,
    kind: 'redeem' | 'refund',
    points: bigint,
    redemptionId: string,
    reward: RewardEntity,
    label: string,
  ): Promise<void> {
    const inserted = await this.ledger.insert(brandId, [
      {
        id: uuidv7(),
        fanId: fan.id,
        kind,
        points,
        causeKey: `${kind}:${redemptionId}`,
        eventId: null,
        campaignId: null,
        ruleId: null,
        ruleVersion: null,
        occurredAt: new Date(),
        reversesEntryId: null,
        reason: `${kind === 'redeem' ? 'Redeemed' : 'Refund for'} ${reward.nameDe}`,
        explanation: {
          redemptionId,
          rewardId: reward.id,
          rewardNameDe: reward.nameDe,
          rewardNameEn: reward.nameEn,
        },
        actorLabel: label,
      },
    ]);
    // The redemption row's lock makes this unreachable; the unique cause key makes it certain.
    if (inserted.size === 0) throw alreadyCancelled();
    await this.fans.apply(brandId, [
      {
        fanId: fan.id,
        balanceDelta: points,
        lifetimeDelta: 0n,
        firstSeenAt: fan.firstSeenAt,
        lastActiveAt: fan.lastActiveAt,
        tierName: fan.tierName,
        tierChanged: false,
      },
    ]);
  }
}

function outOfStock(): Conflict {
  return new Conflict('out_of_stock', 'The reward is out of stock.');
}

function alreadyCancelled(): Conflict {
  return new Conflict('already_cancelled', 'The redemption is cancelled already.');
}

function notPending(status: RedemptionStatus): Conflict {
  return status === 'cancelled'
    ? alreadyCancelled()
    : new Conflict('already_fulfilled', 'The redemption is fulfilled already.');
}

function checkRange(filter: RedemptionFilter): void {
  if (filter.from !== undefined && filter.to !== undefined && filter.to <= filter.from) {
    throw new ValidationFailed([{ field: 'to', reason: 'must be after from' }]);
  }
}
