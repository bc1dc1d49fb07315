/**
 * Cap windows ("at most 3 a day") in the brand's IANA time zone. Boundaries are local midnights,
 * found through Intl's zone data, so days of 23 or 25 hours, half-hour and 45-minute offsets and
 * zones whose clocks skip midnight itself (America/Santiago, Africa/Cairo) all come out right.
 */
import { type LimitWindow } from './rules';

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Throws a RangeError for an unknown zone, which is what callers should see.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading in `timeZone` at `epochMs`, as if that reading were UTC (whole seconds). */
function wallClockAsUtc(epochMs: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    parts[part.type] = part.value;
  }
  const yearOfEra = Number(parts.year);
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - yearOfEra : yearOfEra;
  const hour = Number(parts.hour) % 24; // some ICU versions print midnight as 24
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  wall.setUTCHours(hour, Number(parts.minute), Number(parts.second), 0);
  return wall.getTime();
}

/** The zone's offset from UTC at an instant, in milliseconds (Berlin in summer: +2 h). */
export function timeZoneOffsetMs(at: Date, timeZone: string): number {
  const epochMs = at.getTime();
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  return wallClockAsUtc(wholeSecond, timeZone) - wholeSecond;
}

function offsetAt(epochMs: number, timeZone: string): number {
  return timeZoneOffsetMs(new Date(epochMs), timeZone);
}

function assertValidDate(at: Date, name: string): void {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    throw new RangeError(`${name} must be a valid date`);
  }
}

function localDateOf(at: Date, timeZone: string): LocalDate {
  const wall = new Date(wallClockAsUtc(at.getTime(), timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** Calendar arithmetic on a local date (no zone involved): `day` may overflow, Date.UTC carries it. */
function civilMidnightAsUtc(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(0, 0, 0, 0);
  return date.getTime();
}

/**
 * The first instant of a local calendar day: local midnight, or — where the clocks skip midnight —
 * the moment they jump to. When midnight happens twice, the earlier one.
 */
function startOfLocalDay(year: number, month: number, day: number, timeZone: string): number {
  const wall = civilMidnightAsUtc(year, month, day);
  // No zone changes its offset twice within two days, so the offsets a day either side are the
  // only ones that can apply around this midnight.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [wall - before, wall - after].filter(
    (instant) => offsetAt(instant, timeZone) === wall - instant,
  );
  if (candidates.length > 0) {
    return Math.min(...candidates);
  }
  // Midnight falls into a gap: the day begins at the transition, between these two instants.
  let low = wall - after; // still on the old offset
  let high = wall - before; // already on the new offset
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2000) * 1000;
    if (offsetAt(middle, timeZone) === before) {
      low = middle;
    } else {
      high = middle;
    }
  }
  return high;
}

/** The local calendar date of an instant in a zone, as `YYYY-MM-DD`. */
export function localDate(at: Date, timeZone: string): string {
  assertValidDate(at, 'at');
  const { year, month, day } = localDateOf(at, timeZone);
  const yyyy = String(year).padStart(4, '0');
  return `${yyyy}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days from Monday: 0 for Monday … 6 for Sunday (ISO 8601). */
function isoWeekdayIndex(date: LocalDate): number {
  return (new Date(civilMidnightAsUtc(date.year, date.month, date.day)).getUTCDay() + 6) % 7;
}

/** The local date a calendar window starts on, `shift` windows later (0 = the window of `at`). */
function windowFirstDay(window: 'day' | 'week' | 'month', date: LocalDate, shift: number): LocalDate {
  let wall: number;
  switch (window) {
    case 'day':
      wall = civilMidnightAsUtc(date.year, date.month, date.day + shift);
      break;
    case 'week':
      wall = civilMidnightAsUtc(date.year, date.month, date.day - isoWeekdayIndex(date) + 7 * shift);
      break;
    case 'month':
      wall = civilMidnightAsUtc(date.year, date.month + shift, 1);
      break;
  }
  const first = new Date(wall);
  return { year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day: first.getUTCDate() };
}

interface CalendarWindow {
  start: number;
  end: number;
}

// Finding a window costs a dozen Intl look-ups (~40 µs), and nearly every event falls into one of
// the few windows just computed for its brand's zone; zone rules don't change while we run.
const RECENT_WINDOWS_PER_KEY = 8;
const MAX_CACHE_KEYS = 1000;
const recentWindows = new Map<string, CalendarWindow[]>();

function calendarWindow(window: 'day' | 'week' | 'month', at: Date, timeZone: string): CalendarWindow {
  const t = at.getTime();
  const key = `${window} ${timeZone}`;
  const recent = recentWindows.get(key);
  const hit = recent?.find((candidate) => candidate.start <= t && t < candidate.end);
  if (hit !== undefined) {
    return hit;
  }
  const date = localDateOf(at, timeZone);
  const first = windowFirstDay(window, date, 0);
  const next = windowFirstDay(window, date, 1);
  const computed: CalendarWindow = {
    start: startOfLocalDay(first.year, first.month, first.day, timeZone),
    end: startOfLocalDay(next.year, next.month, next.day, timeZone),
  };
  if (recent === undefined) {
    if (recentWindows.size >= MAX_CACHE_KEYS) {
      recentWindows.clear();
    }
    recentWindows.set(key, [computed]);
  } else {
    recent.unshift(computed);
    recent.length = Math.min(recent.length, RECENT_WINDOWS_PER_KEY);
  }
  return computed;
}

/**
 * Where the cap window containing `at` begins (inclusive): local midnight of the day, of the ISO
 * week's Monday or of the month's 1st; the campaign's start; null for lifetime (no lower bound).
 */
export function windowStart(
  window: LimitWindow,
  at: Date,
  timeZone: string,
  campaignStartsAt?: Date,
): Date | null {
  assertValidDate(at, 'at');
  switch (window) {
    case 'day':
    case 'week':
    case 'month':
      return new Date(calendarWindow(window, at, timeZone).start);
    case 'campaign':
      if (campaignStartsAt === undefined) {
        throw new Error('a campaign window needs the campaign start');
      }
      assertValidDate(campaignStartsAt, 'campaignStartsAt');
      return new Date(campaignStartsAt.getTime());
    case 'lifetime':
      return null;
  }
}

/**
 * Where the day, week or month window containing `at` ends (exclusive: the next window's start),
 * for "resets at …". Campaign and lifetime windows have no end of their own: null.
 */
export function windowEnd(window: LimitWindow, at: Date, timeZone: string): Date | null {
  assertValidDate(at, 'at');
  switch (window) {
    case 'day':
    case 'week':
    case 'month':
      return new Date(calendarWindow(window, at, timeZone).end);
    case 'campaign':
    case 'lifetime':
      return null;
  }
}

/**
 * Points expiry: points earned before the returned instant have expired at `now`, when points
 * expire after `days` days. That is the start of the local day `days` days before today in the
 * brand's zone, so points earned on 1 March with 30 days expire when 1 April begins there
 * (daylight-saving changes included). `date` is that day, as `YYYY-MM-DD`.
 */
export function expiryCutoff(now: Date, days: number, timeZone: string): { cutoff: Date; date: string } {
  assertValidDate(now, 'now');
  if (!Number.isInteger(days) || days < 1) throw new RangeError('days must be a positive whole number');
  const today = localDateOf(now, timeZone);
  const day = new Date(civilMidnightAsUtc(today.year, today.month, today.day - days));
  const cutoff = new Date(
    startOfLocalDay(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), timeZone),
  );
  return { cutoff, date: localDate(cutoff, timeZone) };
}
