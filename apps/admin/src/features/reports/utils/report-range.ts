// The date range of the dashboard and the reports: a preset ("last 30 days", counted back from today
// in the brand's time zone) or a custom from–to, kept in the URL (`?range=90d` or `?from=&to=`).
// Days are calendar days (`YYYY-MM-DD`) as the reports API takes them; both ends are included.
import { MAX_REPORT_RANGE_DAYS, type ReportGranularity, dayNumber, dayString } from '@fanfare/shared';

export const RANGE_PRESETS = ['7d', '30d', '90d', '365d'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_RANGE_PRESET: RangePreset = '30d';

const PRESET_DAYS: Record<RangePreset, number> = { '7d': 7, '30d': 30, '90d': 90, '365d': 365 };

/** Ranges longer than this are shown week by week, so bars stay wide enough to read. */
export const DAILY_UP_TO_DAYS = 60;

export type RangeSelection = { preset: RangePreset } | { preset: 'custom'; from: string; to: string };

export type RangeProblem = 'missing' | 'invalid' | 'beforeFrom' | 'tooLong';

export type ResolvedRange =
  | { valid: true; from: string; to: string; days: number }
  | { valid: false; errors: { from?: RangeProblem; to?: RangeProblem } };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for an existing calendar day written `YYYY-MM-DD` (not 2026-02-30, which Date rolls over). */
export function isDay(value: string): boolean {
  if (!DAY.test(value)) {
    return false;
  }
  const day = dayNumber(value);
  return Number.isFinite(day) && dayString(day) === value;
}

export function addDays(day: string, days: number): string {
  return dayString(dayNumber(day) + days);
}

/** How many days the range covers, both ends included. */
export function daysInRange(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

function isPreset(value: string | null): value is RangePreset {
  return (RANGE_PRESETS as readonly (string | null)[]).includes(value);
}

/** The range in the URL: `from`/`to` make it custom, else `range` names a preset. */
export function parseRangeSelection(search: URLSearchParams): RangeSelection {
  const from = search.get('from');
  const to = search.get('to');
  if (from !== null || to !== null) {
    return { preset: 'custom', from: from ?? '', to: to ?? '' };
  }
  const range = search.get('range');
  return { preset: isPreset(range) ? range : DEFAULT_RANGE_PRESET };
}

/** The URL parameters for a range (null removes one); the default preset leaves the URL clean. */
export function rangeParams(selection: RangeSelection): Record<'range' | 'from' | 'to', string | null> {
  if (selection.preset === 'custom') {
    return { range: null, from: selection.from || null, to: selection.to || null };
  }
  return {
    range: selection.preset === DEFAULT_RANGE_PRESET ? null : selection.preset,
    from: null,
    to: null,
  };
}

/** The days a selection stands for on `today`, or what is wrong with a custom one, by field. */
export function resolveRange(selection: RangeSelection, today: string): ResolvedRange {
  if (selection.preset !== 'custom') {
    const days = PRESET_DAYS[selection.preset];
    return { valid: true, from: addDays(today, 1 - days), to: today, days };
  }
  const errors: { from?: RangeProblem; to?: RangeProblem } = {};
  const check = (value: string): RangeProblem | undefined =>
    value === '' ? 'missing' : isDay(value) ? undefined : 'invalid';
  const fromProblem = check(selection.from);
  const toProblem = check(selection.to);
  if (fromProblem) errors.from = fromProblem;
  if (toProblem) errors.to = toProblem;
  if (fromProblem || toProblem) {
    return { valid: false, errors };
  }
  const days = daysInRange(selection.from, selection.to);
  if (days < 1) {
    return { valid: false, errors: { to: 'beforeFrom' } };
  }
  if (days > MAX_REPORT_RANGE_DAYS) {
    return { valid: false, errors: { from: 'tooLong' } };
  }
  return { valid: true, from: selection.from, to: selection.to, days };
}

/** Switching to "custom" starts from the days the current choice covers, so the user only adjusts. */
export function customFrom(selection: RangeSelection, today: string): RangeSelection {
  if (selection.preset === 'custom') {
    return selection;
  }
  const range = resolveRange(selection, today);
  return range.valid
    ? { preset: 'custom', from: range.from, to: range.to }
    : { preset: 'custom', from: '', to: '' };
}

/** Day by day for short ranges, week by week beyond DAILY_UP_TO_DAYS. */
export function defaultGranularity(days: number): ReportGranularity {
  return days > DAILY_UP_TO_DAYS ? 'week' : 'day';
}

/** The API's limit on the cohort report (three years of months); a longer range shows its last ones. */
export const MAX_COHORT_MONTHS = 36;
/** Retention needs months to show: a short range still shows the cohorts of the last year. */
export const MIN_COHORT_MONTHS = 12;

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthOf(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The months (`YYYY-MM`) whose cohorts to show for a range: those it touches, reaching back to at
 * least 12 and at most 36 months up to the month of its last day.
 */
export function cohortMonths(from: string, to: string): { from: string; to: string } {
  const last = monthIndex(to);
  const first = Math.max(
    Math.min(monthIndex(from), last - MIN_COHORT_MONTHS + 1),
    last - MAX_COHORT_MONTHS + 1,
  );
  return { from: monthOf(first), to: monthOf(last) };
}
