import { MAX_REPORT_RANGE_DAYS } from '@fanfare/shared';
import { Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { useCurrentBrand } from '@/lib/current-brand';

import { formatDay } from '../utils/chart-rows';
import { formatCount } from '../utils/numbers';
import {
  RANGE_PRESETS,
  type RangeProblem,
  type RangeSelection,
  type ResolvedRange,
  customFrom,
} from '../utils/report-range';

interface RangePickerProps {
  selection: RangeSelection;
  resolved: ResolvedRange;
  /** Today in the brand's time zone: presets end on it. */
  today: string;
  onChange: (selection: RangeSelection) => void;
}

/** Last 7/30/90/365 days or a custom from–to; a custom range's problems show on its fields. */
export function RangePicker({ selection, resolved, today, onChange }: RangePickerProps) {
  const { t, i18n } = useTranslation();
  const brand = useCurrentBrand();
  const labelId = useId();
  const errors = resolved.valid ? {} : resolved.errors;
  const message = (problem: RangeProblem | undefined) =>
    problem &&
    t(`analytics.range.errors.${problem}`, { max: formatCount(MAX_REPORT_RANGE_DAYS, i18n.language) });

  return (
    <Stack gap={6}>
      <Group align="flex-start" gap="md" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id={labelId}>
            {t('analytics.range.label')}
          </Text>
          <SegmentedControl
            aria-labelledby={labelId}
            value={selection.preset}
            data={[
              ...RANGE_PRESETS.map((preset) => ({
                value: preset,
                label: t(`analytics.range.presets.${preset}`),
              })),
              { value: 'custom', label: t('analytics.range.custom') },
            ]}
            onChange={(value) => {
              const preset = RANGE_PRESETS.find((candidate) => candidate === value);
              onChange(preset ? { preset } : customFrom(selection, today));
            }}
          />
        </Stack>
        {selection.preset === 'custom' && (
          <>
            <TextInput
              type="date"
              label={t('analytics.range.from')}
              value={selection.from}
              max={selection.to || today}
              error={message(errors.from)}
              onChange={(event) => onChange({ ...selection, from: event.currentTarget.value })}
              w={180}
            />
            <TextInput
              type="date"
              label={t('analytics.range.to')}
              value={selection.to}
              min={selection.from || undefined}
              error={message(errors.to)}
              onChange={(event) => onChange({ ...selection, to: event.currentTarget.value })}
              w={180}
            />
          </>
        )}
      </Group>
      {resolved.valid && (
        <Text size="sm" c="dimmed" data-testid="report-range">
          {t('analytics.range.summary', {
            from: formatDay(resolved.from, i18n.language),
            to: formatDay(resolved.to, i18n.language),
            count: resolved.days,
            timeZone: brand.timeZone,
          })}
        </Text>
      )}
    </Stack>
  );
}
