import { type CampaignStatus } from './entities/campaign.entity';

/** Where each status may go. `ended` is final; a draft that never ran is deleted, not ended. */
const TRANSITIONS: Record<CampaignStatus, readonly CampaignStatus[]> = {
  draft: ['active', 'paused'],
  active: ['paused', 'ended'],
  paused: ['active', 'ended'],
  ended: [],
};

export function canTransition(from: CampaignStatus, to: CampaignStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

/**
 * The status a campaign reads as at `now`: an active or paused campaign whose `endsAt` has passed
 * is over, so it reads as `ended` without anyone writing that down. Drafts never ran and stay drafts.
 */
export function effectiveStatus(
  campaign: { status: CampaignStatus; endsAt: Date | null },
  now: Date,
): CampaignStatus {
  if (
    (campaign.status === 'active' || campaign.status === 'paused') &&
    campaign.endsAt !== null &&
    campaign.endsAt.getTime() <= now.getTime()
  ) {
    return 'ended';
  }
  return campaign.status;
}
