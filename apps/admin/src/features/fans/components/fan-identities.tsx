import { Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLink, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { ConfirmDialog } from '@/components/confirm-dialog';
import type { FanDto, FanIdentityDto } from '@/lib/api/types';
import { useConfirmedMutation } from '@/lib/confirmed-mutation';
import { formatDateTime } from '@/lib/format';

import { useUnlinkIdentity } from '../api/unlink-identity';
import { describeProof, isVerified, readProof, sourceLabel } from '../utils/identity-proof';
import { fanName } from './fan-name';
import { LinkAccountModal } from './link-account-modal';

interface FanIdentitiesProps {
  brandId: string;
  fan: FanDto;
  timeZone: string;
  /** Owners and managers link and unlink accounts of a fan who is not erased. */
  canLink: boolean;
}

function accountLabel(identity: FanIdentityDto): string {
  return `${identity.channel}: ${identity.handle ?? identity.externalId}`;
}

/** The fan's accounts, how each came to be theirs (verified links with their proof), link and unlink. */
export function FanIdentities({ brandId, fan, timeZone, canLink }: FanIdentitiesProps) {
  const { t, i18n } = useTranslation();
  const [linkOpened, linkModal] = useDisclosure(false);
  const unlink = useConfirmedMutation(useUnlinkIdentity(brandId, fan.id), {
    variables: (identity: FanIdentityDto) => identity.id,
    successMessage: (identity) => t('fans.identities.unlink.done', { account: accountLabel(identity) }),
  });
  const none = t('common.none');

  return (
    <section aria-labelledby="identities-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="identities-title">
          {t('fans.identities.title')}
        </Title>
        {canLink && (
          <Button variant="default" leftSection={<IconLink size={18} aria-hidden />} onClick={linkModal.open}>
            {t('fans.identities.link.button')}
          </Button>
        )}
      </Group>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={960}>
          <Table verticalSpacing="xs" aria-labelledby="identities-title" data-testid="fan-identities">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fans.identities.channel')}</Table.Th>
                <Table.Th scope="col">{t('fans.identities.externalId')}</Table.Th>
                <Table.Th scope="col">{t('fans.identities.handle')}</Table.Th>
                <Table.Th scope="col">{t('fans.identities.displayName')}</Table.Th>
                <Table.Th scope="col">{t('fans.identities.email')}</Table.Th>
                <Table.Th scope="col">{t('fans.identities.source')}</Table.Th>
                <Table.Th scope="col">{t('fans.identities.since')}</Table.Th>
                {canLink && (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('fans.identities.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fan.identities.map((identity) => {
                const proof = isVerified(identity) ? readProof(identity.proof) : null;
                return (
                  <Table.Tr key={identity.id} data-testid="fan-identity">
                    <Table.Td>
                      <Badge variant="light" color="gray" tt="none">
                        {identity.channel}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {identity.externalId}
                      </Text>
                    </Table.Td>
                    <Table.Td>{identity.handle ?? none}</Table.Td>
                    <Table.Td>{identity.displayName ?? none}</Table.Td>
                    <Table.Td>{identity.email ?? none}</Table.Td>
                    <Table.Td>
                      {isVerified(identity) ? (
                        <Stack gap={2} align="flex-start">
                          <Badge
                            color="teal"
                            variant="light"
                            leftSection={<IconRosetteDiscountCheck size={14} aria-hidden />}
                          >
                            {t('fans.identities.verified')}
                          </Badge>
                          {proof && (
                            <Text size="xs" c="dimmed" data-testid="identity-proof">
                              {describeProof(proof, t, i18n.language, timeZone)}
                            </Text>
                          )}
                        </Stack>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {sourceLabel(identity.source, t)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDateTime(identity.createdAt, i18n.language, timeZone)}</Table.Td>
                    {canLink && (
                      <Table.Td ta="right">
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          aria-label={t('fans.identities.unlink.label', { account: accountLabel(identity) })}
                          onClick={() => unlink.ask(identity)}
                        >
                          {t('fans.identities.unlink.button')}
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
      {canLink && (
        <LinkAccountModal brandId={brandId} fanId={fan.id} opened={linkOpened} onClose={linkModal.close} />
      )}
      <ConfirmDialog
        {...unlink.dialogProps}
        title={t('fans.identities.unlink.title')}
        message={t('fans.identities.unlink.text', {
          account: unlink.target ? accountLabel(unlink.target) : '',
          name: fanName(fan, t),
        })}
        confirmLabel={t('fans.identities.unlink.confirm')}
      />
    </section>
  );
}
