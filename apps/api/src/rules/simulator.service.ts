import { Injectable } from '@nestjs/common';

import { computeAward, describeCondition, matchRule, tierFor, windowEnd, windowStart } from '@fanfare/shared';

import { BrandsRepository } from '../brands/brands.repository';
import { CampaignsService } from '../campaigns/campaigns.service';
import { NotFound, ValidationFailed } from '../common/errors/domain-error';
import { Transactions } from '../database/transactions';
import { FansRepository } from '../fans/fans.repository';
import { LedgerRepository } from '../ledger/ledger.repository';
import { TiersService } from '../tiers/tiers.service';
import { parseEvent } from '../events/event-input';

export interface SimulatedCondition {
  condition: string;
  passed: boolean;
  actual: unknown;
}

export interface SimulatedLimit {
  window: string;
  max: number;
  used: number;
  reached: boolean;
  resetsAt: string | null;
}

export interface SimulatedRule {
  ruleId: string;
  ruleName: string;
  version: number;
  campaignId: string;
  matched: boolean;
  wouldAward: boolean;
  points: number;
  explanation: string;
  conditions: SimulatedCondition[];
  limits: SimulatedLimit[];
  budgetLeft: number | null;
}

export interface Simulation {
  fanId: string | null;
  tier: string | null;
  multiplier: number;
  points: number;
  rules: SimulatedRule[];
}

/**
 * What an event would earn now, and why — the same evaluation as ingestion, reading only: it
 * creates no fan, takes no lock and books nothing.
 */
@Injectable()
export class SimulatorService {
  constructor(
    private readonly tx: Transactions,
    private readonly brands: BrandsRepository,
    private readonly campaigns: CampaignsService,
    private readonly tiers: TiersService,
    private readonly fans: FansRepository,
    private readonly ledger: LedgerRepository,
  ) {}

  async simulate(brandId: string, input: { event: unknown; fanId?: string }): Promise<Simulation> {
    const now = new Date();
    const raw =
      typeof input.event === 'object' && input.event !== null
        ? { id: 'simulation', ...input.event }
        : input.event;
    const parsed = parseEvent(raw, 0, now, 'event.');
    if (parsed.kind === 'rejected') throw new ValidationFailed(parsed.errors, 'The event is not valid.');
    if (parsed.kind === 'retract') {
      throw new ValidationFailed([
        { field: 'event.type', reason: 'simulate an engagement event, not a retraction' },
      ]);
    }
    const event = parsed;
    return this.tx.run(async () => {
      const brand = await this.brands.findById(brandId);
      if (!brand) throw new NotFound('Brand');
      let fanId: string | null = null;
      if (input.fanId !== undefined) {
        const fan = await this.fans.findResolved(brandId, input.fanId);
        if (!fan) throw new NotFound('Fan');
        fanId = fan.id;
      } else if (event.fan) {
        fanId = await this.fans.findFanOfIdentity(brandId, event.channel, event.fan.externalId);
      }
      const fan = fanId ? await this.fans.findResolved(brandId, fanId) : null;
      const ladder = await this.tiers.ladder(brandId);
      const tier = fan?.tierName
        ? (ladder.tiers.find((t) => t.name === fan.tierName) ?? null)
        : (tierFor(0, ladder.tiers) ?? null);
      const multiplier = tier?.multiplier ?? 1;
      const rules = await this.campaigns.activeRulesFor(brandId, event.type, now);
      const budgets = await this.ledger.lockBudgets(
        brandId,
        rules.filter((rule) => rule.budgetPoints !== null).map((rule) => rule.campaignId),
        false,
      );
      const facts = {
        type: event.type,
        channel: event.channel,
        occurredAt: event.occurredAt,
        properties: event.properties,
      };
      const results: SimulatedRule[] = [];
      for (const rule of rules) {
        const match = matchRule(rule.definition, facts);
        const conditions = match.conditions.map((result) => ({
          condition: describeCondition(result.condition),
          passed: result.passed,
          actual: result.actual,
        }));
        const inSchedule =
          event.occurredAt >= rule.campaignStartsAt &&
          (!rule.campaignEndsAt || event.occurredAt < rule.campaignEndsAt);
        const limits: SimulatedLimit[] = [];
        if (fanId) {
          const queries = rule.definition.limits.map((limit) => ({
            fanId: fanId,
            ruleId: rule.ruleId,
            start: windowStart(limit.window, event.occurredAt, brand.timeZone, rule.campaignStartsAt),
            end: windowEnd(limit.window, event.occurredAt, brand.timeZone),
          }));
          const counts = await this.ledger.countAwards(brandId, queries);
          rule.definition.limits.forEach((limit, i) => {
            const used = counts[i] ?? 0;
            limits.push({
              window: limit.window,
              max: limit.max,
              used,
              reached: used >= limit.max,
              resetsAt: queries[i]?.end?.toISOString() ?? null,
            });
          });
        } else {
          for (const limit of rule.definition.limits) {
            limits.push({ window: limit.window, max: limit.max, used: 0, reached: false, resetsAt: null });
          }
        }
        const budget = budgets.get(rule.campaignId);
        const budgetLeft = budget ? Number(budget.budget - budget.issued) : null;
        const award = computeAward(rule.definition.award, event.properties, multiplier);
        let explanation: string;
        let wouldAward = false;
        if (!match.matched) explanation = match.detail;
        else if (!inSchedule) explanation = 'The event lies outside the campaign’s schedule.';
        else if (!fanId && !event.fan)
          explanation = 'The event names no fan: unattributed events earn nothing.';
        else if (limits.some((limit) => limit.reached)) {
          const reached = limits.find((limit) => limit.reached)!;
          explanation = `The fan reached the limit of ${reached.max} per ${reached.window}.`;
        } else if (award.points <= 0) explanation = award.detail;
        else if (budgetLeft !== null && award.points > budgetLeft)
          explanation = `The campaign budget has ${budgetLeft} points left.`;
        else {
          wouldAward = true;
          explanation = award.detail;
        }
        results.push({
          ruleId: rule.ruleId,
          ruleName: rule.definition.name,
          version: rule.version,
          campaignId: rule.campaignId,
          matched: match.matched,
          wouldAward,
          points: wouldAward ? award.points : 0,
          explanation,
          conditions,
          limits,
          budgetLeft,
        });
      }
      return {
        fanId,
        tier: tier?.name ?? null,
        multiplier,
        points: results.reduce((sum, rule) => sum + rule.points, 0),
        rules: results,
      };
    });
  }
}
