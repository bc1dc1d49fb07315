import type { LimitWindow } from '@fanfare/shared';
import {
  ActionIcon,
  Button,
  Divider,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { useRuleOptions } from '../hooks/use-rule-options';
import { liveFindings } from '../utils/campaign-draft';
import {
  type ConditionDraft,
  type LimitDraft,
  type RuleDraft,
  emptyCondition,
  emptyLimit,
} from '../utils/rule-draft';
import { PolicyFindingsList } from './policy-findings-list';

const CUSTOM = 'custom';
const CUSTOM_PREFIX = 'custom:';

export type ErrorAt = (path: string, nested?: boolean) => string | undefined;

interface RuleEditorProps {
  rule: RuleDraft;
  index: number;
  onChange: (rule: RuleDraft) => void;
  onRemove: () => void;
  errorAt: ErrorAt;
  readOnly: boolean;
}

/** One reward rule: trigger, conditions, award, limits and cooldown, with its policy findings. */
export function RuleEditor({ rule, index, onChange, onRemove, errorAt, readOnly }: RuleEditorProps) {
  const { t } = useTranslation();
  const options = useRuleOptions();
  const base = `rules.${index}`;
  const set = (changes: Partial<RuleDraft>) => onChange({ ...rule, ...changes });
  const isCustom = rule.eventType.startsWith(CUSTOM_PREFIX);
  const findings = liveFindings(rule);

  const setCondition = (position: number, changes: Partial<ConditionDraft>) =>
    set({ conditions: rule.conditions.map((c, i) => (i === position ? { ...c, ...changes } : c)) });
  const setLimit = (position: number, changes: Partial<LimitDraft>) =>
    set({ limits: rule.limits.map((l, i) => (i === position ? { ...l, ...changes } : l)) });

  return (
    <Paper withBorder radius="md" p="lg" data-testid="rule-editor">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Title order={3} size="h4">
            {rule.name.trim() || t('campaigns.rule.title', { number: index + 1 })}
          </Title>
          {!readOnly && (
            <Button
              variant="subtle"
              color="red"
              size="xs"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={onRemove}
            >
              {t('campaigns.rule.remove')}
            </Button>
          )}
        </Group>
        <TextInput
          label={t('campaigns.rule.name')}
          value={rule.name}
          onChange={(event) => set({ name: event.currentTarget.value })}
          error={errorAt(`${base}.name`)}
          required
        />

        <Divider label={t('campaigns.rule.trigger')} labelPosition="left" />
        <Group grow align="flex-start">
          <Select
            label={t('campaigns.rule.eventType')}
            data={[...options.eventTypes, { value: CUSTOM, label: t('campaigns.rule.custom') }]}
            value={isCustom ? CUSTOM : rule.eventType || null}
            onChange={(value) => set({ eventType: value === CUSTOM ? CUSTOM_PREFIX : (value ?? '') })}
            error={isCustom ? undefined : errorAt(`${base}.trigger.eventType`, true)}
            searchable
            required
          />
          {isCustom && (
            <TextInput
              label={t('campaigns.rule.customName')}
              description={t('campaigns.rule.customNameHint')}
              leftSection={<Text size="xs">{CUSTOM_PREFIX}</Text>}
              leftSectionWidth={64}
              value={rule.eventType.slice(CUSTOM_PREFIX.length)}
              onChange={(event) => set({ eventType: `${CUSTOM_PREFIX}${event.currentTarget.value}` })}
              error={errorAt(`${base}.trigger.eventType`, true)}
            />
          )}
          <MultiSelect
            label={t('campaigns.rule.channels')}
            description={t('campaigns.rule.channelsHint')}
            data={options.channels}
            value={rule.channels}
            onChange={(value) => set({ channels: value })}
            searchable
            error={errorAt(`${base}.trigger.channels`, true) ?? errorAt(`${base}.trigger`)}
            clearable
          />
        </Group>

        <Divider label={t('campaigns.rule.conditions')} labelPosition="left" />
        <Text size="sm" c="dimmed">
          {rule.conditions.length === 0
            ? t('campaigns.rule.noConditions')
            : t('campaigns.rule.conditionsHint')}
        </Text>
        {rule.conditions.map((condition, position) => (
          <ConditionRow
            key={condition.key}
            condition={condition}
            number={position + 1}
            path={`${base}.conditions.${position}`}
            errorAt={errorAt}
            readOnly={readOnly}
            onChange={(changes) => setCondition(position, changes)}
            onRemove={() => set({ conditions: rule.conditions.filter((_, i) => i !== position) })}
          />
        ))}
        {errorAt(`${base}.conditions`) && (
          <Text size="sm" c="red">
            {errorAt(`${base}.conditions`)}
          </Text>
        )}
        {!readOnly && (
          <Group>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => set({ conditions: [...rule.conditions, emptyCondition()] })}
            >
              {t('campaigns.rule.addCondition')}
            </Button>
          </Group>
        )}

        <Divider label={t('campaigns.rule.award')} labelPosition="left" />
        <SegmentedControl
          aria-label={t('campaigns.rule.awardKind')}
          value={rule.awardKind}
          onChange={(value) => set({ awardKind: value === 'per_unit' ? 'per_unit' : 'fixed' })}
          data={[
            { value: 'fixed', label: t('campaigns.rule.fixed') },
            { value: 'per_unit', label: t('campaigns.rule.perUnit') },
          ]}
          disabled={readOnly}
          w="fit-content"
        />
        {rule.awardKind === 'fixed' ? (
          <NumberInput
            label={t('campaigns.rule.points')}
            value={rule.points}
            onChange={(value) => set({ points: value })}
            error={errorAt(`${base}.award.points`) ?? errorAt(`${base}.award`)}
            min={1}
            allowDecimal={false}
            maw={200}
            required
          />
        ) : (
          <Group grow align="flex-start">
            <TextInput
              label={t('campaigns.rule.unitProperty')}
              placeholder="amount"
              value={rule.property}
              onChange={(event) => set({ property: event.currentTarget.value })}
              error={errorAt(`${base}.award.property`)}
              required
            />
            <NumberInput
              label={t('campaigns.rule.pointsPerUnit')}
              value={rule.pointsPerUnit}
              onChange={(value) => set({ pointsPerUnit: value })}
              error={errorAt(`${base}.award.pointsPerUnit`)}
              min={0}
              required
            />
            <NumberInput
              label={t('campaigns.rule.unit')}
              description={t('campaigns.rule.unitHint')}
              value={rule.unit}
              onChange={(value) => set({ unit: value })}
              error={errorAt(`${base}.award.unit`)}
              min={0}
            />
            <Select
              label={t('campaigns.rule.rounding')}
              data={options.roundings}
              value={rule.rounding}
              onChange={(value) => set({ rounding: value ?? 'floor' })}
              error={errorAt(`${base}.award.rounding`)}
              allowDeselect={false}
            />
            <NumberInput
              label={t('campaigns.rule.maxPoints')}
              description={t('campaigns.rule.maxPointsHint')}
              value={rule.maxPoints}
              onChange={(value) => set({ maxPoints: value })}
              error={errorAt(`${base}.award.maxPoints`)}
              min={1}
              allowDecimal={false}
            />
          </Group>
        )}

        <Divider label={t('campaigns.rule.limits')} labelPosition="left" />
        {rule.limits.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('campaigns.rule.noLimits')}
          </Text>
        )}
        {rule.limits.map((limit, position) => (
          <Group key={limit.key} align="flex-start" wrap="nowrap" data-testid="limit-row">
            <NumberInput
              label={t('campaigns.rule.max')}
              value={limit.max}
              onChange={(value) => setLimit(position, { max: value })}
              error={errorAt(`${base}.limits.${position}.max`)}
              min={1}
              allowDecimal={false}
              w={160}
            />
            <Select
              label={t('campaigns.rule.window')}
              data={options.windows}
              value={limit.window}
              onChange={(value) => setLimit(position, { window: value ?? 'day' })}
              error={errorAt(`${base}.limits.${position}.window`)}
              allowDeselect={false}
              w={200}
            />
            {!readOnly && (
              <ActionIcon
                variant="subtle"
                color="red"
                mt={28}
                aria-label={t('campaigns.rule.removeLimit', { number: position + 1 })}
                onClick={() => set({ limits: rule.limits.filter((_, i) => i !== position) })}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        ))}
        {errorAt(`${base}.limits`) && (
          <Text size="sm" c="red">
            {errorAt(`${base}.limits`)}
          </Text>
        )}
        {!readOnly && (
          <Group>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => set({ limits: [...rule.limits, emptyLimit(unusedWindow(rule.limits))] })}
            >
              {t('campaigns.rule.addLimit')}
            </Button>
          </Group>
        )}
        <NumberInput
          label={t('campaigns.rule.cooldown')}
          description={t('campaigns.rule.cooldownHint')}
          value={rule.cooldownSeconds}
          onChange={(value) => set({ cooldownSeconds: value })}
          error={errorAt(`${base}.cooldownSeconds`)}
          min={0}
          allowDecimal={false}
          maw={260}
        />
        <PolicyFindingsList findings={findings} />
        {errorAt(base) && (
          <Text size="sm" c="red">
            {errorAt(base)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

const WINDOW_ORDER: LimitWindow[] = ['day', 'week', 'month', 'campaign', 'lifetime'];

function unusedWindow(limits: LimitDraft[]): LimitWindow {
  return WINDOW_ORDER.find((window) => !limits.some((limit) => limit.window === window)) ?? 'day';
}

interface ConditionRowProps {
  condition: ConditionDraft;
  number: number;
  path: string;
  errorAt: ErrorAt;
  readOnly: boolean;
  onChange: (changes: Partial<ConditionDraft>) => void;
  onRemove: () => void;
}

function ConditionRow({ condition, number, path, errorAt, readOnly, onChange, onRemove }: ConditionRowProps) {
  const { t } = useTranslation();
  const options = useRuleOptions();
  const valueError = errorAt(`${path}.value`, true);

  return (
    <Group align="flex-start" wrap="nowrap" data-testid="condition-row">
      <TextInput
        label={t('campaigns.rule.property')}
        placeholder="hashtags"
        value={condition.property}
        onChange={(event) => onChange({ property: event.currentTarget.value })}
        error={errorAt(`${path}.property`)}
        w={200}
      />
      <Select
        label={t('campaigns.rule.operator')}
        data={options.operators}
        value={condition.op}
        onChange={(value) => onChange({ op: value ?? 'eq' })}
        error={errorAt(`${path}.op`)}
        allowDeselect={false}
        w={180}
      />
      <ConditionValueInput condition={condition} error={valueError} onChange={onChange} />
      {!readOnly && (
        <ActionIcon
          variant="subtle"
          color="red"
          mt={28}
          aria-label={t('campaigns.rule.removeCondition', { number })}
          onClick={onRemove}
        >
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      )}
    </Group>
  );
}

interface ConditionValueInputProps {
  condition: ConditionDraft;
  error: string | undefined;
  onChange: (changes: Partial<ConditionDraft>) => void;
}

/** The value input follows the operator: a number, a list, a text, or nothing for `exists`. */
function ConditionValueInput({ condition, error, onChange }: ConditionValueInputProps) {
  const { t } = useTranslation();
  switch (condition.op) {
    case 'exists':
      return (
        <Text size="sm" c="dimmed" mt={32} style={{ flex: 1 }}>
          {t('campaigns.rule.noValue')}
        </Text>
      );
    case 'in':
      return (
        <TagsInput
          label={t('campaigns.rule.values')}
          description={t('campaigns.rule.valuesHint')}
          value={condition.list}
          onChange={(list) => onChange({ list })}
          error={error}
          style={{ flex: 1 }}
        />
      );
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return (
        <NumberInput
          label={t('campaigns.rule.value')}
          value={condition.text}
          onChange={(value) => onChange({ text: String(value) })}
          error={error}
          style={{ flex: 1 }}
        />
      );
    case 'eq':
    case 'neq':
      return (
        <TextInput
          label={t('campaigns.rule.value')}
          description={t('campaigns.rule.valueHint')}
          value={condition.text}
          onChange={(event) => onChange({ text: event.currentTarget.value })}
          error={error}
          style={{ flex: 1 }}
        />
      );
    case 'contains':
    case 'matches':
      return (
        <TextInput
          label={t('campaigns.rule.value')}
          value={condition.text}
          onChange={(event) => onChange({ text: event.currentTarget.value })}
          error={error}
          style={{ flex: 1 }}
        />
      );
  }
}
