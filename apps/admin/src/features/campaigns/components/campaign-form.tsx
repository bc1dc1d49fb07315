import {
  Alert,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import { errorMessage } from '@/lib/api/error-message';
import { ApiError } from '@/lib/api/problem';
import type { BrandDto, CampaignDto } from '@/lib/api/types';
import { notifySuccess } from '@/lib/notify';

import { useCreateCampaign } from '../api/create-campaign';
import { useUpdateCampaign } from '../api/update-campaign';
import {
  type CampaignDraft,
  fromCampaign,
  liveErrors,
  newCampaignDraft,
  nextStatuses,
  toCreateBody,
  toUpdateBody,
} from '../utils/campaign-draft';
import { type RuleDraft, emptyRule } from '../utils/rule-draft';
import { type ErrorAt, RuleEditor } from './rule-editor';

interface CampaignFormProps {
  brand: BrandDto;
  /** The saved campaign; null to create one. */
  campaign: CampaignDto | null;
  readOnly: boolean;
  /** Extra actions next to the save button (delete). */
  actions?: ReactNode;
}

/** `rules.1.award.points` → "Rule 2 › award.points": the rule as the form numbers it. */
function describeField(field: string, t: TFunction): string {
  const match = /^rules\.(\d+)(?:\.(.+))?$/.exec(field);
  if (!match) {
    return field;
  }
  const rule = t('campaigns.rule.title', { number: Number(match[1]) + 1 });
  return match[2] ? `${rule} › ${match[2]}` : rule;
}

// Before the first save attempt an empty field is not an error yet; what is typed wrong is.
const NOT_YET = 'is required';

/**
 * Create or edit a campaign with its rules. The shared validator and policy check run as you type;
 * on save the API's answer decides, and its field errors (`rules.0.award.points`) land on the fields.
 */
export function CampaignForm({ brand, campaign, readOnly, actions }: CampaignFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const timeZone = brand.timeZone;
  const [draft, setDraft] = useState<CampaignDraft>(() =>
    campaign ? fromCampaign(campaign, timeZone) : newCampaignDraft(timeZone),
  );
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const create = useCreateCampaign(brand.id);
  const update = useUpdateCampaign(brand.id, campaign?.id ?? '');
  const saving = create.isPending || update.isPending;

  const live = useMemo(() => {
    const all = liveErrors(draft);
    return submitted
      ? all
      : Object.fromEntries(Object.entries(all).filter(([, reason]) => reason !== NOT_YET));
  }, [draft, submitted]);

  const errorAt: ErrorAt = (path, nested = false) => {
    const matches = (field: string) => field === path || (nested && field.startsWith(`${path}.`));
    const reasons = [
      ...Object.entries(serverErrors).filter(([field]) => matches(field)),
      ...Object.entries(live).filter(([field]) => matches(field) && !(field in serverErrors)),
    ].map(([, reason]) => reason);
    return reasons.length > 0 ? reasons.join('; ') : undefined;
  };

  const change = (changes: Partial<CampaignDraft>) => {
    setDraft((current) => ({ ...current, ...changes }));
    // The API's errors were about what was sent; once the form changes they may no longer hold.
    setServerErrors({});
  };
  const setRule = (index: number, rule: RuleDraft) =>
    change({ rules: draft.rules.map((r, i) => (i === index ? rule : r)) });

  const onError = (error: unknown) => {
    setSaveError(error);
    const fields = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
    setServerErrors(Object.fromEntries(fields.map(({ field, reason }) => [field, reason])));
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setSaveError(null);
    if (campaign) {
      update.mutate(toUpdateBody(draft, timeZone), {
        onSuccess: (saved) => {
          setDraft(fromCampaign(saved, timeZone));
          setSubmitted(false);
          notifySuccess(t('campaigns.form.saved', { name: saved.name }));
        },
        onError,
      });
    } else {
      create.mutate(toCreateBody(draft, timeZone), {
        onSuccess: (saved) => {
          notifySuccess(t('campaigns.form.created', { name: saved.name }));
          void navigate(`/brands/${brand.id}/campaigns/${saved.id}`, { replace: true });
        },
        onError,
      });
    }
  };

  const statuses = nextStatuses(campaign?.status ?? null);
  const saveFieldErrors = saveError instanceof ApiError ? (saveError.problem?.errors ?? []) : [];

  return (
    <form onSubmit={save} noValidate aria-label={t('campaigns.form.details')}>
      <fieldset disabled={readOnly} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        <Stack gap="lg">
          {saveError !== null && (
            <Alert color="red" title={t('campaigns.form.saveFailed')} role="alert" data-testid="save-error">
              <Text size="sm">{errorMessage(saveError, t)}</Text>
              {saveFieldErrors.length > 0 && (
                <List size="sm" mt="xs">
                  {saveFieldErrors.map(({ field, reason }) => (
                    <List.Item key={`${field}-${reason}`}>
                      {field ? `${describeField(field, t)}: ${reason}` : reason}
                    </List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          <Paper withBorder radius="md" p="lg">
            <Stack gap="md">
              <TextInput
                label={t('campaigns.form.name')}
                value={draft.name}
                onChange={(event) => change({ name: event.currentTarget.value })}
                error={errorAt('name')}
                required
              />
              <Textarea
                label={t('campaigns.form.description')}
                value={draft.description}
                onChange={(event) => change({ description: event.currentTarget.value })}
                error={errorAt('description')}
                autosize
                minRows={2}
              />
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
                <TextInput
                  type="datetime-local"
                  label={t('campaigns.form.startsAt')}
                  description={t('campaigns.form.timeZoneHint', { zone: timeZone })}
                  value={draft.startsAt}
                  onChange={(event) => change({ startsAt: event.currentTarget.value })}
                  error={errorAt('startsAt')}
                  required
                />
                <TextInput
                  type="datetime-local"
                  label={t('campaigns.form.endsAt')}
                  description={t('campaigns.form.endsAtHint')}
                  value={draft.endsAt}
                  onChange={(event) => change({ endsAt: event.currentTarget.value })}
                  error={errorAt('endsAt')}
                />
                <Select
                  label={t('campaigns.form.status')}
                  data={statuses.map((value) => ({ value, label: t(`campaigns.status.${value}`) }))}
                  value={draft.status}
                  onChange={(value) => change({ status: value ?? draft.status })}
                  error={errorAt('status')}
                  allowDeselect={false}
                />
                <NumberInput
                  label={t('campaigns.form.budget')}
                  description={t('campaigns.form.budgetHint')}
                  value={draft.budgetPoints}
                  onChange={(value) => change({ budgetPoints: value })}
                  error={errorAt('budgetPoints')}
                  min={1}
                  allowDecimal={false}
                />
              </SimpleGrid>
            </Stack>
          </Paper>

          <Title order={2} size="h3">
            {t('campaigns.form.rules')}
          </Title>
          {draft.rules.length === 0 && <Text c="dimmed">{t('campaigns.form.noRules')}</Text>}
          {errorAt('rules') && (
            <Text size="sm" c="red">
              {errorAt('rules')}
            </Text>
          )}
          {draft.rules.map((rule, index) => (
            <RuleEditor
              key={rule.key}
              rule={rule}
              index={index}
              errorAt={errorAt}
              readOnly={readOnly}
              onChange={(next) => setRule(index, next)}
              onRemove={() => change({ rules: draft.rules.filter((_, i) => i !== index) })}
            />
          ))}
          {!readOnly && (
            <Group justify="space-between">
              <Button
                variant="light"
                leftSection={<IconPlus size={18} aria-hidden />}
                onClick={() => change({ rules: [...draft.rules, emptyRule()] })}
              >
                {t('campaigns.form.addRule')}
              </Button>
              <Group>
                {actions}
                <Button type="submit" loading={saving}>
                  {campaign ? t('campaigns.form.save') : t('campaigns.form.create')}
                </Button>
              </Group>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
