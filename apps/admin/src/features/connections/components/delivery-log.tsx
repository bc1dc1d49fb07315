import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconRefresh } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import type { HookDeliveryDto, HookSource, WebhookSenderDto } from '@/lib/api/types';
import { useCurrentBrand } from '@/lib/current-brand';
import { formatDateTime } from '@/lib/format';

import { useHookDeliveries } from '../api/get-hook-deliveries';
import { type DeliverySummary, deliveryStatusColour, readSummary } from '../utils/delivery-summary';
import { DeliveryDetails } from './delivery-details';

const SOURCE_PARAM = 'source';
const COLUMNS = 8;

function sourceOf(params: URLSearchParams): HookSource | null {
  const value = params.get(SOURCE_PARAM);
  return value === 'meta' || value === 'generic' ? value : null;
}

interface DeliveryLogProps {
  brandId: string;
  senders: WebhookSenderDto[];
}

/**
 * Every signed delivery received, newest first, with what it came to; one page more with each "Load
 * more". The source filter lives in the URL. While a delivery waits on the job queue the log asks
 * again every few seconds (see useHookDeliveries).
 */
export function DeliveryLog({ brandId, senders }: DeliveryLogProps) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const source = sourceOf(searchParams);
  const deliveries = useHookDeliveries(brandId, source);

  const setSource = (value: string) => {
    const params = new URLSearchParams(searchParams);
    if (value === 'meta' || value === 'generic') {
      params.set(SOURCE_PARAM, value);
    } else {
      params.delete(SOURCE_PARAM);
    }
    setSearchParams(params, { replace: true });
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="delivery-log-title">
      <Stack>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <div style={{ maxWidth: 720 }}>
            <Title order={3} size="h5" id="delivery-log-title">
              {t('connections.log.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('connections.log.description')}
            </Text>
          </div>
          <Group gap="sm">
            <SegmentedControl
              value={source ?? 'all'}
              onChange={setSource}
              aria-label={t('connections.log.filter')}
              data={[
                { value: 'all', label: t('connections.log.sources.all') },
                { value: 'meta', label: t('connections.log.sources.meta') },
                { value: 'generic', label: t('connections.log.sources.generic') },
              ]}
            />
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} aria-hidden />}
              onClick={() => void deliveries.refetch()}
              loading={deliveries.isFetching && !deliveries.isFetchingNextPage}
            >
              {t('connections.log.refresh')}
            </Button>
          </Group>
        </Group>
        {deliveries.isPending ? (
          <LoadingState />
        ) : deliveries.isError ? (
          <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />
        ) : (
          <>
            <DeliveryTable
              deliveries={deliveries.data.pages.flatMap((page) => page.items)}
              senders={senders}
            />
            {deliveries.hasNextPage && (
              <Group justify="center">
                <Button
                  variant="default"
                  onClick={() => void deliveries.fetchNextPage()}
                  loading={deliveries.isFetchingNextPage}
                >
                  {t('connections.log.loadMore')}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function DeliveryTable({
  deliveries,
  senders,
}: {
  deliveries: HookDeliveryDto[];
  senders: WebhookSenderDto[];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" aria-label={t('connections.log.title')} data-testid="delivery-log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">
              <VisuallyHidden>{t('connections.log.columns.details')}</VisuallyHidden>
            </Table.Th>
            <Table.Th scope="col">{t('connections.log.columns.receivedAt')}</Table.Th>
            <Table.Th scope="col">{t('connections.log.columns.source')}</Table.Th>
            <Table.Th scope="col">{t('connections.log.columns.status')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('connections.log.columns.events')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('connections.log.columns.points')}
            </Table.Th>
            <Table.Th scope="col">{t('connections.log.columns.outcomes')}</Table.Th>
            <Table.Th scope="col">{t('connections.log.columns.links')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={COLUMNS}>
                <Text c="dimmed" ta="center" py="lg">
                  {t('connections.log.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {deliveries.map((delivery) => {
            const summary = readSummary(delivery.summary);
            const expanded = open.has(delivery.id);
            const detailsId = `delivery-details-${delivery.id}`;
            return (
              <Fragment key={delivery.id}>
                <DeliveryRow
                  delivery={delivery}
                  summary={summary}
                  senders={senders}
                  expanded={expanded}
                  detailsId={detailsId}
                  onToggle={() => toggle(delivery.id)}
                />
                {expanded && (
                  <Table.Tr id={detailsId} data-testid="delivery-details">
                    <Table.Td colSpan={COLUMNS} bg="var(--mantine-color-gray-0)">
                      <DeliveryDetails delivery={delivery} summary={summary} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface DeliveryRowProps {
  delivery: HookDeliveryDto;
  summary: DeliverySummary | null;
  senders: WebhookSenderDto[];
  expanded: boolean;
  detailsId: string;
  onToggle: () => void;
}

function DeliveryRow({ delivery, summary, senders, expanded, detailsId, onToggle }: DeliveryRowProps) {
  const { t, i18n } = useTranslation();
  const brand = useCurrentBrand();
  const none = t('common.none');
  const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const receivedAt = formatDateTime(delivery.receivedAt, i18n.language, brand.timeZone);
  const sender = senders.find((candidate) => candidate.id === delivery.senderId);
  const linked = summary?.links.filter((link) => link.linked).length ?? 0;
  const notLinked = (summary?.links.length ?? 0) - linked;

  return (
    <Table.Tr data-testid="delivery-row" data-status={delivery.status}>
      <Table.Td w={44}>
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={onToggle}
          aria-expanded={expanded}
          aria-controls={expanded ? detailsId : undefined}
          aria-label={t(expanded ? 'connections.log.hideDetails' : 'connections.log.showDetails', {
            date: receivedAt,
          })}
        >
          {expanded ? <IconChevronDown size={18} aria-hidden /> : <IconChevronRight size={18} aria-hidden />}
        </ActionIcon>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{receivedAt}</Table.Td>
      <Table.Td>
        {delivery.source === 'meta'
          ? t('connections.log.sources.meta')
          : sender
            ? t('connections.log.genericFrom', { name: sender.name })
            : t('connections.log.sources.generic')}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Badge color={deliveryStatusColour(delivery.status)} variant="light">
            {t(`connections.log.status.${delivery.status}`)}
          </Badge>
          {delivery.test && (
            <Badge color="grape" variant="outline">
              {t('connections.log.test')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td ta="right" data-testid="delivery-events">
        {summary ? number(summary.events) : none}
      </Table.Td>
      <Table.Td ta="right" data-testid="delivery-points">
        {summary && !summary.test ? number(summary.points) : none}
      </Table.Td>
      <Table.Td>
        {summary && (summary.outcomes.length > 0 || summary.skipped > 0 || summary.previewed !== null) ? (
          <Group gap={4}>
            {summary.outcomes.map(({ outcome, count }) => (
              <Badge key={outcome} variant="light" color="gray" tt="none">
                {t(`connections.log.outcomes.${outcome}`, { count })}
              </Badge>
            ))}
            {summary.previewed !== null && (
              <Badge variant="light" color="grape" tt="none">
                {t('connections.log.previewed', { count: summary.previewed })}
              </Badge>
            )}
            {summary.skipped > 0 && (
              <Badge variant="light" color="orange" tt="none">
                {t('connections.log.skipped', { count: summary.skipped })}
              </Badge>
            )}
          </Group>
        ) : delivery.status === 'failed' ? (
          <Text size="sm" c="red" lineClamp={1} title={delivery.error ?? undefined}>
            {delivery.error ?? none}
          </Text>
        ) : (
          none
        )}
      </Table.Td>
      <Table.Td>
        {summary && summary.links.length > 0 ? (
          <Group gap={4}>
            {linked > 0 && (
              <Badge variant="light" color="teal" tt="none">
                {t('connections.log.linked', { count: linked })}
              </Badge>
            )}
            {notLinked > 0 && (
              <Badge variant="light" color="orange" tt="none">
                {t('connections.log.notLinked', { count: notLinked })}
              </Badge>
            )}
          </Group>
        ) : (
          none
        )}
      </Table.Td>
    </Table.Tr>
  );
}
