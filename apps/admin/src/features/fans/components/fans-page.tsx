import { Anchor, Badge, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';

import { CursorPager } from '@/components/cursor-pager';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageHeader } from '@/components/page-header';
import { useCurrentBrand } from '@/lib/current-brand';
import { formatDateTime } from '@/lib/format';
import { useCursorPaging } from '@/lib/paging';

import { type FanSort, useFans } from '../api/get-fans';
import { fanName } from './fan-name';

function sortOf(search: URLSearchParams): FanSort {
  return search.get('sort') === 'points' ? 'points' : 'last_active';
}

/** Fan search: the query, the sort and the page live in the URL. */
export function FansPage() {
  const { t, i18n } = useTranslation();
  const brand = useCurrentBrand();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const sort = sortOf(searchParams);
  const paging = useCursorPaging();
  const fans = useFans(brand.id, paging.page, q, sort);
  const [text, setText] = useState(q);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams);
    next.delete('cursor');
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') {
        next.delete(key);
      } else {
        next.set(key, value);
      }
    }
    setSearchParams(next, { replace: true });
  };
  const search = useDebouncedCallback((value: string) => update({ q: value.trim() }), 300);
  const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value);

  return (
    <>
      <PageHeader title={t('fans.title')} description={t('fans.description')} />
      <Group mb="md" align="flex-end">
        <TextInput
          type="search"
          label={t('fans.search')}
          placeholder={t('fans.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            search(event.currentTarget.value);
          }}
          w={360}
        />
        <Select
          label={t('fans.sort.label')}
          data={[
            { value: 'last_active', label: t('fans.sort.lastActive') },
            { value: 'points', label: t('fans.sort.points') },
          ]}
          value={sort}
          onChange={(value) => update({ sort: value === 'points' ? 'points' : null })}
          allowDeselect={false}
          w={220}
        />
      </Group>
      {fans.isPending ? (
        <LoadingState />
      ) : fans.isError ? (
        <ErrorState error={fans.error} onRetry={() => void fans.refetch()} />
      ) : (
        <>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={840}>
              <Table verticalSpacing="sm" highlightOnHover aria-label={t('fans.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('fans.columns.name')}</Table.Th>
                    <Table.Th scope="col">{t('fans.columns.identities')}</Table.Th>
                    <Table.Th scope="col">{t('fans.columns.tier')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('fans.columns.balance')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('fans.columns.lifetime')}
                    </Table.Th>
                    <Table.Th scope="col">{t('fans.columns.lastActive')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {fans.data.items.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={6}>
                        <Text c="dimmed" ta="center" py="lg">
                          {q ? t('fans.noMatches') : t('fans.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {fans.data.items.map((fan) => (
                    <Table.Tr key={fan.id} data-testid="fan-row">
                      <Table.Th scope="row">
                        <Anchor component={Link} to={`/brands/${brand.id}/fans/${fan.id}`} fw={600}>
                          {fanName(fan, t)}
                        </Anchor>
                        {fan.email && (
                          <Text size="xs" c="dimmed">
                            {fan.email}
                          </Text>
                        )}
                      </Table.Th>
                      <Table.Td>
                        <Group gap={4}>
                          {fan.identities.map((identity) => (
                            <Badge
                              key={`${identity.channel}:${identity.externalId}`}
                              variant="light"
                              color="gray"
                              tt="none"
                            >
                              {identity.channel}: {identity.handle ?? identity.externalId}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>{fan.tier ?? t('common.none')}</Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {number(fan.balance)}
                      </Table.Td>
                      <Table.Td ta="right">{number(fan.lifetimePoints)}</Table.Td>
                      <Table.Td>{formatDateTime(fan.lastActiveAt, i18n.language, brand.timeZone)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <CursorPager paging={paging} nextCursor={fans.data.nextCursor} />
        </>
      )}
    </>
  );
}
