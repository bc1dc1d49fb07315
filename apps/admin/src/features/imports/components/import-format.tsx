import { Badge, Button, Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { saveBlob } from '@/lib/download';

import { DESCRIBED_COLUMNS, REQUIRED_COLUMNS, TEMPLATE_CSV, TEMPLATE_FILENAME } from '../utils/csv-template';

/** The CSV format: the columns with what each holds, an example, and a template to start from. */
export function ImportFormat() {
  const { t } = useTranslation();
  const downloadTemplate = () => {
    // A byte order mark, so that Excel opens the template as UTF-8.
    saveBlob(new Blob(['\uFEFF', TEMPLATE_CSV], { type: 'text/csv;charset=utf-8' }), TEMPLATE_FILENAME);
  };
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Title order={2} size="h4">
          {t('imports.format.title')}
        </Title>
        <Text size="sm">{t('imports.format.intro')}</Text>
        <Table fz="sm" aria-label={t('imports.format.columnsLabel')} data-testid="import-columns">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('imports.format.column')}</Table.Th>
              <Table.Th scope="col">{t('imports.format.meaning')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {DESCRIBED_COLUMNS.map((column) => (
              <Table.Tr key={column}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Code>{column === 'prop' ? 'prop.<name>' : column}</Code>{' '}
                  {REQUIRED_COLUMNS.has(column) && (
                    <Badge size="xs" variant="light">
                      {t('imports.format.required')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{t(`imports.format.columns.${column}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm">{t('imports.format.rules')}</Text>
        <Text size="sm">{t('imports.format.ids')}</Text>
        <Text size="sm" fw={500}>
          {t('imports.format.example')}
        </Text>
        <Code block data-testid="import-example">
          {TEMPLATE_CSV.trimEnd()}
        </Code>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          onClick={downloadTemplate}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('imports.format.template')}
        </Button>
      </Stack>
    </Paper>
  );
}
