import {
  Alert,
  Button,
  FileButton,
  Group,
  List,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconFileUpload, IconInfoCircle, IconUpload, IconX } from '@tabler/icons-react';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorMessage } from '@/lib/api/error-message';
import { ApiError } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format';

import { type ImportUploadResult, UploadCancelled, useUploadImport } from '../api/upload-import';
import { formatBytes } from '../utils/import-state';

const CSV_NAME = /\.(csv|txt)$/i;
/** Refused rows the answer lists right away; errors.csv in the list has them all. */
const SAMPLE_SHOWN = 5;

interface ImportUploadProps {
  brandId: string;
  timeZone: string;
}

/**
 * Choose or drop a CSV file, send it (the browser streams it from disk) with a progress bar, and
 * read what the API made of it: rows read, valid, refused (the first few with their reasons), or
 * that the same file was imported before.
 */
export function ImportUpload({ brandId, timeZone }: ImportUploadProps) {
  const { t, i18n } = useTranslation();
  const upload = useUploadImport(brandId);
  const [file, setFile] = useState<File | null>(null);
  const [notCsv, setNotCsv] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value);

  const choose = (chosen: File | null) => {
    upload.reset();
    if (chosen && !CSV_NAME.test(chosen.name) && chosen.type !== 'text/csv') {
      setNotCsv(chosen.name);
      setFile(null);
      return;
    }
    setNotCsv(null);
    setFile(chosen);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!upload.isPending) choose(event.dataTransfer.files[0] ?? null);
  };

  const start = () => {
    // The answer stays; the file is let go, so that "Import" is not pressed twice by mistake.
    if (file) upload.mutate(file, { onSuccess: () => setFile(null) });
  };

  const percent =
    upload.progress && upload.progress.total > 0
      ? Math.floor((upload.progress.sent / upload.progress.total) * 100)
      : 0;
  const sentAll = upload.progress !== null && upload.progress.sent >= upload.progress.total;

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Title order={2} size="h4">
          {t('imports.upload.title')}
        </Title>
        <Paper
          data-testid="import-drop-zone"
          p="xl"
          radius="md"
          withBorder
          bg={dragging ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-gray-0)'}
          style={{ borderStyle: 'dashed', textAlign: 'center' }}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <Stack align="center" gap="xs">
            <IconFileUpload size={36} stroke={1.4} aria-hidden />
            <Text fw={500}>{t('imports.upload.drop')}</Text>
            <FileButton onChange={choose} accept=".csv,.txt,text/csv">
              {(props) => (
                <Button variant="light" {...props} disabled={upload.isPending}>
                  {t('imports.upload.choose')}
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed">
              {t('imports.upload.limits')}
            </Text>
          </Stack>
        </Paper>

        {notCsv && (
          <Alert color="orange" variant="light" role="alert">
            {t('imports.upload.notCsv', { name: notCsv })}
          </Alert>
        )}

        {file && (
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text data-testid="import-file">
              {t('imports.upload.selected', { name: file.name, size: formatBytes(file.size, i18n.language) })}
            </Text>
            {upload.isPending ? (
              <Button variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={upload.cancel}>
                {t('imports.upload.cancel')}
              </Button>
            ) : (
              <Group gap="xs">
                <Button variant="default" onClick={() => choose(null)}>
                  {t('imports.upload.clear')}
                </Button>
                <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={start}>
                  {t('imports.upload.start')}
                </Button>
              </Group>
            )}
          </Group>
        )}

        {upload.isPending && (
          <Stack gap={4}>
            <Progress
              value={percent}
              animated={sentAll}
              aria-label={t('imports.upload.progressLabel')}
              data-testid="import-upload-progress"
            />
            <Text size="sm" c="dimmed" role="status">
              {sentAll ? t('imports.upload.checking') : t('imports.upload.uploading', { percent })}
            </Text>
          </Stack>
        )}

        {upload.isError && !(upload.error instanceof UploadCancelled) && (
          <Alert color="red" variant="light" title={t('imports.upload.failed')} role="alert">
            <Text size="sm">{errorMessage(upload.error, t)}</Text>
            {upload.error instanceof ApiError && (upload.error.problem?.errors?.length ?? 0) > 0 && (
              <List size="sm" mt="xs" data-testid="import-upload-errors">
                {upload.error.problem?.errors?.map((error) => (
                  <List.Item key={`${error.field}:${error.reason}`}>
                    <Text span ff="monospace" size="sm">
                      {error.field}
                    </Text>
                    : {error.reason}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        {upload.isError && upload.error instanceof UploadCancelled && (
          <Text size="sm" c="dimmed" role="status">
            {t('imports.upload.cancelled')}
          </Text>
        )}

        {upload.data && <UploadAnswer result={upload.data} timeZone={timeZone} number={number} />}
      </Stack>
    </Paper>
  );
}

function UploadAnswer({
  result,
  timeZone,
  number,
}: {
  result: ImportUploadResult;
  timeZone: string;
  number: (value: number) => string;
}) {
  const { t, i18n } = useTranslation();
  const item = result.import;
  const sample = item.errorSample.slice(0, SAMPLE_SHOWN);
  return (
    <Alert
      color={result.created ? 'teal' : 'blue'}
      variant="light"
      icon={result.created ? <IconCircleCheck aria-hidden /> : <IconInfoCircle aria-hidden />}
      title={
        result.created
          ? t('imports.upload.started', { name: item.filename ?? t('imports.list.unnamed') })
          : t('imports.upload.repeated')
      }
      data-testid="import-upload-answer"
    >
      <Stack gap="xs">
        <Text size="sm">
          {result.created
            ? t('imports.upload.startedText', {
                count: item.rowsTotal,
                total: number(item.rowsTotal),
                valid: number(item.rowsValid),
                rejected: number(item.rowsRejected),
              })
            : t('imports.upload.repeatedText', {
                date: formatDateTime(item.createdAt, i18n.language, timeZone),
                name: item.filename ?? t('imports.list.unnamed'),
              })}
        </Text>
        {result.created && sample.length > 0 && (
          <Table fz="sm" aria-label={t('imports.upload.sampleTitle')} data-testid="import-error-sample">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('imports.list.line')}</Table.Th>
                <Table.Th scope="col">{t('imports.list.id')}</Table.Th>
                <Table.Th scope="col">{t('imports.list.reasons')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sample.map((row) => (
                <Table.Tr key={row.line}>
                  <Table.Td>{row.line}</Table.Td>
                  <Table.Td ff="monospace">{row.id ?? '—'}</Table.Td>
                  <Table.Td>
                    {row.errors.map((error) => `${error.field}: ${error.reason}`).join('; ')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Alert>
  );
}
