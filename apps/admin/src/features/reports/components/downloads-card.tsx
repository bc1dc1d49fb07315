import { EXPORT_FORMATS, type ExportFormat, type ExportKind } from '@fanfare/shared';
import { Button, Checkbox, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorMessage } from '@/lib/api/error-message';
import { notifyError, notifySuccess } from '@/lib/notify';

import { useDownloadActiveFansCsv } from '../api/download-active-fans-csv';
import { useDownloadFansCsv } from '../api/download-fans-csv';
import { useDownloadLedgerCsv } from '../api/download-ledger-csv';
import {
  DEFAULT_DOWNLOAD_OPTIONS,
  type DownloadOptions,
  type ReportFile,
  rangeExportQuery,
  seriesExportQuery,
} from '../utils/download-query';
import type { SeriesQuery } from '../utils/report-filters';

interface DownloadsCardProps {
  brandId: string;
  /** The filters on the screen; the fan and ledger files use their range only. */
  series: SeriesQuery;
}

/** The three exports (series, fans, ledger) with their format and whether fans are pseudonymised. */
export function DownloadsCard({ brandId, series }: DownloadsCardProps) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<DownloadOptions>(DEFAULT_DOWNLOAD_OPTIONS);
  const activeFans = useDownloadActiveFansCsv(brandId);
  const fans = useDownloadFansCsv(brandId);
  const ledger = useDownloadLedgerCsv(brandId);

  const callbacks = {
    onSuccess: ({ filename }: ReportFile) => notifySuccess(t('reports.downloads.done', { filename })),
    onError: (error: unknown) => notifyError(errorMessage(error, t)),
  };
  const downloads: { kind: ExportKind; pending: boolean; start: () => void }[] = [
    {
      kind: 'active-fans',
      pending: activeFans.isPending,
      start: () => activeFans.mutate(seriesExportQuery(series, options), callbacks),
    },
    {
      kind: 'fans',
      pending: fans.isPending,
      start: () => fans.mutate(rangeExportQuery(series, options), callbacks),
    },
    {
      kind: 'ledger',
      pending: ledger.isPending,
      start: () => ledger.mutate(rangeExportQuery(series, options), callbacks),
    },
  ];

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="report-downloads-title">
      <Stack gap="md">
        <div>
          <Title order={2} size="h5" id="report-downloads-title">
            {t('reports.downloads.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('reports.downloads.description')}
          </Text>
        </div>
        <Group align="flex-start" gap="xl" wrap="wrap">
          <Radio.Group
            label={t('reports.downloads.format')}
            value={options.format}
            onChange={(value) => {
              const format = EXPORT_FORMATS.find((candidate) => candidate === value);
              if (format) setOptions((current) => ({ ...current, format }));
            }}
          >
            <Stack gap={6} mt={6}>
              {EXPORT_FORMATS.map((format: ExportFormat) => (
                <Radio
                  key={format}
                  value={format}
                  label={t(`reports.downloads.formats.${format}`)}
                  description={t(`reports.downloads.formatHints.${format}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Checkbox
            mt={28}
            maw={360}
            label={t('reports.downloads.pseudonymize')}
            description={t('reports.downloads.pseudonymizeHint')}
            checked={options.pseudonymize}
            onChange={(event) => {
              const pseudonymize = event.currentTarget.checked;
              setOptions((current) => ({ ...current, pseudonymize }));
            }}
          />
        </Group>
        <Group gap="sm" wrap="wrap">
          {downloads.map(({ kind, pending, start }) => (
            <Button
              key={kind}
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
              loading={pending}
              onClick={start}
              data-testid={`download-${kind}`}
            >
              {t(`reports.downloads.kinds.${kind}`)}
            </Button>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
