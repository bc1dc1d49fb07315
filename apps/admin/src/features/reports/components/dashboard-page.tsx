// The dashboard and the Reports page are two views of one feature, the brand's reports: they share
// the range picker, the report requests, the chart styling and the recalculation notice, so they
// live in one folder (features must not import each other).
import { Alert, Grid, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

import { ErrorState } from '@/components/error-state';
import { PageHeader } from '@/components/page-header';
import { useCurrentBrand } from '@/lib/current-brand';

import { useActiveFans } from '../api/get-active-fans';
import { useChannels } from '../api/get-channels';
import { useOverview } from '../api/get-overview';
import { useTopFans } from '../api/get-top-fans';
import { useBrandToday } from '../hooks/use-brand-today';
import { channelChartRows, isEmptyOverview, seriesRows } from '../utils/chart-rows';
import { withParams } from '../utils/report-filters';
import {
  type RangeSelection,
  defaultGranularity,
  parseRangeSelection,
  rangeParams,
  resolveRange,
} from '../utils/report-range';
import { ChannelsChart } from './channels-chart';
import { ChartCard, queryCardProps } from './chart-card';
import { EmptyAnalytics } from './empty-analytics';
import { FansChart } from './fans-chart';
import { KpiCards } from './kpi-cards';
import { NewReturningChart } from './new-returning-chart';
import { PointsChart } from './points-chart';
import { RangePicker } from './range-picker';
import { RatioChart } from './ratio-chart';
import { RecalculationNotice } from './recalculation-notice';
import { TopFansTable } from './top-fans-table';

const TOP_FANS = 10;

/** The brand at a glance: how many fans are active, how that changes, where they come from. */
export function DashboardPage() {
  const { t } = useTranslation();
  const brand = useCurrentBrand();
  const today = useBrandToday();
  const [searchParams, setSearchParams] = useSearchParams();
  const selection = useMemo(() => parseRangeSelection(searchParams), [searchParams]);
  const range = useMemo(() => resolveRange(selection, today), [selection, today]);

  const select = (next: RangeSelection) =>
    setSearchParams(withParams(searchParams, rangeParams(next)), { replace: true });

  return (
    <>
      <PageHeader title={t('dashboard.title')} description={t('dashboard.description')} />
      <Stack gap="lg">
        <RecalculationNotice brandId={brand.id} />
        <RangePicker selection={selection} resolved={range} today={today} onChange={select} />
        {range.valid ? (
          <DashboardReports brandId={brand.id} from={range.from} to={range.to} days={range.days} />
        ) : (
          <Alert icon={<IconInfoCircle aria-hidden />} variant="light">
            {t('analytics.range.invalid')}
          </Alert>
        )}
      </Stack>
    </>
  );
}

interface DashboardReportsProps {
  brandId: string;
  from: string;
  to: string;
  days: number;
}

function DashboardReports({ brandId, from, to, days }: DashboardReportsProps) {
  const { t, i18n } = useTranslation();
  const granularity = defaultGranularity(days);
  const overview = useOverview(brandId, from, to);
  const series = useActiveFans(brandId, { from, to, granularity });
  const channels = useChannels(brandId, from, to);
  const topFans = useTopFans(brandId, from, to, TOP_FANS);
  const rows = useMemo(
    () => (series.data ? seriesRows(series.data.points, series.data.granularity, i18n.language) : []),
    [series.data, i18n.language],
  );
  const windowDays = series.data?.windowDays ?? overview.data?.windowDays;

  if (overview.data && isEmptyOverview(overview.data)) {
    return <EmptyAnalytics brandId={brandId} />;
  }

  const seriesCard = queryCardProps(series);
  const perPeriod = t(`analytics.per.${granularity}`);

  return (
    <Stack gap="lg">
      {overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <KpiCards overview={overview.data} stale={overview.isPlaceholderData} />
      )}
      <ChartCard
        title={t('dashboard.ratio.title')}
        description={
          windowDays === undefined ? undefined : t('analytics.activeDefinition', { count: windowDays })
        }
        testId="ratio-chart"
        {...seriesCard}
      >
        <RatioChart rows={rows} />
      </ChartCard>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ChartCard
            title={t('dashboard.fans.title')}
            description={t('dashboard.fans.description', { per: perPeriod })}
            testId="fans-chart"
            {...seriesCard}
          >
            <FansChart rows={rows} />
          </ChartCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ChartCard
            title={t('dashboard.newReturning.title')}
            description={t('dashboard.newReturning.description', { per: perPeriod })}
            testId="new-returning-chart"
            {...seriesCard}
          >
            <NewReturningChart rows={rows} />
          </ChartCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ChartCard
            title={t('dashboard.channels.title')}
            description={t('dashboard.channels.description')}
            testId="channels-chart"
            {...queryCardProps(channels)}
          >
            <ChannelsChart rows={channels.data ? channelChartRows(channels.data.channels) : []} />
          </ChartCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ChartCard
            title={t('dashboard.points.title')}
            description={t('dashboard.points.description')}
            testId="points-chart"
            {...queryCardProps(overview)}
          >
            {overview.data && <PointsChart overview={overview.data} />}
          </ChartCard>
        </Grid.Col>
      </Grid>
      <ChartCard
        title={t('dashboard.topFans.title')}
        description={t('dashboard.topFans.description', { limit: TOP_FANS })}
        testId="top-fans"
        height={180}
        {...queryCardProps(topFans)}
      >
        <TopFansTable brandId={brandId} fans={topFans.data?.fans ?? []} />
      </ChartCard>
    </Stack>
  );
}
