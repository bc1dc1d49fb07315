import { MAX_TIERS, type TierBasis, validateTierLadder } from '@fanfare/shared';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api/error-message';
import { ApiError } from '@/lib/api/problem';
import type { PutTiersDto, TiersDto } from '@/lib/api/types';
import { permissionsOf, useCurrentBrand } from '@/lib/current-brand';
import { notifySuccess } from '@/lib/notify';

import { useTiers } from '../api/get-tiers';
import { useReplaceTiers } from '../api/replace-tiers';

interface TierDraft {
  key: string;
  name: string;
  threshold: number | string;
  multiplier: number | string;
  perks: string;
}

let lastKey = 0;
function newKey(): string {
  lastKey += 1;
  return `tier-${lastKey}`;
}

function toDrafts(tiers: TiersDto['tiers']): TierDraft[] {
  return tiers.map((tier) => ({ key: newKey(), ...tier }));
}

function numberOf(value: number | string): number | undefined {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? undefined : Number(value);
}

function toBody(basis: TierBasis, tiers: TierDraft[]): PutTiersDto {
  return {
    basis,
    tiers: tiers.map((tier) => ({
      name: tier.name.trim(),
      threshold: numberOf(tier.threshold) as number,
      multiplier: numberOf(tier.multiplier) as number,
      perks: tier.perks,
    })),
  };
}

/** Settings → Tiers: the ladder and what its thresholds count, checked as you type, saved whole. */
export function TiersPage() {
  const { t } = useTranslation();
  const brand = useCurrentBrand();
  const tiers = useTiers(brand.id);

  return (
    <>
      <PageHeader order={2} title={t('tiers.title')} description={t('tiers.description')} />
      {tiers.isPending ? (
        <LoadingState />
      ) : tiers.isError ? (
        <ErrorState error={tiers.error} onRetry={() => void tiers.refetch()} />
      ) : (
        <TierLadderForm initial={tiers.data} readOnly={!permissionsOf(brand.role).manageTiers} />
      )}
    </>
  );
}

function TierLadderForm({ initial, readOnly }: { initial: TiersDto; readOnly: boolean }) {
  const { t } = useTranslation();
  const brand = useCurrentBrand();
  const save = useReplaceTiers(brand.id);
  const [basis, setBasis] = useState<TierBasis>(initial.basis);
  const [drafts, setDrafts] = useState<TierDraft[]>(() => toDrafts(initial.tiers));
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<unknown>(null);

  const live = useMemo(() => {
    const errors: Record<string, string> = {};
    for (const { field, reason } of validateTierLadder(toBody(basis, drafts).tiers)) {
      errors[field] = errors[field] ? `${errors[field]}; ${reason}` : reason;
    }
    return errors;
  }, [basis, drafts]);
  const errorAt = (field: string) => serverErrors[field] ?? live[field];

  const change = (next: TierDraft[]) => {
    setDrafts(next);
    setServerErrors({});
  };
  const setTier = (index: number, changes: Partial<TierDraft>) =>
    change(drafts.map((tier, i) => (i === index ? { ...tier, ...changes } : tier)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaveError(null);
    save.mutate(toBody(basis, drafts), {
      onSuccess: (saved) => {
        setBasis(saved.basis);
        setDrafts(toDrafts(saved.tiers));
        notifySuccess(t('tiers.saved'));
      },
      onError: (error) => {
        setSaveError(error);
        const fields = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
        setServerErrors(Object.fromEntries(fields.map(({ field, reason }) => [field, reason])));
      },
    });
  };

  const addTier = () => {
    const last = drafts[drafts.length - 1];
    const threshold = last ? (numberOf(last.threshold) ?? 0) * 2 || 100 : 0;
    change([
      ...drafts,
      { key: newKey(), name: '', threshold, multiplier: last ? last.multiplier : 1, perks: '' },
    ]);
  };

  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={readOnly} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        <Stack gap="md">
          {readOnly && (
            <Alert icon={<IconInfoCircle aria-hidden />} variant="light">
              {t('tiers.readOnly')}
            </Alert>
          )}
          {saveError !== null && (
            <Alert color="red" role="alert" title={t('tiers.saveFailed')}>
              {errorMessage(saveError, t)}
            </Alert>
          )}
          <div>
            <Text fw={500} size="sm" mb={4} id="tier-basis-label">
              {t('tiers.basis.label')}
            </Text>
            <SegmentedControl
              aria-labelledby="tier-basis-label"
              value={basis}
              onChange={(value) => setBasis(value === 'rolling_12_months' ? 'rolling_12_months' : 'lifetime')}
              data={[
                { value: 'lifetime', label: t('tiers.basis.lifetime') },
                { value: 'rolling_12_months', label: t('tiers.basis.rolling') },
              ]}
              disabled={readOnly}
            />
          </div>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="sm" aria-label={t('tiers.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('tiers.columns.name')}</Table.Th>
                    <Table.Th scope="col">{t('tiers.columns.threshold')}</Table.Th>
                    <Table.Th scope="col">{t('tiers.columns.multiplier')}</Table.Th>
                    <Table.Th scope="col">{t('tiers.columns.perks')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('tiers.columns.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {drafts.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={5}>
                        <Text c="dimmed" ta="center" py="lg">
                          {t('tiers.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {drafts.map((tier, index) => (
                    <Table.Tr key={tier.key} data-testid="tier-row" style={{ verticalAlign: 'top' }}>
                      <Table.Td>
                        <TextInput
                          aria-label={t('tiers.columns.name')}
                          value={tier.name}
                          onChange={(event) => setTier(index, { name: event.currentTarget.value })}
                          error={errorAt(`tiers.${index}.name`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={t('tiers.columns.threshold')}
                          value={tier.threshold}
                          onChange={(value) => setTier(index, { threshold: value })}
                          error={errorAt(`tiers.${index}.threshold`)}
                          min={0}
                          allowDecimal={false}
                          thousandSeparator
                          w={140}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={t('tiers.columns.multiplier')}
                          value={tier.multiplier}
                          onChange={(value) => setTier(index, { multiplier: value })}
                          error={errorAt(`tiers.${index}.multiplier`)}
                          min={1}
                          max={10}
                          step={0.25}
                          decimalScale={2}
                          prefix="×"
                          w={120}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={t('tiers.columns.perks')}
                          value={tier.perks}
                          onChange={(event) => setTier(index, { perks: event.currentTarget.value })}
                          error={errorAt(`tiers.${index}.perks`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        {!readOnly && (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            mt={6}
                            aria-label={t('tiers.remove', { name: tier.name || index + 1 })}
                            onClick={() => change(drafts.filter((_, i) => i !== index))}
                          >
                            <IconTrash size={18} aria-hidden />
                          </ActionIcon>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          {errorAt('tiers') && (
            <Text size="sm" c="red">
              {errorAt('tiers')}
            </Text>
          )}
          {!readOnly && (
            <Group justify="space-between">
              <Button
                variant="light"
                leftSection={<IconPlus size={18} aria-hidden />}
                onClick={addTier}
                disabled={drafts.length >= MAX_TIERS}
              >
                {t('tiers.add')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('tiers.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
