import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';

import type { BrandDto, RewardDto } from '@/lib/api/types';
import { showFormError } from '@/lib/forms';
import { notifySuccess } from '@/lib/notify';

import { useCreateReward } from '../api/create-reward';
import { useTiers } from '../api/get-tiers';
import { useUpdateReward } from '../api/update-reward';
import { rewardNames } from '../utils/reward-display';
import {
  PER_FAN_PERIODS,
  REWARD_KINDS,
  type RewardDraft,
  draftErrors,
  fromReward,
  newRewardDraft,
  toRewardBody,
} from '../utils/reward-draft';

interface RewardFormModalProps {
  brand: BrandDto;
  /** The reward to edit; null to create one. */
  reward: RewardDto | null;
  readOnly: boolean;
  onClose: () => void;
}

/**
 * Create or edit a reward, German and English side by side. The form checks what it can; the API's
 * field errors land next to the same fields.
 */
export function RewardFormModal({ brand, reward, readOnly, onClose }: RewardFormModalProps) {
  const { t, i18n } = useTranslation();
  const create = useCreateReward(brand.id);
  const update = useUpdateReward(brand.id);
  const tiers = useTiers(brand.id);
  const form = useForm<RewardDraft>({
    initialValues: reward ? fromReward(reward, brand.timeZone) : newRewardDraft(),
    validate: (values) =>
      Object.fromEntries(
        Object.entries(draftErrors(values)).map(([field, error]) => [
          field,
          t(`rewards.form.errors.${error}`),
        ]),
      ),
  });
  const values = form.getValues();
  const saving = create.isPending || update.isPending;

  const submit = form.onSubmit((draft) => {
    const body = toRewardBody(draft, brand.timeZone);
    const onError = (error: unknown) => showFormError(form, error, t);
    const onSuccess = (saved: RewardDto) => {
      const name = rewardNames(saved, i18n.language).primary;
      notifySuccess(reward ? t('rewards.form.saved', { name }) : t('rewards.form.created', { name }));
      onClose();
    };
    if (reward) {
      update.mutate({ rewardId: reward.id, body }, { onSuccess, onError });
    } else {
      create.mutate(body, { onSuccess, onError });
    }
  });

  const tierOptions = (tiers.data?.tiers ?? []).map((tier) => tier.name);
  if (values.minTier && !tierOptions.includes(values.minTier)) {
    tierOptions.unshift(values.minTier);
  }
  const title = reward
    ? t(readOnly ? 'rewards.form.viewTitle' : 'rewards.form.editTitle', {
        name: rewardNames(reward, i18n.language).primary,
      })
    : t('rewards.form.createTitle');

  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate aria-label={title}>
        <fieldset disabled={readOnly} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Stack gap="sm" component="section" aria-labelledby="reward-form-de">
                <Title order={3} size="h5" id="reward-form-de">
                  {t('rewards.form.german')}
                </Title>
                <TextInput
                  label={t('rewards.form.nameDe')}
                  required
                  maxLength={200}
                  data-autofocus
                  {...form.getInputProps('nameDe')}
                />
                <Textarea
                  label={t('rewards.form.descriptionDe')}
                  autosize
                  minRows={2}
                  {...form.getInputProps('descriptionDe')}
                />
              </Stack>
              <Stack gap="sm" component="section" aria-labelledby="reward-form-en">
                <Title order={3} size="h5" id="reward-form-en">
                  {t('rewards.form.english')}
                </Title>
                <TextInput
                  label={t('rewards.form.nameEn')}
                  required
                  maxLength={200}
                  {...form.getInputProps('nameEn')}
                />
                <Textarea
                  label={t('rewards.form.descriptionEn')}
                  autosize
                  minRows={2}
                  {...form.getInputProps('descriptionEn')}
                />
              </Stack>
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('rewards.form.kind')}
                description={t(`rewards.kindHint.${values.kind}`)}
                data={REWARD_KINDS.map((kind) => ({ value: kind, label: t(`rewards.kind.${kind}`) }))}
                allowDeselect={false}
                readOnly={readOnly}
                {...form.getInputProps('kind')}
              />
              <NumberInput
                label={t('rewards.form.costPoints')}
                required
                min={1}
                allowDecimal={false}
                thousandSeparator=" "
                {...form.getInputProps('costPoints')}
              />
              {values.kind !== 'coupon' && (
                <NumberInput
                  label={t('rewards.form.stock')}
                  description={t('rewards.form.stockHint')}
                  min={0}
                  allowDecimal={false}
                  {...form.getInputProps('stock')}
                />
              )}
            </SimpleGrid>
            {values.kind === 'download' && (
              <TextInput
                type="url"
                label={t('rewards.form.downloadUrl')}
                description={t('rewards.form.downloadUrlHint')}
                required
                {...form.getInputProps('downloadUrl')}
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label={t('rewards.form.perFanLimit')}
                description={t('rewards.form.perFanLimitHint')}
                min={1}
                allowDecimal={false}
                {...form.getInputProps('perFanLimit')}
              />
              <Select
                label={t('rewards.form.perFanPeriod')}
                data={PER_FAN_PERIODS.map((period) => ({
                  value: period,
                  label: t(`rewards.period.${period}`),
                }))}
                allowDeselect={false}
                readOnly={readOnly}
                disabled={values.perFanLimit === ''}
                {...form.getInputProps('perFanPeriod')}
              />
              <Select
                label={t('rewards.form.minTier')}
                description={t('rewards.form.minTierHint')}
                placeholder={t('rewards.form.everyone')}
                data={tierOptions}
                clearable
                readOnly={readOnly}
                {...form.getInputProps('minTier')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                type="datetime-local"
                label={t('rewards.form.availableFrom')}
                description={t('rewards.form.timeZoneHint', { zone: brand.timeZone })}
                {...form.getInputProps('availableFrom')}
              />
              <TextInput
                type="datetime-local"
                label={t('rewards.form.availableUntil')}
                description={t('rewards.form.availableUntilHint')}
                {...form.getInputProps('availableUntil')}
              />
              <NumberInput
                label={t('rewards.form.lowStockThreshold')}
                description={t('rewards.form.lowStockThresholdHint')}
                min={0}
                allowDecimal={false}
                {...form.getInputProps('lowStockThreshold')}
              />
            </SimpleGrid>
            <TextInput
              type="url"
              label={t('rewards.form.imageUrl')}
              description={t('rewards.form.imageUrlHint')}
              {...form.getInputProps('imageUrl')}
            />
            <Switch
              label={t('rewards.form.active')}
              description={t('rewards.form.activeHint')}
              {...form.getInputProps('active', { type: 'checkbox' })}
            />
          </Stack>
        </fieldset>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={onClose} disabled={saving}>
            {readOnly ? t('common.close') : t('common.cancel')}
          </Button>
          {!readOnly && (
            <Button type="submit" loading={saving}>
              {reward ? t('common.save') : t('rewards.form.create')}
            </Button>
          )}
        </Group>
      </form>
    </Modal>
  );
}
