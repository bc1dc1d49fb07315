import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowLeft, IconArrowMerge, IconDownload, IconEraser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';

import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api/error-message';
import type { FanDto } from '@/lib/api/types';
import { useCurrentBrand } from '@/lib/current-brand';
import { formatDateTime } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/notify';

import { useExportFan } from '../api/export-fan';
import { useFan } from '../api/get-fan';
import { type FanActions, fanActionsOf } from '../utils/fan-actions';
import { AdjustmentForm } from './adjustment-form';
import { EraseFanDialog } from './erase-fan-dialog';
import { FanEventsTable } from './fan-events-table';
import { FanIdentities } from './fan-identities';
import { fanName } from './fan-name';
import { LedgerTable } from './ledger-table';
import { MergeFanModal } from './merge-fan-modal';

type HistoryView = 'ledger' | 'events';

/**
 * One fan: balance, tier, identities, consent, the points history and the events (one at a time, the
 * choice in the URL), and for managers a manual adjustment, linking accounts, merge, export and GDPR
 * erasure.
 */
export function FanPage() {
  const { fanId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const brand = useCurrentBrand();
  const fan = useFan(brand.id, fanId);
  const [searchParams, setSearchParams] = useSearchParams();
  const view: HistoryView = searchParams.get('history') === 'events' ? 'events' : 'ledger';

  if (fan.isPending) {
    return <LoadingState />;
  }
  if (fan.isError) {
    return <ErrorState error={fan.error} onRetry={() => void fan.refetch()} />;
  }
  const actions = fanActionsOf(brand.role, fan.data);

  const showView = (next: string | null) => {
    const params = new URLSearchParams(searchParams);
    // Each list has its own cursors: a cursor of the ledger means nothing to the events.
    params.delete('cursor');
    if (next === 'events') {
      params.set('history', 'events');
    } else {
      params.delete('history');
    }
    setSearchParams(params);
  };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/brands/${brand.id}/fans`} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={16} aria-hidden />
          {t('fans.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={fanName(fan.data, t)}
        description={fan.data.email ?? undefined}
        actions={<FanActionButtons brandId={brand.id} fan={fan.data} actions={actions} />}
      />
      {fan.data.erasedAt && (
        <Alert color="gray" variant="light" data-testid="fan-erased">
          {t('fans.erasedAt', { date: formatDateTime(fan.data.erasedAt, i18n.language, brand.timeZone) })}
        </Alert>
      )}
      <FanFacts fan={fan.data} timeZone={brand.timeZone} />
      <FanIdentities brandId={brand.id} fan={fan.data} timeZone={brand.timeZone} canLink={actions.link} />
      <Consents fan={fan.data} timeZone={brand.timeZone} />
      {actions.adjust && <AdjustmentForm brandId={brand.id} fanId={fan.data.id} balance={fan.data.balance} />}
      <section aria-labelledby="history-title">
        <Title order={2} size="h4" mb="sm" id="history-title">
          {t('fans.history.label')}
        </Title>
        <Tabs value={view} onChange={showView} keepMounted={false}>
          <Tabs.List mb="md" aria-label={t('fans.history.label')}>
            <Tabs.Tab value="ledger">{t('fans.history.ledger')}</Tabs.Tab>
            <Tabs.Tab value="events">{t('fans.history.events')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="ledger">
            <LedgerTable brandId={brand.id} fanId={fan.data.id} timeZone={brand.timeZone} />
          </Tabs.Panel>
          <Tabs.Panel value="events">
            <FanEventsTable brandId={brand.id} fanId={fan.data.id} timeZone={brand.timeZone} />
          </Tabs.Panel>
        </Tabs>
      </section>
    </Stack>
  );
}

/** Export for managers; merge and erase only while the fan still has personal data. */
function FanActionButtons({ brandId, fan, actions }: { brandId: string; fan: FanDto; actions: FanActions }) {
  const { t } = useTranslation();
  const [mergeOpened, mergeModal] = useDisclosure(false);
  const [eraseOpened, eraseDialog] = useDisclosure(false);
  const exporting = useExportFan(brandId, fan.id);

  if (!actions.export && !actions.merge && !actions.erase) {
    return null;
  }
  const download = () =>
    exporting.mutate(undefined, {
      onSuccess: ({ filename }) => notifySuccess(t('fans.actions.exported', { filename })),
      onError: (error) => notifyError(errorMessage(error, t)),
    });

  return (
    <Group gap="sm" role="group" aria-label={t('fans.actions.label')}>
      {actions.export && (
        <Button
          variant="default"
          leftSection={<IconDownload size={18} aria-hidden />}
          onClick={download}
          loading={exporting.isPending}
        >
          {t('fans.actions.export')}
        </Button>
      )}
      {actions.merge && (
        <Button
          variant="default"
          leftSection={<IconArrowMerge size={18} aria-hidden />}
          onClick={mergeModal.open}
        >
          {t('fans.actions.merge')}
        </Button>
      )}
      {actions.erase && (
        <Button
          color="red"
          variant="light"
          leftSection={<IconEraser size={18} aria-hidden />}
          onClick={eraseDialog.open}
        >
          {t('fans.actions.erase')}
        </Button>
      )}
      {/* Mounted while the buttons come and go: an erasure hides its button before it reports. */}
      <MergeFanModal brandId={brandId} fan={fan} opened={mergeOpened} onClose={mergeModal.close} />
      <EraseFanDialog
        brandId={brandId}
        fanId={fan.id}
        name={fanName(fan, t)}
        opened={eraseOpened}
        onClose={eraseDialog.close}
      />
    </Group>
  );
}

function Fact({
  label,
  value,
  testId,
  small,
}: {
  label: string;
  value: string;
  testId?: string;
  small?: boolean;
}) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size={small ? 'md' : 'xl'} fw={small ? 600 : 700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

function FanFacts({ fan, timeZone }: { fan: FanDto; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const date = (value: string) => formatDateTime(value, i18n.language, timeZone);
  return (
    <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }}>
      <Fact label={t('fans.facts.balance')} value={number(fan.balance)} testId="fan-balance" />
      <Fact label={t('fans.facts.lifetime')} value={number(fan.lifetimePoints)} />
      <Fact label={t('fans.facts.tier')} value={fan.tier ?? t('common.none')} />
      <Fact label={t('fans.facts.firstSeen')} value={date(fan.firstSeenAt)} small />
      <Fact label={t('fans.facts.lastActive')} value={date(fan.lastActiveAt)} small />
    </SimpleGrid>
  );
}

function Consents({ fan, timeZone }: { fan: FanDto; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const rows = [
    { key: 'marketing', label: t('fans.consent.marketing'), consent: fan.marketingConsent },
    { key: 'profiling', label: t('fans.consent.profiling'), consent: fan.profilingConsent },
  ];
  return (
    <section aria-labelledby="consent-title">
      <Title order={2} size="h4" mb="sm" id="consent-title">
        {t('fans.consent.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {rows.map(({ key, label, consent }) => (
          <Paper key={key} withBorder radius="md" p="md">
            <Group justify="space-between">
              <Text fw={600}>{label}</Text>
              <Badge
                color={consent.granted === null ? 'gray' : consent.granted ? 'teal' : 'red'}
                variant="light"
              >
                {consent.granted === null
                  ? t('fans.consent.neverAsked')
                  : consent.granted
                    ? t('fans.consent.granted')
                    : t('fans.consent.denied')}
              </Badge>
            </Group>
            {consent.at && (
              <Text size="sm" c="dimmed">
                {t('fans.consent.details', {
                  date: formatDateTime(consent.at, i18n.language, timeZone),
                  version: consent.textVersion ?? t('common.none'),
                })}
              </Text>
            )}
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}
