import {
  dayNumber,
  dayString,
  localDate,
  MAX_REPORT_RANGE_DAYS,
  monthStartDay,
  type ReportGranularity,
  weekStartDay,
} from '@fanfare/shared';

import { type FieldError, ValidationFailed } from '../common/errors/domain-error';

export interface DayRange {
  from: string;
  to: string;
}

export interface Period {
  /** The calendar period's first day (it may lie before the range's first day). */
  start: string;
  /** Its last day within the range: the day its values are taken on. */
  end: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const MAX_COHORT_MONTHS = 36;

function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const day = dayNumber(value);
  return Number.isFinite(day) && dayString(day) === value;
}

/**
 * A report's range from the query: calendar days in the brand's zone, `to` defaulting to today and
 * `from` to the `defaultDays` days ending with `to`. Bad dates, `from` after `to` and ranges longer
 * than three years are field errors.
 */
export function dayRange(
  query: { from?: string; to?: string },
  timeZone: string,
  now: Date,
  defaultDays = 30,
): DayRange {
  const errors: FieldError[] = [];
  if (query.from !== undefined && !isCalendarDate(query.from)) {
    errors.push({ field: 'from', reason: 'must be a calendar date (YYYY-MM-DD)' });
  }
  if (query.to !== undefined && !isCalendarDate(query.to)) {
    errors.push({ field: 'to', reason: 'must be a calendar date (YYYY-MM-DD)' });
  }
  if (errors.length > 0) throw new ValidationFailed(errors);
  const to = query.to ?? localDate(now, timeZone);
  const from = query.from ?? dayString(dayNumber(to) - defaultDays + 1);
  if (from > to) throw new ValidationFailed([{ field: 'from', reason: 'must not be after to' }]);
  if (dayNumber(to) - dayNumber(from) + 1 > MAX_REPORT_RANGE_DAYS) {
    throw new ValidationFailed([
      {
        field: 'from',
        reason: `the range must not be longer than ${MAX_REPORT_RANGE_DAYS} days (three years)`,
      },
    ]);
  }
  return { from, to };
}

/** A range of months (`YYYY-MM`), by default the twelve ending with the current one; at most 36. */
export function monthRange(query: { from?: string; to?: string }, timeZone: string, now: Date): DayRange {
  const errors: FieldError[] = [];
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value !== undefined && !(MONTH.test(value) && isCalendarDate(`${value}-01`))) {
      errors.push({ field, reason: 'must be a month (YYYY-MM)' });
    }
  }
  if (errors.length > 0) throw new ValidationFailed(errors);
  const to = query.to ?? localDate(now, timeZone).slice(0, 7);
  const from = query.from ?? shiftMonth(to, -11);
  if (from > to) throw new ValidationFailed([{ field: 'from', reason: 'must not be after to' }]);
  if (monthsBetween(from, to) + 1 > MAX_COHORT_MONTHS) {
    throw new ValidationFailed([{ field: 'from', reason: `at most ${MAX_COHORT_MONTHS} months` }]);
  }
  return { from, to };
}

export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return ty * 12 + tm - (fy * 12 + fm);
}

/** The periods of a range: days, or the calendar weeks (Monday first) or months that overlap it. */
export function periodsOf(range: DayRange, granularity: ReportGranularity): Period[] {
  const from = dayNumber(range.from);
  const to = dayNumber(range.to);
  const periods: Period[] = [];
  let start =
    granularity === 'week' ? weekStartDay(from) : granularity === 'month' ? monthStartDay(from) : from;
  while (start <= to) {
    const next =
      granularity === 'day'
        ? start + 1
        : granularity === 'week'
          ? start + 7
          : dayNumber(`${shiftMonth(dayString(start).slice(0, 7), 1)}-01`);
    periods.push({ start: dayString(start), end: dayString(Math.min(next - 1, to)) });
    start = next;
  }
  return periods;
}

/** The range of the same length just before. */
export function previousRange(range: DayRange): DayRange {
  const length = dayNumber(range.to) - dayNumber(range.from) + 1;
  return {
    from: dayString(dayNumber(range.from) - length),
    to: dayString(dayNumber(range.from) - 1),
  };
}
