import { ActionIcon, Badge, Button, Group, Paper, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconEdit, IconEye, IconPlus, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { CursorPager } from '@/components/cursor-pager';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageHeader } from '@/components/page-header';
import type { RewardDto } from '@/lib/api/types';
import { permissionsOf, useCurrentBrand } from '@/lib/current-brand';
import { formatDateTime } from '@/lib/format';
import { useCursorPaging } from '@/lib/paging';

import { useRewards } from '../api/get-rewards';
import { rewardNames, stockState } from '../utils/reward-display';
import { RewardFormModal } from './reward-form-modal';
import { RewardKindBadge } from './reward-kind-badge';
import { UploadCodesModal } from './upload-codes-modal';

type Dialog = { kind: 'form'; reward: RewardDto | null } | { kind: 'codes'; reward: RewardDto } | null;

/** The rewards catalogue with live stock; managers create, edit and fill coupon code pools. */
export function RewardsPage() {
  const { t, i18n } = useTranslation();
  const brand = useCurrentBrand();
  const canManage = permissionsOf(brand.role).manageRewards;
  const paging = useCursorPaging();
  const rewards = useRewards(brand.id, paging.page);
  const [dialog, setDialog] = useState<Dialog>(null);

  const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const date = (value: string) => formatDateTime(value, i18n.language, brand.timeZone);
  const availability = (reward: RewardDto) => {
    if (reward.availableFrom && reward.availableUntil) {
      return t('rewards.window.range', {
        from: date(reward.availableFrom),
        until: date(reward.availableUntil),
      });
    }
    if (reward.availableFrom) {
      return t('rewards.window.from', { from: date(reward.availableFrom) });
    }
    if (reward.availableUntil) {
      return t('rewards.window.until', { until: date(reward.availableUntil) });
    }
    return t('rewards.window.always');
  };

  return (
    <>
      <PageHeader
        title={t('rewards.title')}
        description={t('rewards.description')}
        actions={
          canManage && (
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() => setDialog({ kind: 'form', reward: null })}
            >
              {t('rewards.create')}
            </Button>
          )
        }
      />
      {rewards.isPending ? (
        <LoadingState />
      ) : rewards.isError ? (
        <ErrorState error={rewards.error} onRetry={() => void rewards.refetch()} />
      ) : (
        <>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="sm" highlightOnHover aria-label={t('rewards.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('rewards.columns.name')}</Table.Th>
                    <Table.Th scope="col">{t('rewards.columns.kind')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('rewards.columns.cost')}
                    </Table.Th>
                    <Table.Th scope="col">{t('rewards.columns.stock')}</Table.Th>
                    <Table.Th scope="col">{t('rewards.columns.codes')}</Table.Th>
                    <Table.Th scope="col">{t('rewards.columns.status')}</Table.Th>
                    <Table.Th scope="col">{t('rewards.columns.window')}</Table.Th>
                    <Table.Th scope="col">{t('rewards.columns.minTier')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('rewards.columns.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rewards.data.items.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={9}>
                        <Text c="dimmed" ta="center" py="lg">
                          {t('rewards.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {rewards.data.items.map((reward) => {
                    const names = rewardNames(reward, i18n.language);
                    const stock = stockState(reward);
                    return (
                      <Table.Tr key={reward.id} data-testid="reward-row">
                        <Table.Th scope="row">
                          <Text fw={600} size="sm">
                            {names.primary}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {names.secondary}
                          </Text>
                        </Table.Th>
                        <Table.Td>
                          <RewardKindBadge kind={reward.kind} />
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {t('rewards.points', {
                            count: reward.costPoints,
                            formatted: number(reward.costPoints),
                          })}
                        </Table.Td>
                        <Table.Td data-testid="reward-stock">
                          <Group gap={6} wrap="nowrap">
                            <Text size="sm">
                              {reward.stockLeft === null ? t('rewards.unlimited') : number(reward.stockLeft)}
                            </Text>
                            {stock === 'low' && (
                              <Badge color="yellow" variant="light">
                                {t('rewards.lowStock')}
                              </Badge>
                            )}
                            {stock === 'soldOut' && (
                              <Badge color="red" variant="light">
                                {t('rewards.soldOut')}
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td data-testid="reward-codes" style={{ whiteSpace: 'nowrap' }}>
                          {reward.kind === 'coupon'
                            ? t('rewards.codes', {
                                available: number(reward.codesAvailable ?? 0),
                                assigned: number(reward.codesAssigned ?? 0),
                              })
                            : t('common.none')}
                        </Table.Td>
                        <Table.Td>
                          <Badge color={reward.active ? 'teal' : 'gray'} variant="light">
                            {reward.active ? t('rewards.active') : t('rewards.inactive')}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{availability(reward)}</Text>
                        </Table.Td>
                        <Table.Td>{reward.minTier ?? t('rewards.everyone')}</Table.Td>
                        <Table.Td>
                          <Group gap={4} justify="flex-end" wrap="nowrap">
                            <Tooltip label={canManage ? t('rewards.edit') : t('rewards.view')}>
                              <ActionIcon
                                variant="subtle"
                                size="lg"
                                aria-label={t(canManage ? 'rewards.editNamed' : 'rewards.viewNamed', {
                                  name: names.primary,
                                })}
                                onClick={() => setDialog({ kind: 'form', reward })}
                              >
                                {canManage ? (
                                  <IconEdit size={18} aria-hidden />
                                ) : (
                                  <IconEye size={18} aria-hidden />
                                )}
                              </ActionIcon>
                            </Tooltip>
                            {canManage && reward.kind === 'coupon' && (
                              <Tooltip label={t('rewards.uploadCodes')}>
                                <ActionIcon
                                  variant="subtle"
                                  size="lg"
                                  aria-label={t('rewards.uploadCodesNamed', { name: names.primary })}
                                  onClick={() => setDialog({ kind: 'codes', reward })}
                                >
                                  <IconUpload size={18} aria-hidden />
                                </ActionIcon>
                              </Tooltip>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <CursorPager paging={paging} nextCursor={rewards.data.nextCursor} />
        </>
      )}
      {dialog?.kind === 'form' && (
        <RewardFormModal
          brand={brand}
          reward={dialog.reward}
          readOnly={!canManage}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'codes' && (
        <UploadCodesModal brandId={brand.id} reward={dialog.reward} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
