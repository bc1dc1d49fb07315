// The retention triangle as a table: one row per cohort (the month its fans were first seen), one
// column per month after it, each cell the share of the cohort active then, shaded in six steps.
import type { CohortsReport } from '@fanfare/shared';

export type ShadeLevel = 0 | 1 | 2 | 3 | 4 | 5;

export interface CohortCell {
  /** Months after the cohort month: 0 is the cohort month itself. */
  offset: number;
  active: number;
  size: number;
  /** active / size; null for a cohort without fans. */
  share: number | null;
  level: ShadeLevel | null;
}

export interface CohortTableRow {
  month: string;
  size: number;
  cells: CohortCell[];
}

export interface CohortTable {
  /** How many "month +n" columns the table needs: the longest row's length. */
  columns: number;
  rows: CohortTableRow[];
}

/** Upper bounds (inclusive) of levels 1–4; anything above the last is level 5. */
const LEVEL_BOUNDS = [0.1, 0.25, 0.5, 0.75] as const;

/** 0 for nobody active, 1 up to 10 %, 2 up to 25 %, 3 up to 50 %, 4 up to 75 %, 5 above. */
export function shadeLevel(share: number | null): ShadeLevel | null {
  if (share === null) {
    return null;
  }
  if (share <= 0) {
    return 0;
  }
  const index = LEVEL_BOUNDS.findIndex((bound) => share <= bound);
  return (index === -1 ? 5 : index + 1) as ShadeLevel;
}

/**
 * Background and text colour of each level, from the theme: text stays dark up to the middle shade
 * and turns white on the two darkest, so every cell keeps at least 4.5:1 contrast.
 */
export const SHADES: Record<ShadeLevel, { background: string; color: string }> = {
  0: { background: 'var(--mantine-color-gray-0)', color: 'var(--mantine-color-dimmed)' },
  1: { background: 'var(--mantine-color-fanfare-0)', color: 'var(--mantine-color-black)' },
  2: { background: 'var(--mantine-color-fanfare-2)', color: 'var(--mantine-color-black)' },
  3: { background: 'var(--mantine-color-fanfare-4)', color: 'var(--mantine-color-black)' },
  4: { background: 'var(--mantine-color-fanfare-7)', color: 'var(--mantine-color-white)' },
  5: { background: 'var(--mantine-color-fanfare-9)', color: 'var(--mantine-color-white)' },
};

/**
 * The table of a report. Months before the first with any new fan are left out (a brand that started
 * in August has nothing to say about January); an empty month after that stays, as a gap in the
 * stream of new fans.
 */
export function cohortTable(report: CohortsReport): CohortTable {
  const first = report.cohorts.findIndex((cohort) => cohort.size > 0);
  const cohorts = first === -1 ? [] : report.cohorts.slice(first);
  const rows = cohorts.map((cohort) => ({
    month: cohort.month,
    size: cohort.size,
    cells: cohort.active.map((active, offset) => {
      const share = cohort.size > 0 ? active / cohort.size : null;
      return { offset, active, size: cohort.size, share, level: shadeLevel(share) };
    }),
  }));
  return { columns: Math.max(0, ...rows.map((row) => row.cells.length)), rows };
}
