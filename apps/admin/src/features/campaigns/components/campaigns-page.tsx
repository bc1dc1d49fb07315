import { Anchor, Badge, Button, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';

import { CursorPager } from '@/components/cursor-pager';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageHeader } from '@/components/page-header';
import type { CampaignDto, CampaignStatus } from '@/lib/api/types';
import { permissionsOf, useCurrentBrand } from '@/lib/current-brand';
import { formatDateTime } from '@/lib/format';
import { useCursorPaging } from '@/lib/paging';

import { useCampaigns } from '../api/get-campaigns';
import { CampaignStatusBadge } from './campaign-status-badge';

const STATUSES: CampaignStatus[] = ['draft', 'active', 'paused', 'ended'];
const ALL = 'all';

function statusOf(search: URLSearchParams): CampaignStatus | null {
  const status = search.get('status');
  return STATUSES.find((value) => value === status) ?? null;
}

/** Campaigns with status, schedule and points issued; the status filter lives in the URL. */
export function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const brand = useCurrentBrand();
  const canManage = permissionsOf(brand.role).manageCampaigns;
  const [searchParams, setSearchParams] = useSearchParams();
  const status = statusOf(searchParams);
  const paging = useCursorPaging();
  const campaigns = useCampaigns(brand.id, paging.page, status);

  const setStatus = (value: string) => {
    const next = new URLSearchParams(searchParams);
    next.delete('cursor');
    if (value === ALL) {
      next.delete('status');
    } else {
      next.set('status', value);
    }
    setSearchParams(next);
  };

  const date = (value: string) => formatDateTime(value, i18n.language, brand.timeZone);
  const schedule = (campaign: CampaignDto) =>
    campaign.endsAt
      ? t('campaigns.scheduleRange', { start: date(campaign.startsAt), end: date(campaign.endsAt) })
      : t('campaigns.scheduleFrom', { start: date(campaign.startsAt) });
  const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value);

  return (
    <>
      <PageHeader
        title={t('campaigns.title')}
        description={t('campaigns.description')}
        actions={
          canManage && (
            <Button
              component={Link}
              to={`/brands/${brand.id}/campaigns/new`}
              leftSection={<IconPlus size={18} aria-hidden />}
            >
              {t('campaigns.create')}
            </Button>
          )
        }
      />
      <SegmentedControl
        mb="md"
        aria-label={t('campaigns.filter.label')}
        value={status ?? ALL}
        onChange={setStatus}
        data={[
          { value: ALL, label: t('campaigns.filter.all') },
          ...STATUSES.map((value) => ({ value, label: t(`campaigns.status.${value}`) })),
        ]}
      />
      {campaigns.isPending ? (
        <LoadingState />
      ) : campaigns.isError ? (
        <ErrorState error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : (
        <>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={840}>
              <Table verticalSpacing="sm" highlightOnHover aria-label={t('campaigns.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('campaigns.columns.name')}</Table.Th>
                    <Table.Th scope="col">{t('campaigns.columns.status')}</Table.Th>
                    <Table.Th scope="col">{t('campaigns.columns.schedule')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('campaigns.columns.points')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('campaigns.columns.rules')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {campaigns.data.items.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={5}>
                        <Text c="dimmed" ta="center" py="lg">
                          {status ? t('campaigns.emptyFiltered') : t('campaigns.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {campaigns.data.items.map((campaign) => (
                    <Table.Tr key={campaign.id} data-testid="campaign-row">
                      <Table.Th scope="row">
                        <Anchor component={Link} to={`/brands/${brand.id}/campaigns/${campaign.id}`} fw={600}>
                          {campaign.name}
                        </Anchor>
                        {campaign.findings.some((finding) => finding.severity === 'block') && (
                          <Badge color="red" variant="light" ml="xs">
                            {t('campaigns.findingsBlocked')}
                          </Badge>
                        )}
                      </Table.Th>
                      <Table.Td>
                        <CampaignStatusBadge status={campaign.status} />
                      </Table.Td>
                      <Table.Td>{schedule(campaign)}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {campaign.budgetPoints === null
                          ? t('campaigns.pointsNoBudget', { issued: number(campaign.pointsIssued) })
                          : t('campaigns.pointsOfBudget', {
                              issued: number(campaign.pointsIssued),
                              budget: number(campaign.budgetPoints),
                            })}
                      </Table.Td>
                      <Table.Td ta="right">{campaign.rules.length}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <CursorPager paging={paging} nextCursor={campaigns.data.nextCursor} />
        </>
      )}
    </>
  );
}
