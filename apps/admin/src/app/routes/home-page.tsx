import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';

import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { useBrands } from '@/features/brands/api/get-brands';
import { CreateBrandModal } from '@/features/brands/components/create-brand-modal';
import { readLastBrandId } from '@/lib/last-brand';

/** `/` opens the brand the user last worked in, else their first brand, else offers to create one. */
export function HomePage() {
  const { t } = useTranslation();
  const brands = useBrands();
  const [createOpened, createModal] = useDisclosure(false);

  if (brands.isPending) {
    return <LoadingState />;
  }
  if (brands.isError) {
    return <ErrorState error={brands.error} onRetry={() => void brands.refetch()} />;
  }
  const lastBrandId = readLastBrandId();
  const brand = brands.data.find(({ id }) => id === lastBrandId) ?? brands.data[0];
  if (brand) {
    return <Navigate to={`/brands/${brand.id}/dashboard`} replace />;
  }
  return (
    <Paper withBorder radius="md" p="xl" maw={560} mx="auto" mt="xl">
      <Stack align="flex-start">
        <Title order={1} size="h2">
          {t('brands.none.title')}
        </Title>
        <Text c="dimmed">{t('brands.none.text')}</Text>
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={createModal.open}>
          {t('brands.switcher.create')}
        </Button>
      </Stack>
      <CreateBrandModal opened={createOpened} onClose={createModal.close} />
    </Paper>
  );
}
