import {
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconCheck, IconDownload, IconFilterOff, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';

import { CursorPager } from '@/components/cursor-pager';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api/error-message';
import type { RedemptionDto, ShippingAddressDto } from '@/lib/api/types';
import { permissionsOf, useCurrentBrand } from '@/lib/current-brand';
import { formatDateTime } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/notify';
import { useCursorPaging } from '@/lib/paging';

import { useExportRedemptions } from '../api/export-redemptions';
import { useFulfilRedemption } from '../api/fulfil-redemption';
import { useRedemptions } from '../api/get-redemptions';
import { useRewardOptions } from '../api/get-reward-options';
import {
  REDEMPTION_STATUSES,
  type RedemptionFilters,
  filterParams,
  hasFilters,
  parseRedemptionFilters,
  toRedemptionQuery,
} from '../utils/redemption-filters';
import { CancelRedemptionDialog } from './cancel-redemption-dialog';
import { RedemptionStatusBadge } from './redemption-status-badge';

function AddressLines({ address }: { address: ShippingAddressDto }) {
  return (
    <Text size="sm" component="address" style={{ fontStyle: 'normal' }}>
      {address.name}
      <br />
      {address.street}
      <br />
      {address.postalCode} {address.city}, {address.country}
    </Text>
  );
}

/** The redemption queue, newest first; filters and page live in the URL. */
export function RedemptionsPage() {
  const { t, i18n } = useTranslation();
  const brand = useCurrentBrand();
  const canHandle = permissionsOf(brand.role).handleRedemptions;
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseRedemptionFilters(searchParams), [searchParams]);
  const query = useMemo(() => toRedemptionQuery(filters, brand.timeZone), [filters, brand.timeZone]);
  const paging = useCursorPaging();
  const redemptions = useRedemptions(brand.id, paging.page, query);
  const rewards = useRewardOptions(brand.id);
  const fulfil = useFulfilRedemption(brand.id);
  const exportCsv = useExportRedemptions(brand.id);
  const [cancelling, setCancelling] = useState<RedemptionDto | null>(null);

  const setFilters = (changes: Partial<RedemptionFilters>) => {
    const next = new URLSearchParams(searchParams);
    next.delete('cursor');
    for (const [key, value] of Object.entries(filterParams({ ...filters, ...changes }))) {
      if (value === null || value === '') {
        next.delete(key);
      } else {
        next.set(key, value);
      }
    }
    setSearchParams(next, { replace: true });
  };

  const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const inLanguage = (de: string, en: string) => (i18n.language.startsWith('de') ? de : en);
  const rewardName = (redemption: RedemptionDto) =>
    inLanguage(redemption.rewardNameDe, redemption.rewardNameEn);
  const fanName = (redemption: RedemptionDto) => redemption.fanDisplayName ?? t('redemptions.unnamedFan');

  const onFulfil = (redemption: RedemptionDto) =>
    fulfil.mutate(redemption.id, {
      onSuccess: () =>
        notifySuccess(
          t('redemptions.fulfil.done', { reward: rewardName(redemption), fan: fanName(redemption) }),
        ),
      onError: (error) => notifyError(errorMessage(error, t)),
    });

  const onExport = () =>
    exportCsv.mutate(query, {
      onSuccess: ({ filename }) => notifySuccess(t('redemptions.export.done', { filename })),
      onError: (error) => notifyError(errorMessage(error, t)),
    });

  return (
    <>
      <PageHeader
        title={t('redemptions.title')}
        description={t('redemptions.description')}
        actions={
          <Button
            variant="default"
            leftSection={<IconDownload size={18} aria-hidden />}
            loading={exportCsv.isPending}
            onClick={onExport}
          >
            {t('redemptions.export.button')}
          </Button>
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap" role="search" aria-label={t('redemptions.filters.label')}>
        <Select
          label={t('redemptions.filters.status')}
          placeholder={t('redemptions.filters.all')}
          data={REDEMPTION_STATUSES.map((value) => ({ value, label: t(`redemptions.status.${value}`) }))}
          value={filters.status}
          onChange={(value) => setFilters({ status: REDEMPTION_STATUSES.find((s) => s === value) ?? null })}
          clearable
          w={180}
        />
        <Select
          label={t('redemptions.filters.reward')}
          placeholder={t('redemptions.filters.allRewards')}
          data={(rewards.data ?? []).map((reward) => ({
            value: reward.id,
            label: inLanguage(reward.nameDe, reward.nameEn),
          }))}
          value={filters.rewardId}
          onChange={(value) => setFilters({ rewardId: value })}
          clearable
          searchable
          w={240}
        />
        <TextInput
          type="date"
          label={t('redemptions.filters.from')}
          value={filters.from ?? ''}
          onChange={(event) => setFilters({ from: event.currentTarget.value || null })}
          w={170}
        />
        <TextInput
          type="date"
          label={t('redemptions.filters.to')}
          value={filters.to ?? ''}
          onChange={(event) => setFilters({ to: event.currentTarget.value || null })}
          w={170}
        />
        {hasFilters(filters) && (
          <Button
            variant="subtle"
            leftSection={<IconFilterOff size={16} aria-hidden />}
            onClick={() => setFilters({ status: null, rewardId: null, from: null, to: null })}
          >
            {t('redemptions.filters.clear')}
          </Button>
        )}
      </Group>
      {redemptions.isPending ? (
        <LoadingState />
      ) : redemptions.isError ? (
        <ErrorState error={redemptions.error} onRetry={() => void redemptions.refetch()} />
      ) : (
        <>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="sm" highlightOnHover aria-label={t('redemptions.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('redemptions.columns.when')}</Table.Th>
                    <Table.Th scope="col">{t('redemptions.columns.fan')}</Table.Th>
                    <Table.Th scope="col">{t('redemptions.columns.reward')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('redemptions.columns.points')}
                    </Table.Th>
                    <Table.Th scope="col">{t('redemptions.columns.status')}</Table.Th>
                    <Table.Th scope="col">{t('redemptions.columns.code')}</Table.Th>
                    <Table.Th scope="col">{t('redemptions.columns.shipping')}</Table.Th>
                    {canHandle && (
                      <Table.Th scope="col">
                        <VisuallyHidden>{t('redemptions.columns.actions')}</VisuallyHidden>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {redemptions.data.items.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={canHandle ? 8 : 7}>
                        <Text c="dimmed" ta="center" py="lg">
                          {hasFilters(filters) ? t('redemptions.emptyFiltered') : t('redemptions.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {redemptions.data.items.map((redemption) => (
                    <Table.Tr key={redemption.id} data-testid="redemption-row">
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(redemption.createdAt, i18n.language, brand.timeZone)}
                      </Table.Td>
                      <Table.Th scope="row">
                        <Anchor component={Link} to={`/brands/${brand.id}/fans/${redemption.fanId}`} fw={600}>
                          {fanName(redemption)}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>{rewardName(redemption)}</Table.Td>
                      <Table.Td ta="right">{number(redemption.points)}</Table.Td>
                      <Table.Td>
                        <RedemptionStatusBadge status={redemption.status} />
                        {redemption.cancelReason && (
                          <Text size="xs" c="dimmed" mt={4}>
                            {t('redemptions.cancelReason', { reason: redemption.cancelReason })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {redemption.code ? (
                          <Text size="sm" ff="monospace">
                            {redemption.code}
                          </Text>
                        ) : (
                          t('common.none')
                        )}
                      </Table.Td>
                      <Table.Td>
                        {redemption.shippingAddress ? (
                          <AddressLines address={redemption.shippingAddress} />
                        ) : (
                          t('common.none')
                        )}
                      </Table.Td>
                      {canHandle && (
                        <Table.Td>
                          <Stack gap={4} align="flex-end">
                            {redemption.status === 'pending' && (
                              <Button
                                size="xs"
                                variant="light"
                                leftSection={<IconCheck size={16} aria-hidden />}
                                aria-label={t('redemptions.fulfil.named', { reward: rewardName(redemption) })}
                                loading={fulfil.isPending && fulfil.variables === redemption.id}
                                onClick={() => onFulfil(redemption)}
                              >
                                {t('redemptions.fulfil.button')}
                              </Button>
                            )}
                            {redemption.status !== 'cancelled' && (
                              <Button
                                size="xs"
                                variant="subtle"
                                color="red"
                                leftSection={<IconX size={16} aria-hidden />}
                                aria-label={t('redemptions.cancel.named', { reward: rewardName(redemption) })}
                                onClick={() => setCancelling(redemption)}
                              >
                                {t('redemptions.cancel.button')}
                              </Button>
                            )}
                          </Stack>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <CursorPager paging={paging} nextCursor={redemptions.data.nextCursor} />
        </>
      )}
      {cancelling && (
        <CancelRedemptionDialog
          brandId={brand.id}
          redemption={cancelling}
          rewardName={rewardName(cancelling)}
          fanName={fanName(cancelling)}
          onClose={() => setCancelling(null)}
        />
      )}
    </>
  );
}
