import { describe, expect, it } from 'vitest';

import { cohortTable, shadeLevel } from './cohort-cells';

describe('cohort heatmap cells', () => {
  it('computes each month’s share of the cohort and lays the triangle out in columns', () => {
    const table = cohortTable({
      from: '2026-01',
      to: '2026-03',
      cohorts: [
        { month: '2026-01', size: 200, active: [200, 60, 30] },
        { month: '2026-02', size: 40, active: [40, 4] },
        { month: '2026-03', size: 0, active: [0] },
      ],
    });
    expect(table.columns).toBe(3);
    expect(table.rows.map((row) => row.cells.map((cell) => cell.share))).toEqual([
      [1, 0.3, 0.15],
      [1, 0.1],
      [null],
    ]);
    expect(table.rows[0]?.cells[2]).toEqual({ offset: 2, active: 30, size: 200, share: 0.15, level: 2 });
  });

  it('has no columns without cohorts', () => {
    expect(cohortTable({ from: '2026-01', to: '2026-01', cohorts: [] })).toEqual({ columns: 0, rows: [] });
  });

  it('starts with the first month that brought fans, keeping empty months after it', () => {
    const table = cohortTable({
      from: '2026-01',
      to: '2026-04',
      cohorts: [
        { month: '2026-01', size: 0, active: [0, 0, 0, 0] },
        { month: '2026-02', size: 10, active: [10, 5, 2] },
        { month: '2026-03', size: 0, active: [0, 0] },
        { month: '2026-04', size: 3, active: [3] },
      ],
    });
    expect(table.rows.map((row) => row.month)).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(table.columns).toBe(3);
    expect(
      cohortTable({
        from: '2026-01',
        to: '2026-02',
        cohorts: [{ month: '2026-01', size: 0, active: [0, 0] }],
      }),
    ).toEqual({ columns: 0, rows: [] });
  });

  it('shades in six steps, with the bounds inside the lower step', () => {
    expect(shadeLevel(null)).toBeNull();
    expect(shadeLevel(0)).toBe(0);
    expect(shadeLevel(0.001)).toBe(1);
    expect(shadeLevel(0.1)).toBe(1);
    expect(shadeLevel(0.1001)).toBe(2);
    expect(shadeLevel(0.25)).toBe(2);
    expect(shadeLevel(0.5)).toBe(3);
    expect(shadeLevel(0.75)).toBe(4);
    expect(shadeLevel(0.76)).toBe(5);
    expect(shadeLevel(1)).toBe(5);
  });
});
