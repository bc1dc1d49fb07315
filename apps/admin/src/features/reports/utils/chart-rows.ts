// Report answers turned into the rows the charts and tables draw: one row per period or channel,
// with the ratio in percent (charts plot numbers, and "no fans yet" stays a gap, not a zero).
import type { ActiveFansPoint, ChannelRow, OverviewReport, ReportGranularity } from '@fanfare/shared';

export interface SeriesRow {
  period: string;
  periodEnd: string;
  /** Short label for the axis: "3 Feb" for days and weeks, "Feb 2026" for months. */
  label: string;
  activeFans: number;
  totalFans: number;
  /** 0–100 with one decimal; null when there are no fans yet. */
  ratioPercent: number | null;
  newFans: number;
  returningFans: number;
}

export interface ChannelChartRow {
  channel: ChannelRow['channel'];
  activeFans: number;
  /** Fans on the channel who are not active: stacked on the active ones, the bar shows all fans. */
  inactiveFans: number;
  totalFans: number;
  ratioPercent: number | null;
  events: number;
}

export interface PointsRow {
  range: 'previous' | 'current';
  from: string;
  to: string;
  pointsIssued: number;
  pointsRedeemed: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    // Report days are calendar days: formatted as UTC dates they never shift with the browser's zone.
    format = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' });
    formats.set(key, format);
  }
  return format;
}

function asUtcDate(day: string): Date {
  return new Date(`${day.length === 7 ? `${day}-01` : day}T00:00:00Z`);
}

/** A percentage with one decimal from a ratio; null stays null. */
export function ratioPercent(ratio: number | null): number | null {
  return ratio === null ? null : Math.round(ratio * 1000) / 10;
}

/** The axis label of a period: its first day ("3 Feb"), or the month ("Feb 2026") for months. */
export function periodLabel(period: string, granularity: ReportGranularity, language: string): string {
  const options: Intl.DateTimeFormatOptions =
    granularity === 'month' ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' };
  return dayFormat(language, options).format(asUtcDate(period));
}

/** A calendar day in full ("3 Feb 2026" / "03.02.2026"). */
export function formatDay(day: string, language: string): string {
  return dayFormat(language, { dateStyle: 'medium' }).format(asUtcDate(day));
}

/** A month of the cohort report ("Feb 2026" / "Feb. 2026"); takes `YYYY-MM`. */
export function formatMonth(month: string, language: string): string {
  return dayFormat(language, { month: 'short', year: 'numeric' }).format(asUtcDate(month));
}

/** What a period covers, for tooltips and tables: one day, or first – last day. */
export function periodRange(point: Pick<ActiveFansPoint, 'period' | 'periodEnd'>, language: string): string {
  return point.period === point.periodEnd
    ? formatDay(point.period, language)
    : `${formatDay(point.period, language)} – ${formatDay(point.periodEnd, language)}`;
}

export function seriesRows(
  points: readonly ActiveFansPoint[],
  granularity: ReportGranularity,
  language: string,
): SeriesRow[] {
  return points.map((point) => ({
    period: point.period,
    periodEnd: point.periodEnd,
    label: periodLabel(point.period, granularity, language),
    activeFans: point.activeFans,
    totalFans: point.totalFans,
    ratioPercent: ratioPercent(point.ratio),
    newFans: point.newFans,
    returningFans: point.returningFans,
  }));
}

/** Channels that have fans or events, most fans first; a channel nobody uses would only add noise. */
export function channelChartRows(channels: readonly ChannelRow[]): ChannelChartRow[] {
  return channels
    .filter((row) => row.totalFans > 0 || row.events > 0)
    .map((row) => ({
      channel: row.channel,
      activeFans: row.activeFans,
      inactiveFans: Math.max(0, row.totalFans - row.activeFans),
      totalFans: row.totalFans,
      ratioPercent: ratioPercent(row.ratio),
      events: row.events,
    }))
    .sort((a, b) => b.totalFans - a.totalFans || a.channel.localeCompare(b.channel));
}

/** Points issued and redeemed in the previous range and in this one, side by side. */
export function pointsRows(overview: OverviewReport): PointsRow[] {
  return [
    {
      range: 'previous',
      from: overview.previousFrom,
      to: overview.previousTo,
      pointsIssued: overview.previous.pointsIssued,
      pointsRedeemed: overview.previous.pointsRedeemed,
    },
    {
      range: 'current',
      from: overview.from,
      to: overview.to,
      pointsIssued: overview.current.pointsIssued,
      pointsRedeemed: overview.current.pointsRedeemed,
    },
  ];
}

/** True when the brand has no fans and nothing happened: the screens explain instead of drawing zeros. */
export function isEmptyOverview(overview: OverviewReport): boolean {
  const { current, previous } = overview;
  return (
    current.totalFans === 0 &&
    previous.totalFans === 0 &&
    current.events === 0 &&
    previous.events === 0 &&
    current.outstandingPoints === 0
  );
}
