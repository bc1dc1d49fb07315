// The Reports page's filters as they live in the URL: the range (see report-range), `granularity`,
// `channel` and `campaign`. Unknown values read as "not set", so an edited URL never breaks the page.
import { CHANNELS, type Channel, REPORT_GRANULARITIES, type ReportGranularity } from '@fanfare/shared';

import {
  type RangeSelection,
  type ResolvedRange,
  defaultGranularity,
  parseRangeSelection,
  rangeParams,
} from './report-range';

export interface ReportFilters {
  range: RangeSelection;
  /** null: chosen from the range's length (see defaultGranularity). */
  granularity: ReportGranularity | null;
  channel: Channel | null;
  campaignId: string | null;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((candidate) => candidate === value) ?? null;
}

/** The API filters the series by a channel or by a campaign, not both: a channel in the URL wins. */
export function parseReportFilters(search: URLSearchParams): ReportFilters {
  const channel = oneOf(CHANNELS, search.get('channel'));
  const campaignId = search.get('campaign');
  return {
    range: parseRangeSelection(search),
    granularity: oneOf(REPORT_GRANULARITIES, search.get('granularity')),
    channel,
    campaignId: channel !== null || campaignId === null || campaignId === '' ? null : campaignId,
  };
}

/** The filters after a change; choosing a channel clears the campaign and the other way round. */
export function changeReportFilters(filters: ReportFilters, changes: Partial<ReportFilters>): ReportFilters {
  const next = { ...filters, ...changes };
  if (changes.channel) {
    next.campaignId = null;
  } else if (changes.campaignId) {
    next.channel = null;
  }
  return next;
}

/** The URL parameters for the filters (null removes one). */
export function reportFilterParams(filters: ReportFilters): Record<string, string | null> {
  return {
    ...rangeParams(filters.range),
    granularity: filters.granularity,
    channel: filters.channel,
    campaign: filters.campaignId,
  };
}

/** Search parameters with the changes applied; other parameters stay as they were. */
export function withParams(search: URLSearchParams, changes: Record<string, string | null>): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') {
      next.delete(key);
    } else {
      next.set(key, value);
    }
  }
  return next;
}

/** The series' filters as the API takes them: no channel or campaign means all of them. */
export interface SeriesQuery {
  from: string;
  to: string;
  granularity: ReportGranularity;
  channel?: Channel;
  campaignId?: string;
}

/** What to ask the API for, or null while the range is not valid. */
export function seriesQueryOf(filters: ReportFilters, range: ResolvedRange): SeriesQuery | null {
  if (!range.valid) {
    return null;
  }
  return {
    from: range.from,
    to: range.to,
    granularity: filters.granularity ?? defaultGranularity(range.days),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.campaignId ? { campaignId: filters.campaignId } : {}),
  };
}
