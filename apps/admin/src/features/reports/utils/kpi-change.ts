// How each dashboard figure changed against the previous range of equal length: counts in percent of
// the previous value, the active-fan ratio in percentage points (a ratio's change in percent would
// read as nonsense: 10% → 12% is "+20%"). A previous value of zero has no percentage.
import type { OverviewKpis } from '@fanfare/shared';

/** The figures in the order the dashboard shows them: the active-fan ratio first. */
export const KPI_KEYS = [
  'ratio',
  'activeFans',
  'totalFans',
  'newFans',
  'events',
  'redemptions',
  'pointsIssued',
  'pointsRedeemed',
  'outstandingPoints',
] as const satisfies readonly (keyof OverviewKpis)[];
export type KpiKey = (typeof KPI_KEYS)[number];

export type Direction = 'up' | 'down' | 'flat';

export type KpiChange =
  /** `value` is the relative change: 0.25 for +25 %. */
  | { kind: 'percent'; value: number; direction: Direction }
  /** `value` is the change in percentage points, one decimal: 2.5 for 10 % → 12.5 %. */
  | { kind: 'points'; value: number; direction: Direction }
  | { kind: 'noPrevious' };

export type Tone = 'positive' | 'negative' | 'neutral';

function directionOf(delta: number): Direction {
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
}

export function kpiChange(key: KpiKey, current: OverviewKpis, previous: OverviewKpis): KpiChange {
  if (key === 'ratio') {
    if (current.ratio === null || previous.ratio === null) {
      return { kind: 'noPrevious' };
    }
    // Rounded before the direction is read: 0.3 − 0.1 must be +20.0 points, not 19.999….
    const points = Math.round((current.ratio - previous.ratio) * 1000) / 10;
    return { kind: 'points', value: points, direction: directionOf(points) };
  }
  const now = current[key];
  const before = previous[key];
  if (before === 0) {
    return { kind: 'noPrevious' };
  }
  return { kind: 'percent', value: (now - before) / before, direction: directionOf(now - before) };
}

/**
 * Whether a change is good news. More active fans, events or redemptions are; the points still open
 * are a liability as much as a sign of loyalty, so their change is shown without judgement.
 */
export function changeTone(key: KpiKey, change: KpiChange): Tone {
  if (change.kind === 'noPrevious' || change.direction === 'flat' || key === 'outstandingPoints') {
    return 'neutral';
  }
  return change.direction === 'up' ? 'positive' : 'negative';
}
