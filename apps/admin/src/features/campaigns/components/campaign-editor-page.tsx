import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconInfoCircle, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';

import { ConfirmDialog } from '@/components/confirm-dialog';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api/error-message';
import type { CampaignDto } from '@/lib/api/types';
import { permissionsOf, useCurrentBrand } from '@/lib/current-brand';
import { notifyError, notifySuccess } from '@/lib/notify';

import { useDeleteCampaign } from '../api/delete-campaign';
import { useCampaign } from '../api/get-campaign';
import { CampaignForm } from './campaign-form';
import { CampaignStatusBadge } from './campaign-status-badge';
import { SimulatorPanel } from './simulator-panel';

function BackLink({ brandId }: { brandId: string }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={`/brands/${brandId}/campaigns`} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={16} aria-hidden />
        {t('campaigns.form.back')}
      </Group>
    </Anchor>
  );
}

/** `campaigns/new`: an empty form; saving it opens the new campaign's page. */
export function NewCampaignPage() {
  const { t } = useTranslation();
  const brand = useCurrentBrand();
  const canManage = permissionsOf(brand.role).manageCampaigns;
  return (
    <Stack gap="md">
      <BackLink brandId={brand.id} />
      <PageHeader title={t('campaigns.form.newTitle')} />
      {canManage ? (
        <CampaignForm brand={brand} campaign={null} readOnly={false} />
      ) : (
        <Alert icon={<IconInfoCircle aria-hidden />} variant="light">
          {t('campaigns.form.readOnly')}
        </Alert>
      )}
    </Stack>
  );
}

/** `campaigns/:campaignId`: the campaign's form, its rules and the simulator. */
export function CampaignPage() {
  const { campaignId = '' } = useParams();
  const brand = useCurrentBrand();
  const campaign = useCampaign(brand.id, campaignId);

  if (campaign.isPending) {
    return <LoadingState />;
  }
  if (campaign.isError) {
    return <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />;
  }
  // The form resets itself from the API's answer after a save; a different campaign remounts it.
  return <CampaignView key={campaign.data.id} campaign={campaign.data} />;
}

function CampaignView({ campaign }: { campaign: CampaignDto }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const brand = useCurrentBrand();
  const navigate = useNavigate();
  const canManage = permissionsOf(brand.role).manageCampaigns;
  const remove = useDeleteCampaign(brand.id);
  const [confirming, setConfirming] = useState(false);

  const confirmDelete = () => {
    remove.mutate(campaign.id, {
      onSuccess: () => {
        notifySuccess(t('campaigns.form.deleted', { name: campaign.name }));
        void navigate(`/brands/${brand.id}/campaigns`);
      },
      onError: (error) => {
        notifyError(errorMessage(error, t));
        setConfirming(false);
      },
    });
  };

  return (
    <Stack gap="md">
      <BackLink brandId={brand.id} />
      <PageHeader
        title={campaign.name}
        actions={<CampaignStatusBadge status={campaign.status} />}
        description={
          campaign.budgetPoints === null
            ? t('campaigns.form.issued', { issued: number(campaign.pointsIssued) })
            : t('campaigns.form.issuedOfBudget', {
                issued: number(campaign.pointsIssued),
                budget: number(campaign.budgetPoints),
                left: number(campaign.budgetLeft ?? 0),
              })
        }
      />
      {!canManage && (
        <Alert icon={<IconInfoCircle aria-hidden />} variant="light">
          <Text size="sm">{t('campaigns.form.readOnly')}</Text>
        </Alert>
      )}
      <CampaignForm
        brand={brand}
        campaign={campaign}
        readOnly={!canManage}
        actions={
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={18} aria-hidden />}
            onClick={() => setConfirming(true)}
          >
            {t('campaigns.form.delete')}
          </Button>
        }
      />
      {canManage && <SimulatorPanel brand={brand} campaign={campaign} />}
      <ConfirmDialog
        opened={confirming}
        title={t('campaigns.form.deleteTitle')}
        message={t('campaigns.form.deleteText', { name: campaign.name })}
        confirmLabel={t('campaigns.form.delete')}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
