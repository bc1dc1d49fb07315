import { MAX_REPORT_RANGE_DAYS } from '@fanfare/shared';
import { describe, expect, it } from 'vitest';

import {
  addDays,
  customFrom,
  daysInRange,
  defaultGranularity,
  isDay,
  cohortMonths,
  parseRangeSelection,
  rangeParams,
  resolveRange,
} from './report-range';

describe('report range', () => {
  it('counts presets back from today, today included', () => {
    expect(resolveRange({ preset: '7d' }, '2026-03-04')).toEqual({
      valid: true,
      from: '2026-02-26',
      to: '2026-03-04',
      days: 7,
    });
    expect(resolveRange({ preset: '30d' }, '2026-03-01')).toMatchObject({ from: '2026-01-31', days: 30 });
    expect(resolveRange({ preset: '365d' }, '2024-12-31')).toMatchObject({ from: '2024-01-02', days: 365 });
  });

  it('takes a valid custom range as it is, both ends included', () => {
    expect(resolveRange({ preset: 'custom', from: '2026-01-01', to: '2026-01-01' }, '2026-03-04')).toEqual({
      valid: true,
      from: '2026-01-01',
      to: '2026-01-01',
      days: 1,
    });
  });

  it('names what is wrong with a custom range on the field it concerns', () => {
    const today = '2026-03-04';
    expect(resolveRange({ preset: 'custom', from: '', to: '2026-01-31' }, today)).toEqual({
      valid: false,
      errors: { from: 'missing' },
    });
    expect(resolveRange({ preset: 'custom', from: '2026-02-30', to: 'soon' }, today)).toEqual({
      valid: false,
      errors: { from: 'invalid', to: 'invalid' },
    });
    expect(resolveRange({ preset: 'custom', from: '2026-02-02', to: '2026-02-01' }, today)).toEqual({
      valid: false,
      errors: { to: 'beforeFrom' },
    });
  });

  it('allows exactly the longest range the API allows, and not a day more', () => {
    const to = '2026-03-04';
    const longest = addDays(to, 1 - MAX_REPORT_RANGE_DAYS);
    expect(resolveRange({ preset: 'custom', from: longest, to }, to)).toMatchObject({
      valid: true,
      days: MAX_REPORT_RANGE_DAYS,
    });
    expect(resolveRange({ preset: 'custom', from: addDays(longest, -1), to }, to)).toEqual({
      valid: false,
      errors: { from: 'tooLong' },
    });
  });

  it('does calendar arithmetic across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysInRange('2024-01-01', '2024-12-31')).toBe(366);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('2025-1-01')).toBe(false);
  });

  it('reads the range from the URL: from/to make it custom, unknown presets fall back to 30 days', () => {
    expect(parseRangeSelection(new URLSearchParams(''))).toEqual({ preset: '30d' });
    expect(parseRangeSelection(new URLSearchParams('range=90d'))).toEqual({ preset: '90d' });
    expect(parseRangeSelection(new URLSearchParams('range=12d'))).toEqual({ preset: '30d' });
    expect(parseRangeSelection(new URLSearchParams('range=90d&from=2026-01-01'))).toEqual({
      preset: 'custom',
      from: '2026-01-01',
      to: '',
    });
  });

  it('writes the default preset as a clean URL and a custom range as from/to', () => {
    expect(rangeParams({ preset: '30d' })).toEqual({ range: null, from: null, to: null });
    expect(rangeParams({ preset: '7d' })).toEqual({ range: '7d', from: null, to: null });
    expect(rangeParams({ preset: 'custom', from: '2026-01-01', to: '' })).toEqual({
      range: null,
      from: '2026-01-01',
      to: null,
    });
  });

  it('starts a custom range from the days the preset covered', () => {
    expect(customFrom({ preset: '7d' }, '2026-03-04')).toEqual({
      preset: 'custom',
      from: '2026-02-26',
      to: '2026-03-04',
    });
  });

  it('shows ranges up to 60 days day by day and longer ones week by week', () => {
    expect(defaultGranularity(60)).toBe('day');
    expect(defaultGranularity(61)).toBe('week');
  });

  it('shows the cohorts of the months the range touches, at least the last 12 and at most the last 36', () => {
    expect(cohortMonths('2026-02-01', '2026-02-28')).toEqual({ from: '2025-03', to: '2026-02' });
    expect(cohortMonths('2024-11-15', '2026-02-03')).toEqual({ from: '2024-11', to: '2026-02' });
    // The longest range (1,096 days) can touch 37 months.
    expect(cohortMonths('2023-01-15', '2026-01-14')).toEqual({ from: '2023-02', to: '2026-01' });
    expect(cohortMonths('2023-02-01', '2026-01-31')).toEqual({ from: '2023-02', to: '2026-01' });
  });
});
