/**
 * The maths of the active-fan rollups. A fan's activity in one dimension (all channels, one
 * channel, one campaign) is the day she was first seen there and the distinct days with counted
 * activity. Her part in the rollups is a list of changes per day: a metric's value on day D is the
 * sum of the changes up to D (`active`, `total`) or within a period (`new`, `ret_*`, `co_*`).
 *
 * "Active on D" means a counted day in the `windowDays` days ending with D: each activity day d
 * covers [d, d + window − 1], cut short by the fan's next activity day, so a fan is never counted
 * twice on one day and the changes of all fans add up to exact counts. Returning fans (active in a
 * day, week or month after the one they were first seen in) count on their first active day in
 * the period; cohorts count each month a fan was active in, on the month's first day. The database's rebuild
 * (apps/api/src/reports/analytics-rebuild.ts) computes the same in SQL; tests hold both to a
 * brute-force count.
 *
 * Days are day numbers: days since 1970-01-01 of a calendar day in the brand's time zone.
 */

export interface FanActivity {
  firstDay: number;
  /** Distinct, ascending. */
  days: readonly number[];
}

export interface AnalyticsDelta {
  dim: string;
  metric: string;
  /** `YYYY-MM-DD` */
  day: string;
  delta: number;
}

/** `''` (all channels), `ch:<channel>` or `cp:<campaign id>`. */
export type ActivityDimension = '' | `ch:${string}` | `cp:${string}`;

const MS_PER_DAY = 86_400_000;

export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
}

export function dayString(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The Monday of the day's ISO week (1970-01-01 was a Thursday). */
export function weekStartDay(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

export function monthStartDay(day: number): number {
  return dayNumber(`${dayString(day).slice(0, 7)}-01`);
}

/**
 * One fan's changes in one dimension. From the day she is erased on, she counts nowhere; before,
 * her history stands.
 */
export function activityDeltas(
  dim: ActivityDimension,
  activity: FanActivity,
  windowDays: number,
  erasedDay: number | null,
): AnalyticsDelta[] {
  const { firstDay } = activity;
  if (erasedDay !== null && erasedDay <= firstDay) return [];
  const out: AnalyticsDelta[] = [];
  const add = (d: string, metric: string, day: number, delta: number) =>
    out.push({ dim: d, metric, day: dayString(day), delta });

  if (dim.startsWith('ch:')) {
    // Overall totals and new fans come from the fan rows themselves (database triggers).
    add(dim, 'total', firstDay, 1);
    if (erasedDay !== null) add(dim, 'total', erasedDay, -1);
  }
  if (dim !== '') add(dim, 'new', firstDay, 1);

  const days = erasedDay === null ? activity.days : activity.days.filter((day) => day < erasedDay);
  const limit = erasedDay ?? Number.POSITIVE_INFINITY;
  const firstWeek = weekStartDay(firstDay);
  const firstMonth = monthStartDay(firstDay);
  const cohort = `co:${dayString(firstMonth)}`;
  let lastWeek = Number.NaN;
  let lastMonth = Number.NaN;
  days.forEach((day, i) => {
    const next = days[i + 1] ?? Number.POSITIVE_INFINITY;
    // Covered from the day to the day before `end`: the window's end, the next activity day (which
    // covers on from there) or the erasure, whichever comes first.
    const end = Math.min(day + windowDays, next, limit);
    add(dim, 'active', day, 1);
    add(dim, 'active', end, -1);
    if (day > firstDay) add(dim, 'ret_d', day, 1);
    // A returning fan of a week or month counts on her first active day in it, so that a period
    // cut short by the end of a range counts who returned up to that end.
    const week = weekStartDay(day);
    if (week !== lastWeek) {
      if (week > firstWeek) add(dim, 'ret_w', day, 1);
      lastWeek = week;
    }
    const month = monthStartDay(day);
    if (month !== lastMonth) {
      if (month > firstMonth) add(dim, 'ret_m', day, 1);
      if (dim === '' && month >= firstMonth) add(cohort, 'co_active', month, 1);
      lastMonth = month;
    }
  });
  return out;
}

/** `after − before`, one row per (dim, metric, day), without the rows that cancel out. */
export function netDeltas(
  before: readonly AnalyticsDelta[],
  after: readonly AnalyticsDelta[],
): AnalyticsDelta[] {
  const sums = new Map<string, AnalyticsDelta>();
  const fold = (rows: readonly AnalyticsDelta[], sign: number) => {
    for (const row of rows) {
      const key = `${row.dim}\u0000${row.metric}\u0000${row.day}`;
      const sum = sums.get(key);
      if (sum) sum.delta += sign * row.delta;
      else sums.set(key, { ...row, delta: sign * row.delta });
    }
  };
  fold(before, -1);
  fold(after, 1);
  return [...sums.values()].filter((row) => row.delta !== 0);
}

/** The days of both lists, distinct and ascending. */
export function unionDays(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}
