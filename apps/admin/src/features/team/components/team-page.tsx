import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconInfoCircle, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import { ConfirmDialog } from '@/components/confirm-dialog';
import { CursorPager } from '@/components/cursor-pager';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api/error-message';
import type { MemberDto } from '@/lib/api/types';
import { permissionsOf, useCurrentBrand } from '@/lib/current-brand';
import { formatDate } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/notify';
import { useCursorPaging } from '@/lib/paging';
import { useSession } from '@/lib/session';

import { useMembers } from '../api/get-members';
import { useRemoveMember } from '../api/remove-member';
import { useUpdateMember } from '../api/update-member';
import { isRole, useRoleOptions } from '../hooks/use-role-options';
import { AddMemberModal } from './add-member-modal';

export function TeamPage() {
  const { t } = useTranslation();
  const brand = useCurrentBrand();
  const canManage = permissionsOf(brand.role).manageTeam;
  const [addOpened, addModal] = useDisclosure(false);

  return (
    <>
      <PageHeader
        order={2}
        title={t('team.title')}
        description={t('team.description')}
        actions={
          canManage && (
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={addModal.open}>
              {t('team.add')}
            </Button>
          )
        }
      />
      {!canManage && (
        <Alert icon={<IconInfoCircle aria-hidden />} variant="light" mb="md">
          {t('team.readOnly')}
        </Alert>
      )}
      <MemberList brandId={brand.id} canManage={canManage} />
      {canManage && <AddMemberModal brandId={brand.id} opened={addOpened} onClose={addModal.close} />}
    </>
  );
}

function MemberList({ brandId, canManage }: { brandId: string; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const paging = useCursorPaging();
  const members = useMembers(brandId, paging.page);
  const updateMember = useUpdateMember(brandId);
  const removeMember = useRemoveMember(brandId);
  const roleOptions = useRoleOptions();
  const [toRemove, setToRemove] = useState<MemberDto | null>(null);

  if (members.isPending) {
    return <LoadingState />;
  }
  if (members.isError) {
    return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
  }

  const changeRole = (member: MemberDto, value: string) => {
    if (!isRole(value) || value === member.role) return;
    updateMember.mutate(
      { userId: member.userId, body: { role: value } },
      {
        onSuccess: (updated) =>
          notifySuccess(
            t('team.changeRole.done', { email: updated.email, role: t(`roles.${updated.role}`) }),
          ),
        onError: (error) => notifyError(errorMessage(error, t)),
      },
    );
  };

  const confirmRemove = () => {
    if (!toRemove) return;
    const { userId, email } = toRemove;
    removeMember.mutate(userId, {
      onSuccess: () => {
        notifySuccess(t('team.remove.done', { email }));
        setToRemove(null);
        if (userId === user.id) {
          void navigate('/', { replace: true });
        }
      },
      onError: (error) => {
        notifyError(errorMessage(error, t));
        setToRemove(null);
      },
    });
  };

  return (
    <>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" highlightOnHover aria-label={t('team.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('team.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('team.columns.email')}</Table.Th>
                <Table.Th scope="col">{t('team.columns.role')}</Table.Th>
                <Table.Th scope="col">{t('team.columns.joinedAt')}</Table.Th>
                {canManage && (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('team.columns.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={canManage ? 5 : 4}>
                    <Text c="dimmed" ta="center" py="lg">
                      {t('team.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {members.data.items.map((member) => {
                const isSelf = member.userId === user.id;
                const pending = updateMember.isPending && updateMember.variables.userId === member.userId;
                return (
                  <Table.Tr key={member.userId} data-testid="member-row">
                    <Table.Th scope="row" fw={500}>
                      <Stack gap={2}>
                        <Group gap={6}>
                          <Text span size="sm" fw={600}>
                            {member.name || member.email}
                          </Text>
                          {isSelf && (
                            <Badge size="xs" variant="light">
                              {t('common.you')}
                            </Badge>
                          )}
                        </Group>
                        {member.mustChangePassword && (
                          <Text span size="xs" c="dimmed">
                            {t('team.passwordPending')}
                          </Text>
                        )}
                      </Stack>
                    </Table.Th>
                    <Table.Td>{member.email}</Table.Td>
                    <Table.Td>
                      {canManage ? (
                        <NativeSelect
                          aria-label={t('team.changeRole.label', { email: member.email })}
                          size="xs"
                          w={150}
                          value={member.role}
                          disabled={pending}
                          data={roleOptions.map(({ value, label }) => ({ value, label }))}
                          onChange={(event) => changeRole(member, event.currentTarget.value)}
                        />
                      ) : (
                        <Badge variant="light" color={member.role === 'owner' ? 'fanfare' : 'gray'}>
                          {t(`roles.${member.role}`)}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(member.joinedAt, i18n.language)}</Table.Td>
                    {canManage && (
                      <Table.Td ta="right">
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          aria-label={t('team.remove.label', { email: member.email })}
                          onClick={() => setToRemove(member)}
                        >
                          {t('team.remove.button')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <CursorPager paging={paging} nextCursor={members.data.nextCursor} />
      <ConfirmDialog
        opened={toRemove !== null}
        title={t('team.remove.title')}
        message={
          toRemove?.userId === user.id
            ? t('team.remove.textSelf')
            : t('team.remove.text', { email: toRemove?.email ?? '' })
        }
        confirmLabel={t('team.remove.confirm')}
        loading={removeMember.isPending}
        onConfirm={confirmRemove}
        onClose={() => setToRemove(null)}
      />
    </>
  );
}
