import { Alert, Anchor, Code, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import type { HookDeliveryDto } from '@/lib/api/types';
import { useCurrentBrand } from '@/lib/current-brand';
import { formatDateTime } from '@/lib/format';

import { type DeliverySummary, linkFailureText } from '../utils/delivery-summary';

interface DeliveryDetailsProps {
  delivery: HookDeliveryDto;
  summary: DeliverySummary | null;
}

/**
 * An opened log row: attempts and size, the error, what was skipped or rejected and why, and each
 * linking code's outcome.
 */
export function DeliveryDetails({ delivery, summary }: DeliveryDetailsProps) {
  const { t, i18n } = useTranslation();
  const brand = useCurrentBrand();

  return (
    <Stack gap="sm" py="xs">
      {delivery.error && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('connections.log.details.error')}
        >
          {delivery.error}
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        {t('connections.log.details.facts', {
          attempts: delivery.attempts,
          processedAt: delivery.processedAt
            ? formatDateTime(delivery.processedAt, i18n.language, brand.timeZone)
            : t('common.none'),
          size: new Intl.NumberFormat(i18n.language).format(delivery.bodyBytes),
        })}{' '}
        {delivery.bodyKept ? t('connections.log.details.bodyKept') : t('connections.log.details.bodyDeleted')}
      </Text>
      {summary && (
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          {summary.skippedItems.length > 0 && (
            <section>
              <Title order={4} size="h6" mb={4}>
                {t('connections.log.details.skipped', { count: summary.skipped })}
              </Title>
              <List size="sm" spacing={2}>
                {summary.skippedItems.map((item, index) => (
                  <List.Item key={`${item.path}-${index}`}>
                    <Code>{item.path}</Code> {item.reason}
                  </List.Item>
                ))}
              </List>
            </section>
          )}
          {summary.rejectedItems.length > 0 && (
            <section>
              <Title order={4} size="h6" mb={4}>
                {t('connections.log.details.rejected')}
              </Title>
              <List size="sm" spacing={2}>
                {summary.rejectedItems.map((item, index) => (
                  <List.Item key={`${item.id ?? ''}-${index}`}>
                    <Code>{item.id ?? t('connections.log.details.noId')}</Code> {item.reasons.join('; ')}
                  </List.Item>
                ))}
              </List>
            </section>
          )}
          {summary.links.length > 0 && (
            <section>
              <Title order={4} size="h6" mb={4}>
                {t('connections.log.details.links')}
              </Title>
              <List size="sm" spacing={2}>
                {summary.links.map((link, index) => (
                  <List.Item key={`${link.code}-${index}`}>
                    <Code>{link.code}</Code>{' '}
                    {link.linked ? (
                      link.fanId ? (
                        <Anchor component={Link} to={`/brands/${brand.id}/fans/${link.fanId}`} size="sm">
                          {t('connections.log.details.linkedToFan')}
                        </Anchor>
                      ) : (
                        t('connections.log.details.linkedToFan')
                      )
                    ) : (
                      t('connections.log.details.notLinked', { reason: linkFailureText(link, t) })
                    )}
                  </List.Item>
                ))}
              </List>
            </section>
          )}
        </SimpleGrid>
      )}
    </Stack>
  );
}
