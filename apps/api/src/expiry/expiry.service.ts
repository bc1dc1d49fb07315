import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';

import { expiryCutoff, tierFor, timeZoneOffsetMs, uuidv7 } from '@fanfare/shared';

import { Transactions } from '../database/transactions';
import { FansRepository } from '../fans/fans.repository';
import { Jobs } from '../jobs/jobs.service';
import { LedgerRepository, type NewLedgerEntry } from '../ledger/ledger.repository';
import { type TierLadder, TiersService } from '../tiers/tiers.service';
import { type BrandUpkeep, type ExpiryFigures, ExpiryRepository } from './expiry.repository';

export const UPKEEP_QUEUE = 'points-upkeep';
export const BRAND_UPKEEP_QUEUE = 'points-upkeep-brand';
const CHUNK = 500;
const MS_PER_DAY = 86_400_000;

export interface UpkeepSummary {
  brandId: string;
  /** Start of the local day before which earned points have expired; null without expiry. */
  cutoff: Date | null;
  fansChecked: number;
  fansExpired: number;
  pointsExpired: number;
  tierChanges: number;
}

/**
 * The daily upkeep of points: expiry after N days, first in first out, and the review of tiers
 * counted on the last 12 months. An hourly job queues each brand's run just after midnight in the
 * brand's zone; the run goes through the fans in chunks, each chunk one transaction under the
 * fans' locks. Running it again changes nothing: each expiry has its cause key.
 */
@Injectable()
export class ExpiryService implements OnModuleInit {
  private readonly logger = new Logger('PointsUpkeep');

  constructor(
    private readonly tx: Transactions,
    private readonly jobs: Jobs,
    private readonly upkeep: ExpiryRepository,
    private readonly fans: FansRepository,
    private readonly ledger: LedgerRepository,
    private readonly tiers: TiersService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      queue: UPKEEP_QUEUE,
      cron: '5 * * * *',
      handle: async () => void (await this.queueDue(new Date())),
    });
    this.jobs.register<{ brandId: string }>({
      queue: BRAND_UPKEEP_QUEUE,
      handle: async ({ brandId }) => {
        const summary = await this.runBrand(brandId, new Date());
        this.logger.log(
          `brand ${brandId}: ${summary.pointsExpired} points of ${summary.fansExpired} fans expired, ` +
            `${summary.tierChanges} tier changes, ${summary.fansChecked} fans checked`,
        );
      },
    });
  }

  /** Queues the run of every brand where the day has just begun (local hour 0). Returns their ids. */
  async queueDue(now: Date): Promise<string[]> {
    const due = (await this.upkeep.brandsNeedingUpkeep()).filter(
      (brand) => new Date(now.getTime() + timeZoneOffsetMs(now, brand.timeZone)).getUTCHours() === 0,
    );
    for (const brand of due) {
      await this.jobs.send(BRAND_UPKEEP_QUEUE, { brandId: brand.id }, { singletonKey: brand.id });
    }
    return due.map((brand) => brand.id);
  }

  /** One brand's upkeep as of `now`. */
  async runBrand(brandId: string, now: Date): Promise<UpkeepSummary> {
    const brand = await this.upkeep.brand(brandId);
    const summary: UpkeepSummary = {
      brandId,
      cutoff: null,
      fansChecked: 0,
      fansExpired: 0,
      pointsExpired: 0,
      tierChanges: 0,
    };
    if (!brand) return summary;
    const expiry =
      brand.pointsExpiryDays === null ? null : expiryCutoff(now, brand.pointsExpiryDays, brand.timeZone);
    summary.cutoff = expiry?.cutoff ?? null;
    const ladder = await this.tiers.ladder(brandId);
    let after: string | null = null;
    for (;;) {
      const fanIds = await this.upkeep.nextFans(brandId, after, CHUNK);
      if (fanIds.length === 0) break;
      after = fanIds[fanIds.length - 1]!;
      await this.tx.run(() => this.runChunk(brand, ladder, fanIds, now, expiry, summary));
      summary.fansChecked += fanIds.length;
    }
    return summary;
  }

  private async runChunk(
    brand: BrandUpkeep,
    ladder: TierLadder,
    fanIds: string[],
    now: Date,
    expiry: { cutoff: Date; date: string } | null,
    summary: UpkeepSummary,
  ): Promise<void> {
    const locked = await this.fans.lock(brand.id, fanIds);
    const live = [...locked.values()].filter((fan) => fan.mergedIntoId === null);
    const ids = live.map((fan) => fan.id);
    const figures = expiry
      ? await this.upkeep.figures(brand.id, ids, expiry.cutoff)
      : new Map<string, ExpiryFigures>();
    const rolling =
      ladder.basis === 'rolling_12_months' && ladder.tiers.length > 0
        ? await this.ledger.earnedSince(brand.id, ids, new Date(now.getTime() - 365 * MS_PER_DAY))
        : null;

    const entries: NewLedgerEntry[] = [];
    const due = new Map<string, bigint>();
    for (const fan of live) {
      const figure = figures.get(fan.id);
      if (!expiry || !figure) continue;
      let amount = figure.expiredLots - figure.debits;
      if (amount > fan.balance) amount = fan.balance;
      if (amount <= 0n) continue;
      due.set(fan.id, amount);
      entries.push({
        id: uuidv7(),
        fanId: fan.id,
        kind: 'expire',
        points: -amount,
        // The same figures give the same key: a second run of the day books nothing again.
        causeKey: `expire:${fan.id}:${expiry.date}:${figure.expiredLots}`,
        eventId: null,
        campaignId: null,
        ruleId: null,
        ruleVersion: null,
        occurredAt: now,
        reversesEntryId: null,
        reason: `${amount} points earned before ${expiry.date} expired (after ${brand.pointsExpiryDays} days, oldest first)`,
        explanation: {
          expiry: { days: brand.pointsExpiryDays, earnedBefore: expiry.cutoff.toISOString() },
          expiredLots: figure.expiredLots.toString(),
          alreadyUsed: figure.debits.toString(),
        },
        actorLabel: null,
      });
    }
    const inserted = await this.ledger.insert(brand.id, entries);
    const booked = new Map(
      entries.filter((entry) => inserted.has(entry.id)).map((entry) => [entry.fanId, -entry.points]),
    );

    const changes = [];
    const tierChanges = [];
    for (const fan of live) {
      const expired = booked.get(fan.id) ?? 0n;
      const tierName = rolling
        ? (tierFor(Number(rolling.get(fan.id) ?? 0n), ladder.tiers)?.name ?? null)
        : fan.tierName;
      const tierChanged = tierName !== fan.tierName;
      if (expired === 0n && !tierChanged) continue;
      changes.push({
        fanId: fan.id,
        balanceDelta: -expired,
        lifetimeDelta: 0n,
        firstSeenAt: fan.firstSeenAt,
        lastActiveAt: fan.lastActiveAt,
        tierName,
        tierChanged,
      });
      if (tierChanged) {
        tierChanges.push({ fanId: fan.id, fromTier: fan.tierName, toTier: tierName, cause: 'upkeep' });
      }
      if (expired > 0n) {
        summary.fansExpired += 1;
        summary.pointsExpired += Number(expired);
      }
    }
    await this.fans.apply(brand.id, changes);
    await this.fans.recordTierChanges(brand.id, tierChanges);
    summary.tierChanges += tierChanges.length;
  }
}
