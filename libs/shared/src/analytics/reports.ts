import { type BuiltInEventType, type Channel, EVENT_TYPES } from '../engine/events';

/**
 * The reports contract shared by the API and the admin: definitions, limits and answer shapes of
 * the active-fan analytics. Dates are calendar days (`YYYY-MM-DD`) in the brand's time zone.
 */

export const REPORT_GRANULARITIES = ['day', 'week', 'month'] as const;
export type ReportGranularity = (typeof REPORT_GRANULARITIES)[number];

/** The longest range a report may cover, in days (three years, a leap day included). */
export const MAX_REPORT_RANGE_DAYS = 3 * 365 + 1;

export const DEFAULT_ACTIVE_WINDOW_DAYS = 30;
export const MIN_ACTIVE_WINDOW_DAYS = 1;
export const MAX_ACTIVE_WINDOW_DAYS = 365;

/** Stands for every `custom:<name>` type in a brand's list of engagement types. */
export const CUSTOM_ENGAGEMENT_TYPE = 'custom';
export type EngagementType = BuiltInEventType | typeof CUSTOM_ENGAGEMENT_TYPE;
export const ENGAGEMENT_TYPES: readonly EngagementType[] = [...EVENT_TYPES, CUSTOM_ENGAGEMENT_TYPE];
/** By default every interaction counts as engagement except signing up and watching a video. */
export const DEFAULT_ENGAGEMENT_TYPES: readonly EngagementType[] = ENGAGEMENT_TYPES.filter(
  (type) => type !== 'signup' && type !== 'video_view',
);

/** Settings → Analytics. `state` is `recalculating` while reports are rebuilt after a change. */
export interface AnalyticsSettings {
  activeWindowDays: number;
  engagementTypes: EngagementType[];
  timeZone: string;
  state: 'current' | 'recalculating';
  /** When the reports were last rebuilt from scratch (after a change of these settings or the time zone). */
  rebuiltAt: string | null;
}

export interface ActiveFansPoint {
  /** The period's first day (a Monday for weeks, the 1st for months; clipped to the range). */
  period: string;
  /** The period's last day within the range: the day the values are taken on. */
  periodEnd: string;
  activeFans: number;
  totalFans: number;
  /** activeFans / totalFans, or null when there are no fans yet. */
  ratio: number | null;
  /** Fans first seen within the period. */
  newFans: number;
  /** Fans with counted activity within the period who were first seen before it. */
  returningFans: number;
}

export interface ActiveFansReport {
  from: string;
  to: string;
  granularity: ReportGranularity;
  windowDays: number;
  timeZone: string;
  channel: Channel | null;
  campaignId: string | null;
  points: ActiveFansPoint[];
}

export interface OverviewKpis {
  /** On the range's last day. */
  totalFans: number;
  activeFans: number;
  ratio: number | null;
  /** Within the range. */
  newFans: number;
  events: number;
  pointsIssued: number;
  pointsRedeemed: number;
  /** Sum of all balances at the end of the range's last day. */
  outstandingPoints: number;
  redemptions: number;
}

export interface OverviewReport {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  windowDays: number;
  timeZone: string;
  current: OverviewKpis;
  previous: OverviewKpis;
}

export interface ChannelRow {
  channel: Channel;
  /** On the range's last day: fans active on the channel / fans holding an identity on it. */
  activeFans: number;
  totalFans: number;
  ratio: number | null;
  /** Within the range. */
  newFans: number;
  events: number;
}

export interface ChannelsReport {
  from: string;
  to: string;
  windowDays: number;
  channels: ChannelRow[];
}

export interface CohortRow {
  /** `YYYY-MM`: the month the cohort's fans were first seen. */
  month: string;
  size: number;
  /** Fans of the cohort with counted activity in the cohort month (index 0) and each later month up to `to`. */
  active: number[];
}

export interface CohortsReport {
  /** `YYYY-MM` */
  from: string;
  to: string;
  cohorts: CohortRow[];
}

export interface TopFan {
  fanId: string;
  displayName: string | null;
  handle: string | null;
  channel: Channel | null;
  pointsEarned: number;
  events: number;
  balance: number;
  tier: string | null;
}

export interface TopFansReport {
  from: string;
  to: string;
  fans: TopFan[];
}

export const EXPORT_FORMATS = ['csv', 'excel-de'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_KINDS = ['active-fans', 'fans', 'ledger'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
