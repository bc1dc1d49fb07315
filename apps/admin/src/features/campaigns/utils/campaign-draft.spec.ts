import { describe, expect, it } from 'vitest';

import type { CampaignDto } from '@/lib/api/types';

import {
  fromCampaign,
  liveErrors,
  liveFindings,
  newCampaignDraft,
  nextStatuses,
  toCreateBody,
  toUpdateBody,
} from './campaign-draft';
import { emptyRule } from './rule-draft';

const campaign: CampaignDto = {
  id: '0190b3c4-0000-7000-8000-000000000001',
  name: 'SoMe Parade',
  description: '',
  status: 'active',
  startsAt: '2026-06-01T08:00:00.000Z',
  endsAt: null,
  budgetPoints: 1000,
  pointsIssued: 30,
  budgetLeft: 970,
  rules: [
    {
      id: '0190b3c4-0000-7000-8000-000000000002',
      version: 2,
      position: 0,
      definition: {
        name: 'Comment',
        trigger: { eventType: 'comment', channels: ['instagram'] },
        conditions: [{ property: 'hashtags', op: 'contains', value: 'SoMeParade' }],
        award: { kind: 'fixed', points: 10 },
        limits: [{ window: 'day', max: 3 }],
      },
      findings: [],
    },
  ],
  findings: [],
  createdAt: '2026-05-01T08:00:00.000Z',
  updatedAt: '2026-05-01T08:00:00.000Z',
};

describe('campaign drafts', () => {
  it('edit the schedule on the brand’s wall clock and send instants', () => {
    const draft = fromCampaign(campaign, 'Europe/Berlin');
    expect(draft.startsAt).toBe('2026-06-01T10:00');
    const body = toUpdateBody({ ...draft, endsAt: '2026-06-30T23:59' }, 'Europe/Berlin');
    expect(body.startsAt).toBe('2026-06-01T08:00:00.000Z');
    expect(body.endsAt).toBe('2026-06-30T21:59:00.000Z');
    expect(body.budgetPoints).toBe(1000);
  });

  it('keep the ids of saved rules so the API versions them instead of replacing them', () => {
    const body = toUpdateBody(fromCampaign(campaign, 'UTC'), 'UTC');
    expect(body.rules?.[0]?.id).toBe('0190b3c4-0000-7000-8000-000000000002');
    expect(body.rules?.[0]?.award).toEqual({ kind: 'fixed', points: 10 });
  });

  it('create drafts without a budget or an end', () => {
    const body = toCreateBody({ ...newCampaignDraft('UTC'), name: ' Summer ' }, 'UTC');
    expect(body).toMatchObject({
      name: 'Summer',
      status: 'draft',
      budgetPoints: null,
      endsAt: null,
      rules: [],
    });
  });

  it('name what is missing by the API’s field paths', () => {
    const errors = liveErrors({ ...newCampaignDraft('UTC'), rules: [emptyRule()] });
    expect(Object.keys(errors)).toEqual(
      expect.arrayContaining(['name', 'rules.0.name', 'rules.0.trigger.eventType', 'rules.0.award.points']),
    );
  });

  it('flag like-gating as a block while the rule is typed', () => {
    const rule = {
      ...emptyRule(),
      name: 'Page like',
      eventType: 'like',
      channels: ['facebook' as const],
      points: 5,
    };
    expect(liveFindings(rule).map((finding) => [finding.severity, finding.policy])).toContainEqual([
      'block',
      'meta-like-gating',
    ]);
  });

  it('offer only the status changes the API allows', () => {
    expect(nextStatuses(null)).toEqual(['draft', 'active', 'paused']);
    expect(nextStatuses('active')).toEqual(['active', 'paused', 'ended']);
    expect(nextStatuses('ended')).toEqual(['ended']);
  });
});
