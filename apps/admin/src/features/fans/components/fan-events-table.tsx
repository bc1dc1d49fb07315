import { Badge, Code, Group, List, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { CursorPager } from '@/components/cursor-pager';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { formatDateTime } from '@/lib/format';
import { useCursorPaging } from '@/lib/paging';

import { type FanEventDto, useFanEvents } from '../api/get-fan-events';
import { channelLabel, describeFanEvent, eventTypeLabel, isRetracted } from '../utils/describe-fan-event';
import { SignedPoints } from './signed-points';

const statusColors: Record<FanEventDto['status'], string> = {
  awarded: 'teal',
  no_match: 'gray',
  capped: 'yellow',
  rejected: 'red',
  retracted: 'orange',
};

/** The fan's events, newest first, with what each earned and why; its page lives in the URL. */
export function FanEventsTable({
  brandId,
  fanId,
  timeZone,
}: {
  brandId: string;
  fanId: string;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const paging = useCursorPaging();
  const events = useFanEvents(brandId, fanId, paging.page);

  if (events.isPending) {
    return <LoadingState />;
  }
  if (events.isError) {
    return <ErrorState error={events.error} onRetry={() => void events.refetch()} />;
  }
  const options = { language: i18n.language, timeZone };

  return (
    <>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={960}>
          <Table verticalSpacing="sm" aria-label={t('fans.events.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fans.events.occurredAt')}</Table.Th>
                <Table.Th scope="col">{t('fans.events.event')}</Table.Th>
                <Table.Th scope="col">{t('fans.events.outcome')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('fans.events.points')}
                </Table.Th>
                <Table.Th scope="col">{t('fans.events.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed" ta="center" py="lg">
                      {t('fans.events.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {events.data.items.map((event) => {
                const outcome = describeFanEvent(event, t, options);
                const retracted = isRetracted(event);
                return (
                  <Table.Tr
                    key={event.id}
                    data-testid="event-row"
                    data-status={event.status}
                    opacity={retracted ? 0.75 : 1}
                  >
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{formatDateTime(event.occurredAt, i18n.language, timeZone)}</Text>
                      <Text size="xs" c="dimmed">
                        {t('fans.events.received', {
                          date: formatDateTime(event.receivedAt, i18n.language, timeZone),
                        })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {eventTypeLabel(event.type, t)}
                        {event.channel !== null && ` · ${channelLabel(event.channel, t)}`}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                        {event.externalId}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge color={statusColors[event.status]} variant="light">
                          {t(`fans.events.status.${event.status}`)}
                        </Badge>
                        {retracted && event.status !== 'retracted' && (
                          <Badge color={statusColors.retracted} variant="outline">
                            {t('fans.events.status.retracted')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">
                      <SignedPoints points={event.points} struck={retracted} />
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        <Text size="sm" data-testid="event-summary">
                          {outcome.summary}
                        </Text>
                        {outcome.awards.length > 0 && (
                          <List size="sm" spacing={2} data-testid="event-awards">
                            {outcome.awards.map((line, index) => (
                              <List.Item key={index}>{line}</List.Item>
                            ))}
                          </List>
                        )}
                        {outcome.reasons.length > 0 && (
                          <div data-testid="event-reasons">
                            <Text size="xs" c="dimmed" fw={600}>
                              {t('fans.events.reasonsTitle')}
                            </Text>
                            <List size="sm" spacing={2}>
                              {outcome.reasons.map((reason, index) => (
                                <List.Item key={index}>{reason}</List.Item>
                              ))}
                            </List>
                          </div>
                        )}
                        {event.properties && Object.keys(event.properties).length > 0 && (
                          <details>
                            <summary>
                              <Text span size="xs" c="dimmed">
                                {t('fans.events.properties')}
                              </Text>
                            </summary>
                            <Code block fz="xs">
                              {JSON.stringify(event.properties, null, 2)}
                            </Code>
                          </details>
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <CursorPager paging={paging} nextCursor={events.data.nextCursor} />
    </>
  );
}
