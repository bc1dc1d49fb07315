// The queue's filters as they live in the URL (`?status=&reward=&from=&to=`, days as YYYY-MM-DD) and
// as the API takes them: a day range in the brand's time zone becomes [start of `from`, start of the
// day after `to`), since the API's `to` is exclusive.
import type { RedemptionStatus } from '@/lib/api/types';
import { fromZonedInput } from '@/lib/zoned-time';

export const REDEMPTION_STATUSES: RedemptionStatus[] = ['pending', 'fulfilled', 'cancelled'];

export interface RedemptionFilters {
  status: RedemptionStatus | null;
  rewardId: string | null;
  /** First day, YYYY-MM-DD. */
  from: string | null;
  /** Last day (included), YYYY-MM-DD. */
  to: string | null;
}

export interface RedemptionQuery {
  status?: RedemptionStatus;
  rewardId?: string;
  from?: string;
  to?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(value: string | null): string | null {
  return value !== null && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : null;
}

export function parseRedemptionFilters(search: URLSearchParams): RedemptionFilters {
  const status = search.get('status');
  const rewardId = search.get('reward');
  return {
    status: REDEMPTION_STATUSES.find((value) => value === status) ?? null,
    rewardId: rewardId === null || rewardId === '' ? null : rewardId,
    from: day(search.get('from')),
    to: day(search.get('to')),
  };
}

/** The URL parameters for the filters (null removes one). */
export function filterParams(filters: RedemptionFilters): Record<string, string | null> {
  return { status: filters.status, reward: filters.rewardId, from: filters.from, to: filters.to };
}

function nextDay(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export function toRedemptionQuery(filters: RedemptionFilters, timeZone: string): RedemptionQuery {
  const from = filters.from ? fromZonedInput(`${filters.from}T00:00`, timeZone) : null;
  const to = filters.to ? fromZonedInput(`${nextDay(filters.to)}T00:00`, timeZone) : null;
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.rewardId ? { rewardId: filters.rewardId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

export function hasFilters(filters: RedemptionFilters): boolean {
  return Object.values(filters).some((value) => value !== null);
}
