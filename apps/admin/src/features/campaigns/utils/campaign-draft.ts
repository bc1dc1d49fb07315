// The campaign form's working copy, and the bodies it becomes. Schedules are edited on the brand's
// wall clock (see lib/zoned-time).
import { policyFindings, validateRule } from '@fanfare/shared';

import type {
  CampaignDto,
  CampaignStatus,
  CreateCampaignDto,
  PolicyFindingDto,
  UpdateCampaignDto,
} from '@/lib/api/types';
import { fromZonedInput, toZonedInput } from '@/lib/zoned-time';

import {
  type NumberDraft,
  type RuleDraft,
  fromRuleDefinition,
  toNumber,
  toRuleDefinition,
  toRuleInput,
} from './rule-draft';

export interface CampaignDraft {
  name: string;
  description: string;
  startsAt: string;
  endsAt: string;
  status: CampaignStatus;
  budgetPoints: NumberDraft;
  rules: RuleDraft[];
}

export function newCampaignDraft(timeZone: string, now: Date = new Date()): CampaignDraft {
  return {
    name: '',
    description: '',
    startsAt: toZonedInput(now, timeZone),
    endsAt: '',
    status: 'draft',
    budgetPoints: '',
    rules: [],
  };
}

export function fromCampaign(campaign: CampaignDto, timeZone: string): CampaignDraft {
  return {
    name: campaign.name,
    description: campaign.description,
    startsAt: toZonedInput(campaign.startsAt, timeZone),
    endsAt: toZonedInput(campaign.endsAt, timeZone),
    status: campaign.status,
    budgetPoints: campaign.budgetPoints ?? '',
    rules: campaign.rules.map((rule) => fromRuleDefinition(rule.definition, rule.id)),
  };
}

function schedule(draft: CampaignDraft, timeZone: string) {
  return {
    // An unreadable start goes out as typed, so the API names the field.
    startsAt: fromZonedInput(draft.startsAt, timeZone) ?? draft.startsAt,
    endsAt: draft.endsAt.trim() === '' ? null : (fromZonedInput(draft.endsAt, timeZone) ?? draft.endsAt),
  };
}

export function toCreateBody(draft: CampaignDraft, timeZone: string): CreateCampaignDto {
  return {
    name: draft.name.trim(),
    description: draft.description,
    ...schedule(draft, timeZone),
    // Creating an ended campaign makes no sense; the status select does not offer it.
    status: draft.status === 'ended' ? 'draft' : draft.status,
    budgetPoints: toNumber(draft.budgetPoints) ?? null,
    rules: draft.rules.map(toRuleDefinition),
  };
}

export function toUpdateBody(draft: CampaignDraft, timeZone: string): UpdateCampaignDto {
  return {
    name: draft.name.trim(),
    description: draft.description,
    ...schedule(draft, timeZone),
    status: draft.status,
    budgetPoints: toNumber(draft.budgetPoints) ?? null,
    rules: draft.rules.map(toRuleInput),
  };
}

/** Field path → reason, as the validator found it; the same paths the API uses (`rules.0.name`). */
export function liveErrors(draft: CampaignDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.name.trim() === '') {
    errors['name'] = 'is required';
  }
  if (draft.startsAt.trim() === '') {
    errors['startsAt'] = 'is required';
  }
  draft.rules.forEach((rule, index) => {
    for (const { field, reason } of validateRule(toRuleDefinition(rule), `rules.${index}`)) {
      errors[field] = errors[field] ? `${errors[field]}; ${reason}` : reason;
    }
  });
  return errors;
}

export function liveFindings(rule: RuleDraft): PolicyFindingDto[] {
  return policyFindings(toRuleDefinition(rule) as Parameters<typeof policyFindings>[0]).map((finding) => ({
    ...finding,
    field: finding.field ?? null,
  }));
}

/** The statuses a campaign can take next (the API checks the same and answers 409 otherwise). */
export function nextStatuses(saved: CampaignStatus | null): CampaignStatus[] {
  switch (saved) {
    case null:
      return ['draft', 'active', 'paused'];
    case 'draft':
      return ['draft', 'active', 'paused'];
    case 'active':
      return ['active', 'paused', 'ended'];
    case 'paused':
      return ['paused', 'active', 'ended'];
    case 'ended':
      return ['ended'];
  }
}
