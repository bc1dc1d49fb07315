// Settings → Analytics as a form: the active-fan window and the event types that count as an
// interaction. Types are kept in the order of ENGAGEMENT_TYPES, so "changed" compares sets, not the
// order in which boxes were ticked.
import {
  type AnalyticsSettings,
  DEFAULT_ACTIVE_WINDOW_DAYS,
  DEFAULT_ENGAGEMENT_TYPES,
  ENGAGEMENT_TYPES,
  type EngagementType,
  MAX_ACTIVE_WINDOW_DAYS,
  MIN_ACTIVE_WINDOW_DAYS,
} from '@fanfare/shared';
import type { TFunction } from 'i18next';

import type { AnalyticsSettingsBody } from '../api/update-analytics-settings';

export interface AnalyticsFormValues {
  /** A string while the field is being edited or emptied (NumberInput). */
  activeWindowDays: number | string;
  /** Checkbox values are strings; only known engagement types are ever sent. */
  engagementTypes: string[];
}

function inOrder(types: readonly string[]): EngagementType[] {
  return ENGAGEMENT_TYPES.filter((type) => types.includes(type));
}

export function valuesOf(
  settings: Pick<AnalyticsSettings, 'activeWindowDays' | 'engagementTypes'>,
): AnalyticsFormValues {
  return { activeWindowDays: settings.activeWindowDays, engagementTypes: inOrder(settings.engagementTypes) };
}

export const DEFAULT_VALUES: AnalyticsFormValues = {
  activeWindowDays: DEFAULT_ACTIVE_WINDOW_DAYS,
  engagementTypes: [...DEFAULT_ENGAGEMENT_TYPES],
};

export function bodyOf(values: AnalyticsFormValues): AnalyticsSettingsBody {
  return {
    activeWindowDays: Number(values.activeWindowDays),
    engagementTypes: inOrder(values.engagementTypes),
  };
}

/** True when saving would change what the server has: another window or another set of types. */
export function isChanged(settings: AnalyticsSettings, values: AnalyticsFormValues): boolean {
  const body = bodyOf(values);
  return (
    body.activeWindowDays !== settings.activeWindowDays ||
    body.engagementTypes.join() !== inOrder(settings.engagementTypes).join()
  );
}

export function analyticsFormValidation(t: TFunction) {
  return {
    activeWindowDays: (value: number | string) => {
      const days = Number(value);
      return value !== '' &&
        Number.isInteger(days) &&
        days >= MIN_ACTIVE_WINDOW_DAYS &&
        days <= MAX_ACTIVE_WINDOW_DAYS
        ? null
        : t('analyticsSettings.window.invalid', { min: MIN_ACTIVE_WINDOW_DAYS, max: MAX_ACTIVE_WINDOW_DAYS });
    },
    engagementTypes: (value: string[]) =>
      inOrder(value).length > 0 ? null : t('analyticsSettings.types.noneChosen'),
  };
}
