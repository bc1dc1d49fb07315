import { CHANNELS, CONDITION_OPERATORS, EVENT_TYPES, LIMIT_WINDOWS, ROUNDING_MODES } from '@fanfare/shared';
import { useTranslation } from 'react-i18next';

/** Select options for the rule editor and the simulator, labelled in the UI language. */
export function useRuleOptions() {
  const { t } = useTranslation();
  return {
    eventTypes: EVENT_TYPES.map((value) => ({ value, label: t(`campaigns.eventTypes.${value}`) })),
    channels: CHANNELS.map((value) => ({ value, label: t(`campaigns.channels.${value}`) })),
    operators: CONDITION_OPERATORS.map((value) => ({ value, label: t(`campaigns.operators.${value}`) })),
    windows: LIMIT_WINDOWS.map((value) => ({ value, label: t(`campaigns.windows.${value}`) })),
    roundings: ROUNDING_MODES.map((value) => ({ value, label: t(`campaigns.roundings.${value}`) })),
  };
}
