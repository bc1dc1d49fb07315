import { Injectable } from '@nestjs/common';

import { isUuid, type PolicyFinding, policyFindings, type RuleDefinition, uuidv7 } from '@fanfare/shared';

import { type AuditActor, AuditService, diff } from '../audit/audit.service';
import { type RequestMeta } from '../auth/actor';
import { Conflict, type FieldError, NotFound, ValidationFailed } from '../common/errors/domain-error';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { Transactions } from '../database/transactions';
import { canTransition, effectiveStatus } from './campaign-status';
import { type ActiveRuleRow, CampaignsRepository } from './campaigns.repository';
import { type CreateCampaignDto } from './dto/create-campaign.dto';
import { type UpdateCampaignDto } from './dto/update-campaign.dto';
import { type CampaignEntity, type CampaignStatus } from './entities/campaign.entity';
import { type RewardRuleEntity } from './entities/reward-rule.entity';
import { readRules, type RuleInput, sameDefinition } from './rule-input';

/** A campaign as it reads now, with its rules and what platform policies say about each. */
export interface CampaignView {
  campaign: CampaignEntity;
  /** The status it reads as now (see campaign-status.ts). */
  status: CampaignStatus;
  rules: Array<{ rule: RewardRuleEntity; findings: PolicyFinding[] }>;
}

/** A rule the ingestion evaluates for an event. */
export interface ActiveRule {
  ruleId: string;
  version: number;
  campaignId: string;
  campaignStartsAt: Date;
  /** Null for an open end. */
  campaignEndsAt: Date | null;
  budgetPoints: bigint | null;
  definition: RuleDefinition;
}

/** Active rule rows (in evaluation order) by event type, budgets as bigints. */
export function groupActiveRules(rows: Iterable<ActiveRuleRow>): Map<string, ActiveRule[]> {
  const byType = new Map<string, ActiveRule[]>();
  for (const { eventType, ...row } of rows) {
    const rules = byType.get(eventType) ?? [];
    rules.push({ ...row, budgetPoints: row.budgetPoints === null ? null : BigInt(row.budgetPoints) });
    byType.set(eventType, rules);
  }
  return byType;
}

@Injectable()
export class CampaignsService {
  constructor(
    private readonly tx: Transactions,
    private readonly campaigns: CampaignsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(
    brandId: string,
    limit: number,
    cursor: string | undefined,
    status: CampaignStatus | undefined,
  ): Promise<Page<CampaignView>> {
    const after = decodeCursor(cursor, 1)?.[0];
    if (after !== undefined && (typeof after !== 'string' || !isUuid(after))) {
      throw new ValidationFailed([{ field: 'cursor', reason: 'is not a cursor this list handed out' }]);
    }
    const now = new Date();
    const rows = await this.campaigns.list(brandId, limit, {
      ...(after !== undefined ? { afterId: after } : {}),
      ...(status !== undefined ? { status } : {}),
      now,
    });
    const page = toPage(
      rows,
      limit,
      (row) => row,
      (row) => [row.id],
    );
    const rules = await this.campaigns.rulesOf(
      brandId,
      page.items.map((campaign) => campaign.id),
    );
    return {
      items: page.items.map((campaign) =>
        view(
          campaign,
          rules.filter((rule) => rule.campaignId === campaign.id),
          now,
        ),
      ),
      nextCursor: page.nextCursor,
    };
  }

  async get(brandId: string, campaignId: string): Promise<CampaignView> {
    const campaign = await this.campaigns.find(brandId, campaignId);
    if (!campaign) throw new NotFound('Campaign');
    return view(campaign, await this.campaigns.rulesOf(brandId, [campaignId]), new Date());
  }

  async create(
    brandId: string,
    input: CreateCampaignDto,
    actor: AuditActor,
    meta: RequestMeta | null,
  ): Promise<CampaignView> {
    const now = new Date();
    const startsAt = new Date(input.startsAt);
    const endsAt = input.endsAt === undefined || input.endsAt === null ? null : new Date(input.endsAt);
    const status = input.status ?? 'draft';
    const { errors, rules } = readRules(input.rules ?? [], { idsAllowed: false });
    errors.push(...scheduleErrors(startsAt, endsAt));
    if (errors.length > 0) throw new ValidationFailed(errors);

    if (effectiveStatus({ status, endsAt }, now) === 'ended') {
      throw endsInThePast(status);
    }
    if (status === 'active') {
      assertNoBlocks(rules.map((rule) => rule.definition));
    }

    return this.tx.run(async () => {
      const campaign = await this.campaigns.insert({
        brandId,
        id: uuidv7(),
        name: input.name.trim(),
        description: input.description ?? '',
        status,
        startsAt,
        endsAt,
        budgetPoints:
          input.budgetPoints === undefined || input.budgetPoints === null ? null : String(input.budgetPoints),
      });
      for (const [position, rule] of rules.entries()) {
        await this.campaigns.insertRule({
          brandId,
          id: uuidv7(),
          campaignId: campaign.id,
          version: 1,
          position,
          eventType: rule.definition.trigger.eventType,
          definition: rule.definition,
        });
      }
      const stored = await this.campaigns.rulesOf(brandId, [campaign.id]);
      await this.audit.record(actor, meta, {
        brandId,
        action: 'campaign.created',
        targetType: 'campaign',
        targetId: campaign.id,
        targetLabel: campaign.name,
        changes: diff({}, { ...auditFields(campaign), rules: ruleVersions(stored) }),
      });
      return view(campaign, stored, now);
    });
  }

  /**
   * Changes a campaign. With `rules`, the list replaces the campaign's rules: an item with a rule's
   * id changes that rule (a new version when its definition differs), items without an id are new
   * rules, and rules left out are soft-deleted. Ledger entries keep the rule and version that
   * booked them, so nothing already booked changes.
   */
  async update(
    brandId: string,
    campaignId: string,
    input: UpdateCampaignDto,
    actor: AuditActor,
    meta: RequestMeta | null,
  ): Promise<CampaignView> {
    const { errors, rules } =
      input.rules === undefined
        ? { errors: [] as FieldError[], rules: undefined }
        : readRules(input.rules, { idsAllowed: true });
    return this.tx.run(async () => {
      const now = new Date();
      const before = await this.campaigns.lock(brandId, campaignId);
      if (!before) throw new NotFound('Campaign');
      const existing = await this.campaigns.rulesOf(brandId, [campaignId]);

      const next = {
        name: input.name?.trim() ?? before.name,
        description: input.description ?? before.description,
        status: input.status ?? before.status,
        startsAt: input.startsAt === undefined ? before.startsAt : new Date(input.startsAt),
        endsAt:
          input.endsAt === undefined ? before.endsAt : input.endsAt === null ? null : new Date(input.endsAt),
        budgetPoints:
          input.budgetPoints === undefined
            ? before.budgetPoints
            : input.budgetPoints === null
              ? null
              : String(input.budgetPoints),
      };
      // Item indexes only line up with `rules` when every item was valid.
      if (rules && errors.length === 0) errors.push(...unknownRuleIds(rules, existing));
      if (input.startsAt !== undefined || input.endsAt !== undefined) {
        errors.push(...scheduleErrors(next.startsAt, next.endsAt));
      }
      if (errors.length > 0) throw new ValidationFailed(errors);

      const statusBefore = effectiveStatus(before, now);
      const statusAfter = effectiveStatus(next, now);
      if (input.status !== undefined && !canTransition(statusBefore, input.status)) {
        throw invalidTransition(statusBefore, input.status);
      }
      if (!canTransition(statusBefore, statusAfter)) {
        // Only the schedule can make it read as ended here: its endsAt has passed.
        throw statusAfter === 'ended'
          ? endsInThePast(next.status)
          : invalidTransition(statusBefore, statusAfter);
      }
      if (next.status === 'active' && (before.status !== 'active' || rules !== undefined)) {
        assertNoBlocks((rules ?? existing).map((rule) => rule.definition));
      }
      if (next.budgetPoints !== null && BigInt(next.budgetPoints) < BigInt(before.pointsIssued)) {
        throw new Conflict(
          'budget_below_issued',
          `The campaign has issued ${before.pointsIssued} points already; the budget cannot be lower.`,
          [
            {
              field: 'budgetPoints',
              reason: `must be at least the ${before.pointsIssued} points already issued`,
            },
          ],
        );
      }

      const changes = diff(auditFields(before), auditFields(next));
      let stored = existing;
      if (rules) {
        await this.replaceRules(brandId, campaignId, existing, rules);
        stored = await this.campaigns.rulesOf(brandId, [campaignId]);
        const versionsBefore = ruleVersions(existing);
        const versionsAfter = ruleVersions(stored);
        if (JSON.stringify(versionsBefore) !== JSON.stringify(versionsAfter)) {
          changes.rules = { from: versionsBefore, to: versionsAfter };
        }
      }
      if (Object.keys(changes).length === 0) {
        return view(before, stored, now);
      }
      const after = await this.campaigns.update(brandId, campaignId, {
        name: next.name,
        description: next.description,
        status: next.status,
        startsAt: next.startsAt,
        endsAt: next.endsAt,
        budgetPoints: next.budgetPoints,
      });
      await this.audit.record(actor, meta, {
        brandId,
        action: 'campaign.updated',
        targetType: 'campaign',
        targetId: campaignId,
        targetLabel: after.name,
        changes,
      });
      return view(after, stored, now);
    });
  }

  /** Only a campaign that never booked points can go; one that did is ended instead. */
  async delete(
    brandId: string,
    campaignId: string,
    actor: AuditActor,
    meta: RequestMeta | null,
  ): Promise<void> {
    await this.tx.run(async () => {
      const campaign = await this.campaigns.lock(brandId, campaignId);
      if (!campaign) throw new NotFound('Campaign');
      if (campaign.pointsIssued !== '0' || (await this.campaigns.hasLedgerEntries(brandId, campaignId))) {
        throw new Conflict(
          'campaign_has_awards',
          'The campaign has booked points, which keep pointing at it: end it instead of deleting it.',
        );
      }
      await this.campaigns.delete(brandId, campaignId);
      await this.audit.record(actor, meta, {
        brandId,
        action: 'campaign.deleted',
        targetType: 'campaign',
        targetId: campaignId,
        targetLabel: campaign.name,
        changes: { name: { from: campaign.name }, status: { from: campaign.status } },
      });
    });
  }

  /**
   * The rules an event of `eventType` at `at` is evaluated against: those of campaigns that are
   * active, have started at `at` and not ended by it, current versions only.
   */
  async activeRulesFor(brandId: string, eventType: string, at: Date): Promise<ActiveRule[]> {
    return (await this.activeRulesByType(brandId, [eventType], at)).get(eventType) ?? [];
  }

  /** The active rules for each of `eventTypes`, in evaluation order, read at once. */
  async activeRulesByType(
    brandId: string,
    eventTypes: string[],
    at: Date,
  ): Promise<Map<string, ActiveRule[]>> {
    return groupActiveRules(await this.campaigns.activeRules(brandId, eventTypes, at));
  }

  private async replaceRules(
    brandId: string,
    campaignId: string,
    existing: readonly RewardRuleEntity[],
    rules: readonly RuleInput[],
  ): Promise<void> {
    const byId = new Map(existing.map((rule) => [rule.id, rule]));
    const kept = new Set<string>();
    for (const [position, input] of rules.entries()) {
      const current = input.id === undefined ? undefined : byId.get(input.id);
      if (!current) {
        await this.campaigns.insertRule({
          brandId,
          id: uuidv7(),
          campaignId,
          version: 1,
          position,
          eventType: input.definition.trigger.eventType,
          definition: input.definition,
        });
        continue;
      }
      kept.add(current.id);
      if (!sameDefinition(current.definition, input.definition)) {
        await this.campaigns.updateRuleDefinition({
          brandId,
          id: current.id,
          version: current.version + 1,
          position,
          eventType: input.definition.trigger.eventType,
          definition: input.definition,
        });
      } else if (current.position !== position) {
        await this.campaigns.moveRule(brandId, current.id, position);
      }
    }
    await this.campaigns.softDeleteRules(
      brandId,
      existing.filter((rule) => !kept.has(rule.id)).map((rule) => rule.id),
    );
  }
}

function view(campaign: CampaignEntity, rules: readonly RewardRuleEntity[], now: Date): CampaignView {
  return {
    campaign,
    status: effectiveStatus(campaign, now),
    rules: [...rules]
      .sort((a, b) => a.position - b.position)
      .map((rule) => ({ rule, findings: policyFindings(rule.definition) })),
  };
}

function scheduleErrors(startsAt: Date, endsAt: Date | null): FieldError[] {
  if (endsAt !== null && endsAt.getTime() <= startsAt.getTime()) {
    return [{ field: 'endsAt', reason: 'must be after startsAt' }];
  }
  return [];
}

function invalidTransition(from: CampaignStatus, to: CampaignStatus): Conflict {
  return new Conflict(
    'invalid_transition',
    from === 'ended'
      ? 'The campaign has ended, and an ended campaign stays ended.'
      : `The campaign is ${from} and cannot become ${to}.`,
    [{ field: 'status', reason: `cannot change from ${from} to ${to}` }],
  );
}

function endsInThePast(status: CampaignStatus): Conflict {
  return new Conflict(
    'invalid_transition',
    `endsAt has passed: a ${status} campaign would read as ended at once. Move endsAt, or keep it a draft.`,
    [{ field: 'endsAt', reason: `has passed, so the campaign cannot be ${status}` }],
  );
}

/** A campaign cannot be active while one of its rules rewards what a platform forbids. */
function assertNoBlocks(definitions: readonly RuleDefinition[]): void {
  const errors = definitions.flatMap((definition, index) =>
    policyFindings(definition)
      .filter((finding) => finding.severity === 'block')
      .map((finding) => ({ field: `rules.${index}`, reason: finding.message })),
  );
  if (errors.length > 0) {
    throw new Conflict(
      'policy_blocked',
      'A rule rewards what a platform forbids, so the campaign cannot be active. Change the rule, or keep the campaign a draft or paused.',
      errors,
    );
  }
}

function unknownRuleIds(rules: readonly RuleInput[], existing: readonly RewardRuleEntity[]): FieldError[] {
  const ids = new Set(existing.map((rule) => rule.id));
  return rules.flatMap((rule, index) =>
    rule.id !== undefined && !ids.has(rule.id)
      ? [{ field: `rules.${index}.id`, reason: "must be the id of one of the campaign's rules" }]
      : [],
  );
}

/** The top-level fields as the audit log shows them. */
function auditFields(
  campaign: Pick<CampaignEntity, 'name' | 'description' | 'status' | 'startsAt' | 'endsAt' | 'budgetPoints'>,
): Record<string, string | number | null> {
  return {
    name: campaign.name,
    description: campaign.description,
    status: campaign.status,
    startsAt: campaign.startsAt.toISOString(),
    endsAt: campaign.endsAt?.toISOString() ?? null,
    budgetPoints: campaign.budgetPoints === null ? null : Number(campaign.budgetPoints),
  };
}

function ruleVersions(rules: readonly RewardRuleEntity[]): Array<{ id: string; version: number }> {
  return [...rules]
    .sort((a, b) => a.position - b.position)
    .map((rule) => ({ id: rule.id, version: rule.version }));
}
