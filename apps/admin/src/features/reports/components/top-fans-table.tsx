import type { TopFan } from '@fanfare/shared';
import { Anchor, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { formatCount } from '../utils/numbers';

/** The fan's name, else the handle on their main channel; erased or anonymous fans say so. */
function topFanName(fan: TopFan, t: TFunction): string {
  return fan.displayName ?? fan.handle ?? t('dashboard.topFans.unnamed');
}

/** The fans who earned the most points in the range, each linking to the fan's page. */
export function TopFansTable({ brandId, fans }: { brandId: string; fans: TopFan[] }) {
  const { t, i18n } = useTranslation();
  const count = (value: number) => formatCount(value, i18n.language);
  if (fans.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="xl">
        {t('dashboard.topFans.empty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table verticalSpacing="xs" highlightOnHover aria-label={t('dashboard.topFans.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={40}>
              #
            </Table.Th>
            <Table.Th scope="col">{t('dashboard.topFans.fan')}</Table.Th>
            <Table.Th scope="col">{t('dashboard.topFans.channel')}</Table.Th>
            <Table.Th scope="col">{t('dashboard.topFans.tier')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.topFans.pointsEarned')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.topFans.events')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.topFans.balance')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fans.map((fan, index) => (
            <Table.Tr key={fan.fanId} data-testid="top-fan-row">
              <Table.Td c="dimmed">{index + 1}</Table.Td>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/brands/${brandId}/fans/${fan.fanId}`} fw={600}>
                  {topFanName(fan, t)}
                </Anchor>
              </Table.Th>
              <Table.Td>{fan.channel ? t(`campaigns.channels.${fan.channel}`) : t('common.none')}</Table.Td>
              <Table.Td>{fan.tier ?? t('common.none')}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {count(fan.pointsEarned)}
              </Table.Td>
              <Table.Td ta="right">{count(fan.events)}</Table.Td>
              <Table.Td ta="right">{count(fan.balance)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
