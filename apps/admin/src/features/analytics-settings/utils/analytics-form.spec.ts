import type { AnalyticsSettings } from '@fanfare/shared';
import { type TFunction, createInstance } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

import { resources } from '@/lib/i18n/resources';

import { DEFAULT_VALUES, analyticsFormValidation, bodyOf, isChanged, valuesOf } from './analytics-form';

const saved: AnalyticsSettings = {
  activeWindowDays: 30,
  engagementTypes: ['purchase', 'comment', 'custom'],
  timeZone: 'Europe/Berlin',
  state: 'current',
  rebuiltAt: null,
};

describe('analytics settings form', () => {
  let en: TFunction;

  beforeAll(async () => {
    const i18n = createInstance();
    await i18n.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
    en = i18n.getFixedT('en');
  });

  it('starts from the saved settings, types in the order of the list', () => {
    expect(valuesOf(saved)).toEqual({
      activeWindowDays: 30,
      engagementTypes: ['comment', 'purchase', 'custom'],
    });
  });

  it('sees no change when only the order of ticking differs', () => {
    expect(
      isChanged(saved, { activeWindowDays: 30, engagementTypes: ['custom', 'purchase', 'comment'] }),
    ).toBe(false);
    expect(
      isChanged(saved, { activeWindowDays: '30', engagementTypes: ['comment', 'purchase', 'custom'] }),
    ).toBe(false);
  });

  it('sees another window or another set of types as a change', () => {
    expect(
      isChanged(saved, { activeWindowDays: 7, engagementTypes: ['comment', 'purchase', 'custom'] }),
    ).toBe(true);
    expect(isChanged(saved, { activeWindowDays: 30, engagementTypes: ['comment', 'purchase'] })).toBe(true);
  });

  it('sends the window as a number and only known types, in list order', () => {
    expect(
      bodyOf({ activeWindowDays: '14', engagementTypes: ['custom', 'signup', 'custom:quiz', 'like'] }),
    ).toEqual({
      activeWindowDays: 14,
      engagementTypes: ['like', 'signup', 'custom'],
    });
  });

  it('defaults to 30 days and every type but sign-ups and video views', () => {
    expect(DEFAULT_VALUES.activeWindowDays).toBe(30);
    expect(DEFAULT_VALUES.engagementTypes).not.toContain('signup');
    expect(DEFAULT_VALUES.engagementTypes).not.toContain('video_view');
    expect(DEFAULT_VALUES.engagementTypes).toContain('custom');
  });

  it('refuses a window outside 1–365 whole days and an empty set of types', () => {
    const validate = analyticsFormValidation(en);
    const message = 'Enter a whole number of days from 1 to 365.';
    expect(validate.activeWindowDays(0)).toBe(message);
    expect(validate.activeWindowDays(366)).toBe(message);
    expect(validate.activeWindowDays(7.5)).toBe(message);
    expect(validate.activeWindowDays('')).toBe(message);
    expect(validate.activeWindowDays(1)).toBeNull();
    expect(validate.activeWindowDays(365)).toBeNull();
    expect(validate.engagementTypes([])).toBe('Choose at least one kind of interaction.');
    expect(validate.engagementTypes(['custom:quiz'])).toBe('Choose at least one kind of interaction.');
    expect(validate.engagementTypes(['share'])).toBeNull();
  });
});
