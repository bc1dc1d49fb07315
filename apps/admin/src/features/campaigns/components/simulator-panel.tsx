import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconCheck, IconPlayerPlay, IconX } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorMessage } from '@/lib/api/error-message';
import type { BrandDto, CampaignDto, SimulateDto, SimulatedRuleDto, SimulationDto } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format';
import { fromZonedInput, toZonedInput } from '@/lib/zoned-time';

import { useSimulateEvent } from '../api/simulate-event';
import { useRuleOptions } from '../hooks/use-rule-options';
import { exampleProperties } from '../utils/example-properties';

interface SimulatorPanelProps {
  brand: BrandDto;
  campaign: CampaignDto;
}

interface EventDraft {
  type: string;
  channel: string;
  externalId: string;
  properties: string;
  occurredAt: string;
}

function initialEvent(campaign: CampaignDto, timeZone: string): EventDraft {
  const first = campaign.rules[0]?.definition;
  return {
    type: first?.trigger.eventType ?? 'comment',
    channel: first?.trigger.channels?.[0] ?? 'instagram',
    // An event without a fan earns nothing, so the simulator starts with a (new) fan.
    externalId: 'simulator-fan',
    properties: JSON.stringify(first ? exampleProperties(first) : {}, null, 2),
    occurredAt: toZonedInput(new Date(), timeZone),
  };
}

/** Compose an event, ask the API what it would earn now and why; nothing is booked. */
export function SimulatorPanel({ brand, campaign }: SimulatorPanelProps) {
  const { t } = useTranslation();
  const options = useRuleOptions();
  const simulate = useSimulateEvent(brand.id);
  const [event, setEvent] = useState<EventDraft>(() => initialEvent(campaign, brand.timeZone));
  const [propertiesError, setPropertiesError] = useState<string | null>(null);
  const set = (changes: Partial<EventDraft>) => setEvent((current) => ({ ...current, ...changes }));

  const run = (formEvent: FormEvent) => {
    formEvent.preventDefault();
    let properties: unknown;
    try {
      properties = event.properties.trim() === '' ? {} : JSON.parse(event.properties);
    } catch {
      properties = undefined;
    }
    if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
      setPropertiesError(t('campaigns.simulator.propertiesInvalid'));
      return;
    }
    setPropertiesError(null);
    const externalId = event.externalId.trim();
    simulate.mutate({
      event: {
        id: `simulation-${Date.now()}`,
        type: event.type,
        channel: event.channel as SimulateDto['event']['channel'],
        occurredAt: fromZonedInput(event.occurredAt, brand.timeZone) ?? new Date().toISOString(),
        ...(externalId ? { fan: { externalId } } : {}),
        properties: properties as Record<string, unknown>,
      },
    });
  };

  const typeOptions = options.eventTypes.some(({ value }) => value === event.type)
    ? options.eventTypes
    : [{ value: event.type, label: event.type }, ...options.eventTypes];

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="simulator-title">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="simulator-title">
            {t('campaigns.simulator.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('campaigns.simulator.description')}
          </Text>
        </div>
        {campaign.status !== 'active' && (
          <Alert color="yellow" variant="light">
            {t('campaigns.simulator.notActive')}
          </Alert>
        )}
        <form onSubmit={run} noValidate>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              <Select
                label={t('campaigns.simulator.type')}
                data={typeOptions}
                value={event.type}
                onChange={(value) => set({ type: value ?? event.type })}
                allowDeselect={false}
                searchable
              />
              <Select
                label={t('campaigns.simulator.channel')}
                data={options.channels}
                value={event.channel}
                onChange={(value) => set({ channel: value ?? event.channel })}
                allowDeselect={false}
              />
              <TextInput
                label={t('campaigns.simulator.externalId')}
                description={t('campaigns.simulator.externalIdHint')}
                value={event.externalId}
                onChange={(e) => set({ externalId: e.currentTarget.value })}
              />
              <TextInput
                type="datetime-local"
                label={t('campaigns.simulator.occurredAt')}
                description={t('campaigns.form.timeZoneHint', { zone: brand.timeZone })}
                value={event.occurredAt}
                onChange={(e) => set({ occurredAt: e.currentTarget.value })}
              />
            </SimpleGrid>
            <Textarea
              label={t('campaigns.simulator.properties')}
              description={t('campaigns.simulator.propertiesHint')}
              value={event.properties}
              onChange={(e) => set({ properties: e.currentTarget.value })}
              error={propertiesError}
              autosize
              minRows={3}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <Group>
              <Button
                type="submit"
                loading={simulate.isPending}
                leftSection={<IconPlayerPlay size={18} aria-hidden />}
              >
                {t('campaigns.simulator.run')}
              </Button>
            </Group>
          </Stack>
        </form>
        {simulate.isError && (
          <Alert color="red" role="alert">
            {errorMessage(simulate.error, t)}
          </Alert>
        )}
        {simulate.data && <SimulationResult result={simulate.data} campaign={campaign} brand={brand} />}
      </Stack>
    </Paper>
  );
}

function SimulationResult({
  result,
  campaign,
  brand,
}: {
  result: SimulationDto;
  campaign: CampaignDto;
  brand: BrandDto;
}) {
  const { t } = useTranslation();
  const ours = result.rules.filter((rule) => rule.campaignId === campaign.id);
  const others = result.rules.length - ours.length;
  return (
    <Stack gap="sm" data-testid="simulation-result" aria-live="polite">
      <Group gap="md">
        <Text fw={700} size="lg" data-testid="simulation-points">
          {t('campaigns.simulator.total', { count: result.points })}
        </Text>
        <Text size="sm" c="dimmed">
          {result.tier
            ? t('campaigns.simulator.tier', { tier: result.tier, multiplier: result.multiplier })
            : t('campaigns.simulator.noTier')}
        </Text>
      </Group>
      {others > 0 && (
        <Text size="sm" c="dimmed">
          {t('campaigns.simulator.otherRules', { count: others })}
        </Text>
      )}
      {ours.length === 0 && <Text c="dimmed">{t('campaigns.simulator.noRules')}</Text>}
      {ours.map((rule) => (
        <SimulatedRule key={rule.ruleId} rule={rule} timeZone={brand.timeZone} />
      ))}
    </Stack>
  );
}

function SimulatedRule({ rule, timeZone }: { rule: SimulatedRuleDto; timeZone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="simulated-rule">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{rule.ruleName}</Text>
          <Group gap="xs">
            <Badge color={rule.matched ? 'teal' : 'gray'} variant="light">
              {rule.matched ? t('campaigns.simulator.matched') : t('campaigns.simulator.notMatched')}
            </Badge>
            <Badge color={rule.wouldAward ? 'teal' : 'red'} variant="filled" data-testid="simulated-points">
              {t('campaigns.simulator.points', { count: rule.points })}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">{rule.explanation}</Text>
        {rule.conditions.length > 0 && (
          <Table withTableBorder verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('campaigns.simulator.condition')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.simulator.actual')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.simulator.result')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rule.conditions.map((condition) => (
                <Table.Tr key={condition.condition}>
                  <Table.Td>
                    <Code>{condition.condition}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Code>
                      {condition.actual === null
                        ? t('campaigns.simulator.missing')
                        : JSON.stringify(condition.actual)}
                    </Code>
                  </Table.Td>
                  <Table.Td>
                    {condition.passed ? (
                      <Group gap={4} c="teal">
                        <IconCheck size={16} aria-hidden />
                        {t('campaigns.simulator.passed')}
                      </Group>
                    ) : (
                      <Group gap={4} c="red">
                        <IconX size={16} aria-hidden />
                        {t('campaigns.simulator.failed')}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {rule.limits.map((limit) => (
          <Text key={limit.window} size="sm" c={limit.reached ? 'red' : undefined}>
            {t('campaigns.simulator.limit', {
              window: t(`campaigns.windows.${limit.window}`),
              used: limit.used,
              max: limit.max,
            })}
            {limit.resetsAt &&
              ` · ${t('campaigns.simulator.resetsAt', { date: formatDateTime(limit.resetsAt, i18n.language, timeZone) })}`}
          </Text>
        ))}
        <Text size="sm" c="dimmed">
          {rule.budgetLeft === null
            ? t('campaigns.simulator.noBudget')
            : t('campaigns.simulator.budgetLeft', { count: rule.budgetLeft })}
        </Text>
      </Stack>
    </Paper>
  );
}
