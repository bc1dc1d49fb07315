import { Alert, Badge, Button, Group, Loader, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorState } from '@/components/error-state';
import type { FanDto } from '@/lib/api/types';
import { notifySuccess } from '@/lib/notify';

import { fansQueryOptions } from '../api/get-fans';
import { useMergeFan } from '../api/merge-fan';
import { mergeErrorMessage } from '../utils/fan-actions';
import { formatNumber } from '../utils/rule-label';
import { fanName } from './fan-name';

const SEARCH_PAGE = { limit: 10, cursor: null };

interface MergeFanModalProps {
  brandId: string;
  fan: FanDto;
  opened: boolean;
  onClose: () => void;
}

/**
 * Merges another fan into this one in two steps: find and choose the other fan, then confirm with
 * the consequences spelled out. The API refuses erased fans, so the search does not offer them.
 */
export function MergeFanModal({ brandId, fan, opened, onClose }: MergeFanModalProps) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [other, setOther] = useState<FanDto | null>(null);
  const mutation = useMergeFan(brandId, fan.id);
  const results = useQuery({
    ...fansQueryOptions(brandId, SEARCH_PAGE, q, 'last_active'),
    enabled: opened && q !== '',
  });
  const name = fanName(fan, t);

  const close = () => {
    setText('');
    setOther(null);
    mutation.reset();
    onClose();
  };

  const merge = () => {
    if (!other || mutation.isPending) {
      return;
    }
    const otherName = fanName(other, t);
    mutation.mutate(other.id, {
      onSuccess: (survivor) => {
        notifySuccess(t('fans.merge.done', { other: otherName, name: fanName(survivor, t) }));
        close();
      },
    });
  };

  const candidates = (results.data?.items ?? []).filter(
    (candidate) => candidate.id !== fan.id && candidate.erasedAt === null,
  );

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={
        other
          ? t('fans.merge.confirmTitle', { other: fanName(other, t), name })
          : t('fans.merge.title', { name })
      }
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {other ? (
        <Stack>
          <Text>
            {t('fans.merge.confirmText', {
              count: other.balance,
              points: formatNumber(other.balance, i18n.language),
              other: fanName(other, t),
              name,
              identities: other.identities
                .map((identity) => `${identity.channel}: ${identity.handle ?? identity.externalId}`)
                .join(', '),
            })}
          </Text>
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {t('fans.merge.irreversible')}
          </Alert>
          {mutation.isError && (
            <Alert color="red" variant="light" title={t('fans.merge.failedTitle')} role="alert">
              {mergeErrorMessage(mutation.error, t)}
            </Alert>
          )}
          <Group justify="space-between">
            <Button
              variant="default"
              onClick={() => {
                mutation.reset();
                setOther(null);
              }}
              disabled={mutation.isPending}
            >
              {t('fans.merge.back')}
            </Button>
            <Button color="red" onClick={merge} loading={mutation.isPending}>
              {t('fans.merge.submit')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm" c="dimmed">
            {t('fans.merge.intro')}
          </Text>
          <TextInput
            type="search"
            label={t('fans.merge.search')}
            placeholder={t('fans.merge.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={results.isFetching ? <Loader size="xs" /> : null}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            data-autofocus
          />
          {q === '' ? (
            <Text size="sm" c="dimmed">
              {t('fans.merge.typeToSearch')}
            </Text>
          ) : results.isError ? (
            <ErrorState error={results.error} onRetry={() => void results.refetch()} />
          ) : results.isPending ? null : candidates.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('fans.merge.noMatches')}
            </Text>
          ) : (
            <Stack gap="xs" data-testid="merge-candidates">
              {candidates.map((candidate) => (
                <Paper key={candidate.id} withBorder radius="md" p="sm" data-testid="merge-candidate">
                  <Group justify="space-between" wrap="nowrap">
                    <Stack gap={4}>
                      <Text fw={600}>{fanName(candidate, t)}</Text>
                      <Group gap={4}>
                        {candidate.identities.map((identity) => (
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
                      <Text size="sm" c="dimmed">
                        {t('fans.merge.balance', {
                          count: candidate.balance,
                          points: formatNumber(candidate.balance, i18n.language),
                        })}
                      </Text>
                    </Stack>
                    <Button
                      variant="light"
                      onClick={() => setOther(candidate)}
                      aria-label={t('fans.merge.chooseFan', { name: fanName(candidate, t) })}
                    >
                      {t('fans.merge.choose')}
                    </Button>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Modal>
  );
}
