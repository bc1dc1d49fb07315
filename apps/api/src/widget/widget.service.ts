import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan } from 'typeorm';

import { isUuid, type Locale, nextTier, type RuleDefinition, tierFor } from '@fanfare/shared';

import { type RequestMeta } from '../auth/actor';
import { NotFound, ValidationFailed } from '../common/errors/domain-error';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import { Transactions } from '../database/transactions';
import { type FanRow, FansRepository } from '../fans/fans.repository';
import { LedgerRepository } from '../ledger/ledger.repository';
import { refusalOf } from '../redemptions/redeem-rules';
import { type RedemptionRow, RedemptionsRepository } from '../redemptions/redemptions.repository';
import { RedemptionsService } from '../redemptions/redemptions.service';
import { RewardEntity } from '../rewards/entities/reward.entity';
import { RewardsRepository } from '../rewards/rewards.repository';
import { TiersService } from '../tiers/tiers.service';
import {
  type WidgetConfigDto,
  type WidgetHistoryPageDto,
  type WidgetMeDto,
  type WidgetRedemptionDto,
  type WidgetRewardDto,
  type WidgetWayToEarnDto,
} from './dto/widget.dto';
import { describeLedgerEntryForFan, describeRedeemRefusal, describeWayToEarn } from './texts';
import { type FanClaims, type WidgetBrand } from './widget-auth.service';

const MS_PER_DAY = 24 * 60 * 60 * 1000;
const MAX_REWARDS = 100;
const MAX_REDEMPTIONS = 50;

/** What the fan widget shows: the brand's public side, and the signed-in fan's own. */
@Injectable()
export class WidgetService {
  constructor(
    private readonly tx: Transactions,
    private readonly fans: FansRepository,
    private readonly tiers: TiersService,
    private readonly ledger: LedgerRepository,
    private readonly rewards: RewardsRepository,
    private readonly redemptionRows: RedemptionsRepository,
    private readonly redemptions: RedemptionsService,
  ) {}

  /** The brand's look, read with the brand itself when the request came in. */
  config(brand: WidgetBrand, locale: Locale): WidgetConfigDto {
    const texts = brand.texts[locale] ?? {};
    return {
      brand: { name: brand.name, locale: brand.locale },
      theme: brand.theme,
      texts: { title: texts.title ?? null, welcome: texts.welcome ?? null },
    };
  }

  /**
   * The fan behind a token: the identity (channel `web`, the customer id) names her; a customer seen
   * for the first time becomes a fan; merged fans resolve to the fan they were merged into.
   */
  async fanOf(brand: WidgetBrand, claims: FanClaims): Promise<FanRow> {
    const ids = await this.fans.resolveIdentities(brand.id, [
      {
        channel: 'web',
        externalId: claims.customerId,
        handle: null,
        displayName: claims.name,
        email: claims.email,
        seenAt: new Date(),
      },
    ]);
    const fanId = [...ids.values()][0];
    const fan = fanId === undefined ? null : await this.fans.findResolved(brand.id, fanId);
    if (!fan) throw new NotFound('Fan');
    return fan;
  }

  async me(brand: WidgetBrand, claims: FanClaims): Promise<WidgetMeDto> {
    const fan = await this.fanOf(brand, claims);
    const ladder = await this.tiers.ladder(brand.id);
    const basis =
      ladder.basis === 'lifetime'
        ? Number(fan.lifetimePoints)
        : Number(
            (
              await this.ledger.earnedSince(
                brand.id,
                await this.fanIds(brand.id, fan.id),
                new Date(Date.now() - 365 * MS_PER_DAY),
              )
            ).get(fan.id) ?? 0n,
          );
    const current = fan.tierName ?? tierFor(basis, ladder.tiers)?.name ?? null;
    const currentThreshold = ladder.tiers.find((tier) => tier.name === current)?.threshold ?? 0;
    const next = nextTier(basis, ladder.tiers);
    return {
      fan: { id: fan.id, displayName: fan.displayName },
      balance: Number(fan.balance),
      lifetimePoints: Number(fan.lifetimePoints),
      tierBasis: ladder.basis,
      tier: current === null ? null : { key: current, name: current },
      nextTier:
        next === null
          ? null
          : {
              key: next.tier.name,
              name: next.tier.name,
              threshold: next.tier.threshold,
              pointsToGo: next.pointsNeeded,
              progress: progress(basis, currentThreshold, next.tier.threshold),
            },
    };
  }

  async rewardsFor(brand: WidgetBrand, claims: FanClaims | null, locale: Locale): Promise<WidgetRewardDto[]> {
    const now = new Date();
    // Active rewards still (or not yet) available, cheapest first.
    const ordered = await this.tx.manager.find(RewardEntity, {
      where: [
        { brandId: brand.id, active: true, availableUntil: IsNull() },
        { brandId: brand.id, active: true, availableUntil: MoreThan(now) },
      ],
      order: { costPoints: 'ASC', position: 'ASC', id: 'ASC' },
      take: MAX_REWARDS,
    });
    const fan = claims === null ? null : await this.fanOf(brand, claims);
    const ladder = (await this.tiers.ladder(brand.id)).tiers.map((tier) => tier.name);
    const codes = await this.rewards.codeCounts(
      brand.id,
      ordered.filter((reward) => reward.kind === 'coupon').map((reward) => reward.id),
    );
    const redeemed =
      fan === null
        ? new Map<string, number>()
        : await this.redemptionRows.countsForLimits(
            brand.id,
            await this.fanIds(brand.id, fan.id),
            ordered.flatMap((reward) =>
              reward.perFanLimit !== null && reward.perFanPeriod !== null
                ? [{ rewardId: reward.id, period: reward.perFanPeriod }]
                : [],
            ),
          );
    return ordered.map((reward) => {
      const inStock =
        reward.kind === 'coupon'
          ? (codes.get(reward.id)?.available ?? 0) > 0
          : reward.stock === null || reward.stock > 0;
      const redeemedInPeriod = redeemed.get(reward.id) ?? 0;
      const refusal = refusalOf({
        reward,
        fan: fan === null ? null : { balance: BigInt(fan.balance), tierName: fan.tierName },
        ladder,
        redeemedInPeriod,
        inStock,
        now,
      });
      return {
        id: reward.id,
        name: locale === 'de' ? reward.nameDe : reward.nameEn,
        description: locale === 'de' ? reward.descriptionDe : reward.descriptionEn,
        imageUrl: reward.imageUrl,
        kind: reward.kind,
        costPoints: Number(reward.costPoints),
        minTier: reward.minTier === null ? null : { key: reward.minTier, name: reward.minTier },
        availableFrom: reward.availableFrom?.toISOString() ?? null,
        availableUntil: reward.availableUntil?.toISOString() ?? null,
        canRedeem: refusal === null,
        reason: refusal?.code ?? null,
        reasonText:
          refusal === null
            ? null
            : describeRedeemRefusal(refusal.code, locale, {
                ...(refusal.missingPoints !== undefined ? { missingPoints: refusal.missingPoints } : {}),
                ...(refusal.tierName !== undefined ? { tierName: refusal.tierName } : {}),
                ...(refusal.availableFrom !== undefined ? { availableFrom: refusal.availableFrom } : {}),
                timeZone: brand.timeZone,
              }),
      };
    });
  }

  async waysToEarn(brand: WidgetBrand, locale: Locale): Promise<WidgetWayToEarnDto[]> {
    const rows: Array<{ id: string; definition: RuleDefinition; campaign_name: string }> =
      await this.tx.manager.query(
        `SELECT r.id, r.definition, c.name AS campaign_name
         FROM reward_rule r JOIN campaign c ON c.brand_id = r.brand_id AND c.id = r.campaign_id
        WHERE r.brand_id = $1 AND r.deleted_at IS NULL AND c.status = 'active'
          AND c.starts_at <= now() AND (c.ends_at IS NULL OR now() < c.ends_at)
        ORDER BY c.starts_at, c.id, r.position`,
        [brand.id],
      );
    return rows.map((row) => ({
      ruleId: row.id,
      campaignName: row.campaign_name,
      text: describeWayToEarn(row.definition, locale, { campaignName: row.campaign_name }),
      points: row.definition.award.kind === 'fixed' ? row.definition.award.points : null,
    }));
  }

  async history(
    brand: WidgetBrand,
    claims: FanClaims,
    locale: Locale,
    limit: number,
    cursor: string | undefined,
  ): Promise<WidgetHistoryPageDto> {
    const after = decodeCursor(cursor, 1)?.[0];
    if (after !== undefined && (typeof after !== 'string' || !isUuid(after))) {
      throw new ValidationFailed([{ field: 'cursor', reason: 'is not a cursor this list handed out' }]);
    }
    const fan = await this.fanOf(brand, claims);
    const rows = await this.ledger.listForFan(brand.id, await this.fanIds(brand.id, fan.id), limit, after);
    const page = toPage(
      rows,
      limit,
      (row) => row,
      (row) => [row.id],
    );
    return {
      items: page.items.map((entry) => ({
        id: entry.id,
        createdAt: entry.createdAt.toISOString(),
        points: Number(entry.points),
        kind: entry.kind,
        text: describeLedgerEntryForFan(
          {
            kind: entry.kind,
            points: Number(entry.points),
            ruleName: entry.ruleName,
            campaignName: entry.campaignName,
            reason: entry.reason,
            explanation: withRewardName(entry.explanation, locale),
          },
          locale,
        ),
      })),
      nextCursor: page.nextCursor,
    };
  }

  async redemptionsOf(brand: WidgetBrand, claims: FanClaims, locale: Locale): Promise<WidgetRedemptionDto[]> {
    const fan = await this.fanOf(brand, claims);
    const rows = await this.redemptionRows.list(brand.id, { fanId: fan.id }, MAX_REDEMPTIONS);
    return rows.slice(0, MAX_REDEMPTIONS).map((row) => toWidgetRedemption(row, locale));
  }

  async redeem(
    brand: WidgetBrand,
    claims: FanClaims,
    input: { rewardId: string; shippingAddress?: unknown },
    idempotencyKey: string | undefined,
    locale: Locale,
    meta: RequestMeta,
  ): Promise<WidgetRedemptionDto> {
    const fan = await this.fanOf(brand, claims);
    const row = await this.redemptions.redeem(
      brand.id,
      fan.id,
      input.rewardId,
      input.shippingAddress !== undefined ? { shippingAddress: input.shippingAddress } : {},
      idempotencyKey,
      { type: 'system', label: 'widget' },
      meta,
    );
    return toWidgetRedemption(row, locale);
  }

  private async fanIds(brandId: string, fanId: string): Promise<string[]> {
    return [fanId, ...(await this.fans.mergedInto(brandId, fanId))];
  }
}

/** Redemption entries name their reward in both languages; the fan reads it in hers. */
function withRewardName(
  explanation: Record<string, unknown> | null,
  locale: Locale,
): Record<string, unknown> | null {
  const name = explanation?.[locale === 'de' ? 'rewardNameDe' : 'rewardNameEn'];
  return typeof name === 'string' ? { ...explanation, rewardName: name } : explanation;
}

function progress(points: number, from: number, to: number): number {
  if (to <= from) return 1;
  return Math.min(1, Math.max(0, Math.round(((points - from) / (to - from)) * 1000) / 1000));
}

function toWidgetRedemption(row: RedemptionRow, locale: Locale): WidgetRedemptionDto {
  // A cancelled redemption's code went back to the pool (or was revealed already): never shown again.
  const shows = row.status !== 'cancelled';
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    status: row.status,
    points: Number(row.points),
    reward: {
      id: row.rewardId,
      name: locale === 'de' ? row.rewardNameDe : row.rewardNameEn,
      kind: row.rewardKind,
    },
    code: shows ? row.code : null,
    downloadUrl: shows && row.rewardKind === 'download' ? row.rewardDownloadUrl : null,
  };
}
