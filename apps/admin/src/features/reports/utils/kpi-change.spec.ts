import type { OverviewKpis } from '@fanfare/shared';
import { describe, expect, it } from 'vitest';

import { changeTone, kpiChange } from './kpi-change';

const kpis = (values: Partial<OverviewKpis> = {}): OverviewKpis => ({
  totalFans: 0,
  activeFans: 0,
  ratio: null,
  newFans: 0,
  events: 0,
  pointsIssued: 0,
  pointsRedeemed: 0,
  outstandingPoints: 0,
  redemptions: 0,
  ...values,
});

describe('KPI change against the previous range', () => {
  it('gives counts as a share of the previous value', () => {
    expect(kpiChange('activeFans', kpis({ activeFans: 150 }), kpis({ activeFans: 120 }))).toEqual({
      kind: 'percent',
      value: 0.25,
      direction: 'up',
    });
    expect(kpiChange('events', kpis({ events: 30 }), kpis({ events: 120 }))).toEqual({
      kind: 'percent',
      value: -0.75,
      direction: 'down',
    });
    expect(kpiChange('newFans', kpis({ newFans: 7 }), kpis({ newFans: 7 }))).toEqual({
      kind: 'percent',
      value: 0,
      direction: 'flat',
    });
  });

  it('has no percentage when the previous value was zero', () => {
    expect(kpiChange('redemptions', kpis({ redemptions: 4 }), kpis({ redemptions: 0 }))).toEqual({
      kind: 'noPrevious',
    });
    expect(kpiChange('redemptions', kpis(), kpis())).toEqual({ kind: 'noPrevious' });
  });

  it('gives the ratio’s change in percentage points, not in percent', () => {
    // 10 % → 12 % is +2 points (in percent it would be +20 %).
    expect(kpiChange('ratio', kpis({ ratio: 0.12 }), kpis({ ratio: 0.1 }))).toEqual({
      kind: 'points',
      value: 2,
      direction: 'up',
    });
    expect(kpiChange('ratio', kpis({ ratio: 0.1 }), kpis({ ratio: 0.3 }))).toEqual({
      kind: 'points',
      value: -20,
      direction: 'down',
    });
    // A change too small to show is no change.
    expect(kpiChange('ratio', kpis({ ratio: 0.25001 }), kpis({ ratio: 0.25 }))).toMatchObject({
      value: 0,
      direction: 'flat',
    });
  });

  it('has no ratio change while either range had no fans', () => {
    expect(kpiChange('ratio', kpis({ ratio: 0.4 }), kpis({ ratio: null }))).toEqual({ kind: 'noPrevious' });
    expect(kpiChange('ratio', kpis({ ratio: null }), kpis({ ratio: 0.4 }))).toEqual({ kind: 'noPrevious' });
  });

  it('judges growth as good news, except for the points still open', () => {
    const up = kpiChange('events', kpis({ events: 2 }), kpis({ events: 1 }));
    const down = kpiChange('events', kpis({ events: 1 }), kpis({ events: 2 }));
    expect(changeTone('events', up)).toBe('positive');
    expect(changeTone('events', down)).toBe('negative');
    expect(changeTone('outstandingPoints', up)).toBe('neutral');
    expect(changeTone('events', { kind: 'noPrevious' })).toBe('neutral');
    expect(changeTone('events', { kind: 'percent', value: 0, direction: 'flat' })).toBe('neutral');
  });
});
