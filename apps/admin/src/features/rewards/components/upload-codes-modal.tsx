import { Alert, Button, FileInput, Group, List, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorMessage } from '@/lib/api/error-message';
import type { RewardDto } from '@/lib/api/types';

import { useUploadCodes } from '../api/upload-codes';
import { rewardNames } from '../utils/reward-display';
import { type UploadReport, codesContentType, summarizeUpload } from '../utils/upload-report';

interface UploadCodesModalProps {
  brandId: string;
  reward: RewardDto;
  onClose: () => void;
}

/** Two steps: a file (CSV or text) or pasted codes, then the API's report of what it stored. */
export function UploadCodesModal({ brandId, reward, onClose }: UploadCodesModalProps) {
  const { t, i18n } = useTranslation();
  const mutation = useUploadCodes(brandId, reward.id);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [report, setReport] = useState<UploadReport | null>(null);
  const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = file ? await file.text() : text;
    if (body.trim() === '') {
      setMissing(true);
      return;
    }
    mutation.mutate(
      { text: body, contentType: codesContentType(file) },
      { onSuccess: (result) => setReport(summarizeUpload(result)) },
    );
  };

  const again = () => {
    setReport(null);
    setFile(null);
    setText('');
    mutation.reset();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('rewards.upload.title', { name: rewardNames(reward, i18n.language).primary })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {report ? (
        <Stack data-testid="upload-report">
          <Text fw={600} role="status">
            {t('rewards.upload.done')}
          </Text>
          <List spacing="xs">
            {report.lines.map((line) => (
              <List.Item key={line.kind}>
                {t(`rewards.upload.report.${line.kind}`, {
                  count: line.count,
                  formatted: number(line.count),
                })}
                {line.sample.length > 0 && (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {line.sample.join(', ')}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
          {report.rejectedCount > 0 && (
            <Alert
              color="orange"
              variant="light"
              title={t('rewards.upload.rejected', { count: report.rejectedCount })}
            >
              <Table aria-label={t('rewards.upload.rejectedTable')} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('rewards.upload.line')}</Table.Th>
                    <Table.Th scope="col">{t('rewards.upload.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.rejected.map((line) => (
                    <Table.Tr key={line.line}>
                      <Table.Td>{line.line}</Table.Td>
                      <Table.Td>{line.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {report.rejectedNotListed > 0 && (
                <Text size="sm" mt="xs">
                  {t('rewards.upload.rejectedNotListed', { count: report.rejectedNotListed })}
                </Text>
              )}
            </Alert>
          )}
          <Text data-testid="upload-counts">
            {t('rewards.upload.counts', {
              available: number(report.codesAvailable),
              assigned: number(report.codesAssigned),
            })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={again}>
              {t('rewards.upload.again')}
            </Button>
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('rewards.upload.intro')}
            </Text>
            <FileInput
              label={t('rewards.upload.file')}
              description={t('rewards.upload.fileHint')}
              accept=".csv,.txt,text/csv,text/plain"
              clearable
              value={file}
              onChange={(value) => {
                setFile(value);
                setMissing(false);
              }}
              leftSection={<IconFileUpload size={16} aria-hidden />}
              clearButtonProps={{ 'aria-label': t('rewards.upload.clearFile') }}
            />
            <Textarea
              label={t('rewards.upload.paste')}
              description={t('rewards.upload.pasteHint')}
              value={text}
              onChange={(event) => {
                setText(event.currentTarget.value);
                setMissing(false);
              }}
              disabled={file !== null}
              autosize
              minRows={4}
              maxRows={12}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              error={missing ? t('rewards.upload.nothing') : undefined}
            />
            {mutation.isError && (
              <Alert color="red" variant="light" title={t('rewards.upload.failed')} role="alert">
                <Text size="sm">{errorMessage(mutation.error, t)}</Text>
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose} disabled={mutation.isPending}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {t('rewards.upload.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
