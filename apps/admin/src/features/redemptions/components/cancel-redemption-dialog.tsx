import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorMessage } from '@/lib/api/error-message';
import type { RedemptionDto } from '@/lib/api/types';
import { notifySuccess } from '@/lib/notify';

import { useCancelRedemption } from '../api/cancel-redemption';

interface CancelRedemptionDialogProps {
  brandId: string;
  redemption: RedemptionDto;
  rewardName: string;
  fanName: string;
  onClose: () => void;
}

/** Cancelling refunds the points once; the dialog says so and asks why (the reason is kept). */
export function CancelRedemptionDialog({
  brandId,
  redemption,
  rewardName,
  fanName,
  onClose,
}: CancelRedemptionDialogProps) {
  const { t, i18n } = useTranslation();
  const mutation = useCancelRedemption(brandId, redemption.id);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const points = new Intl.NumberFormat(i18n.language).format(redemption.points);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    mutation.mutate(reason.trim(), {
      onSuccess: () => {
        notifySuccess(t('redemptions.cancel.done', { reward: rewardName, fan: fanName }));
        onClose();
      },
    });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('redemptions.cancel.title', { reward: rewardName })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text>{t('redemptions.cancel.refund', { count: redemption.points, points, fan: fanName })}</Text>
          {redemption.status === 'fulfilled' && (
            <Text size="sm" c="dimmed">
              {t('redemptions.cancel.fulfilledHint')}
            </Text>
          )}
          <Textarea
            label={t('redemptions.cancel.reason')}
            description={t('redemptions.cancel.reasonHint')}
            required
            maxLength={500}
            autosize
            minRows={2}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('redemptions.cancel.reasonRequired') : undefined}
            data-autofocus
          />
          {mutation.isError && (
            <Alert color="red" variant="light" title={t('redemptions.cancel.failed')} role="alert">
              <Text size="sm">{errorMessage(mutation.error, t)}</Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={mutation.isPending}>
              {t('redemptions.cancel.keep')}
            </Button>
            <Button type="submit" color="red" loading={mutation.isPending}>
              {t('redemptions.cancel.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
