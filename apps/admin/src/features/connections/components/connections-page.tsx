import { Alert, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageHeader } from '@/components/page-header';
import { permissionsOf, useCurrentBrand } from '@/lib/current-brand';

import { useConnections } from '../api/get-connections';
import { DeliveryLog } from './delivery-log';
import { MetaConnectionCard } from './meta-connection-card';
import { SendersCard } from './senders-card';

/**
 * Settings → Connections: the brand's Meta app (Pages, Instagram, WhatsApp), its own systems sending
 * signed webhooks, and the log of every delivery received with what it came to.
 */
export function ConnectionsPage() {
  const { t } = useTranslation();
  const brand = useCurrentBrand();
  const canManage = permissionsOf(brand.role).manageConnections;

  return (
    <>
      <PageHeader order={2} title={t('connections.title')} description={t('connections.description')} />
      {canManage ? (
        <ConnectionsSections key={brand.id} brandId={brand.id} />
      ) : (
        <Alert icon={<IconInfoCircle aria-hidden />} variant="light">
          {t('connections.managersOnly')}
        </Alert>
      )}
    </>
  );
}

function ConnectionsSections({ brandId }: { brandId: string }) {
  const connections = useConnections(brandId);

  if (connections.isPending) {
    return <LoadingState />;
  }
  if (connections.isError) {
    return <ErrorState error={connections.error} onRetry={() => void connections.refetch()} />;
  }
  return (
    <Stack gap="lg">
      <MetaConnectionCard brandId={brandId} connection={connections.data.meta} />
      <SendersCard
        brandId={brandId}
        senders={connections.data.senders}
        genericPath={connections.data.genericPath}
      />
      <DeliveryLog brandId={brandId} senders={connections.data.senders} />
    </Stack>
  );
}
