import { CHANNELS, REPORT_GRANULARITIES } from '@fanfare/shared';
import { Alert, Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

import { PageHeader } from '@/components/page-header';
import { useCurrentBrand } from '@/lib/current-brand';

import { useActiveFans } from '../api/get-active-fans';
import { useCampaignOptions } from '../api/get-campaign-options';
import { useCohorts } from '../api/get-cohorts';
import { useBrandToday } from '../hooks/use-brand-today';
import { formatMonth, seriesRows } from '../utils/chart-rows';
import {
  type ReportFilters,
  type SeriesQuery,
  changeReportFilters,
  parseReportFilters,
  reportFilterParams,
  seriesQueryOf,
  withParams,
} from '../utils/report-filters';
import { cohortMonths, resolveRange } from '../utils/report-range';
import { ChartCard, queryCardProps } from './chart-card';
import { CohortHeatmap } from './cohort-heatmap';
import { DownloadsCard } from './downloads-card';
import { RangePicker } from './range-picker';
import { RecalculationNotice } from './recalculation-notice';
import { SeriesChart } from './series-chart';
import { SeriesTable } from './series-table';

/** Active fans by period for a range, channel and campaign; exports; cohorts. Filters live in the URL. */
export function ReportsPage() {
  const { t } = useTranslation();
  const brand = useCurrentBrand();
  const today = useBrandToday();
  const granularityLabelId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseReportFilters(searchParams), [searchParams]);
  const range = useMemo(() => resolveRange(filters.range, today), [filters.range, today]);
  const campaigns = useCampaignOptions(brand.id);

  const setFilters = (changes: Partial<ReportFilters>) =>
    setSearchParams(withParams(searchParams, reportFilterParams(changeReportFilters(filters, changes))), {
      replace: true,
    });

  const series = seriesQueryOf(filters, range);

  return (
    <>
      <PageHeader title={t('reports.title')} description={t('reports.description')} />
      <Stack gap="lg">
        <RecalculationNotice brandId={brand.id} />
        <Paper withBorder p="lg" radius="md" role="search" aria-label={t('reports.filters.label')}>
          <Stack gap="md">
            <RangePicker
              selection={filters.range}
              resolved={range}
              today={today}
              onChange={(selection) => setFilters({ range: selection })}
            />
            <Group align="flex-end" gap="md" wrap="wrap">
              <Stack gap={4}>
                <Text size="sm" fw={500} id={granularityLabelId}>
                  {t('reports.filters.granularity')}
                </Text>
                <SegmentedControl
                  aria-labelledby={granularityLabelId}
                  value={series?.granularity ?? filters.granularity ?? 'day'}
                  data={REPORT_GRANULARITIES.map((value) => ({
                    value,
                    label: t(`reports.granularities.${value}`),
                  }))}
                  onChange={(value) =>
                    setFilters({
                      granularity: REPORT_GRANULARITIES.find((candidate) => candidate === value) ?? null,
                    })
                  }
                />
              </Stack>
              <Select
                label={t('reports.filters.channel')}
                placeholder={t('reports.filters.allChannels')}
                data={CHANNELS.map((value) => ({ value, label: t(`campaigns.channels.${value}`) }))}
                value={filters.channel}
                onChange={(value) =>
                  setFilters({ channel: CHANNELS.find((channel) => channel === value) ?? null })
                }
                clearable
                w={200}
              />
              <Select
                label={t('reports.filters.campaign')}
                placeholder={t('reports.filters.allCampaigns')}
                data={(campaigns.data ?? []).map((campaign) => ({
                  value: campaign.id,
                  label: campaign.name,
                }))}
                value={filters.campaignId}
                onChange={(value) => setFilters({ campaignId: value })}
                nothingFoundMessage={t('reports.filters.noCampaigns')}
                error={campaigns.isError ? t('reports.filters.campaignsFailed') : undefined}
                clearable
                searchable
                w={260}
              />
            </Group>
            <Text size="xs" c="dimmed">
              {t('reports.filters.channelOrCampaign')}
            </Text>
          </Stack>
        </Paper>
        {series ? (
          <ReportSections brandId={brand.id} series={series} />
        ) : (
          <Alert icon={<IconInfoCircle aria-hidden />} variant="light">
            {t('analytics.range.invalid')}
          </Alert>
        )}
      </Stack>
    </>
  );
}

function ReportSections({ brandId, series }: { brandId: string; series: SeriesQuery }) {
  const { t, i18n } = useTranslation();
  const report = useActiveFans(brandId, series);
  const months = cohortMonths(series.from, series.to);
  const cohorts = useCohorts(brandId, months.from, months.to);
  const rows = useMemo(
    () => (report.data ? seriesRows(report.data.points, report.data.granularity, i18n.language) : []),
    [report.data, i18n.language],
  );
  const card = queryCardProps(report);

  return (
    <>
      <ChartCard
        title={t('reports.series.title')}
        description={
          report.data ? t('analytics.activeDefinition', { count: report.data.windowDays }) : undefined
        }
        testId="series-chart"
        height={320}
        {...card}
      >
        <SeriesChart rows={rows} />
      </ChartCard>
      <ChartCard title={t('reports.series.tableTitle')} height={240} {...card}>
        <SeriesTable rows={rows} />
      </ChartCard>
      <DownloadsCard brandId={brandId} series={series} />
      <ChartCard
        title={t('reports.cohorts.title')}
        description={t('reports.cohorts.description', {
          from: formatMonth(months.from, i18n.language),
          to: formatMonth(months.to, i18n.language),
        })}
        height={240}
        {...queryCardProps(cohorts)}
      >
        {cohorts.data && <CohortHeatmap report={cohorts.data} />}
      </ChartCard>
    </>
  );
}
