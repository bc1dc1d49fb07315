import { Alert, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { PageHeader } from '@/components/page-header';
import { permissionsOf, useCurrentBrand } from '@/lib/current-brand';

import { ImportFormat } from './import-format';
import { ImportList } from './import-list';
import { ImportUpload } from './import-upload';

/**
 * Import events: upload a CSV file of past interactions (owners and managers), see how the CSV is
 * written, and follow each import until its rows are booked. Analysts see the list.
 */
export function ImportsPage() {
  const { t } = useTranslation();
  const brand = useCurrentBrand();
  const canImport = permissionsOf(brand.role).importEvents;

  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.description')} />
      <Stack gap="lg">
        {canImport ? (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <ImportUpload brandId={brand.id} timeZone={brand.timeZone} />
            <ImportFormat />
          </SimpleGrid>
        ) : (
          <Alert color="gray" variant="light">
            {t('imports.readOnly')}
          </Alert>
        )}
        <ImportList brandId={brand.id} timeZone={brand.timeZone} />
      </Stack>
    </>
  );
}
