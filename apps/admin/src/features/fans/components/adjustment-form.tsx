import { Button, Group, NumberInput, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '@/lib/api/problem';
import { showFormError } from '@/lib/forms';
import { notifySuccess } from '@/lib/notify';

import { useCreateAdjustment } from '../api/create-adjustment';

interface FormValues {
  points: number | string;
  reason: string;
}

/**
 * Add or take points by hand. Each submission carries one Idempotency-Key, kept until it succeeds
 * or the values change, so a double click or a retry books once.
 */
export function AdjustmentForm({
  brandId,
  fanId,
  balance,
}: {
  brandId: string;
  fanId: string;
  balance: number;
}) {
  const { t } = useTranslation();
  const mutation = useCreateAdjustment(brandId, fanId);
  const idempotencyKey = useRef<string | null>(null);
  const form = useForm<FormValues>({
    initialValues: { points: '', reason: '' },
    validate: {
      points: (value) =>
        typeof value === 'number' && Number.isInteger(value) && value !== 0
          ? null
          : t('fans.adjust.pointsInvalid'),
      reason: (value) => (value.trim() ? null : t('fans.adjust.reasonRequired')),
    },
    onValuesChange: () => {
      idempotencyKey.current = null;
    },
  });

  const submit = form.onSubmit((values) => {
    if (mutation.isPending) {
      return;
    }
    idempotencyKey.current ??= crypto.randomUUID();
    mutation.mutate(
      {
        body: { points: Number(values.points), reason: values.reason.trim() },
        idempotencyKey: idempotencyKey.current,
      },
      {
        onSuccess: ({ entry }) => {
          notifySuccess(t('fans.adjust.done', { points: entry.points }));
          form.reset();
          idempotencyKey.current = null;
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'insufficient_balance') {
            form.setFieldError('points', t('fans.adjust.insufficient', { balance }));
            return;
          }
          showFormError(form, error, t);
        },
      },
    );
  });

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="adjust-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h4" id="adjust-title">
            {t('fans.adjust.title')}
          </Title>
          <Group align="flex-start">
            <NumberInput
              label={t('fans.adjust.points')}
              description={t('fans.adjust.pointsHint')}
              allowDecimal={false}
              w={200}
              {...form.getInputProps('points')}
            />
            <TextInput
              label={t('fans.adjust.reason')}
              style={{ flex: 1 }}
              maxLength={500}
              {...form.getInputProps('reason')}
            />
          </Group>
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('fans.adjust.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
