import { Button, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useParams } from 'react-router-dom';

import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { useBrand } from '@/features/brands/api/get-brand';
import { ApiError } from '@/lib/api/problem';
import { CurrentBrandContext } from '@/lib/current-brand';
import { writeLastBrandId } from '@/lib/last-brand';

/** Loads the brand named in the URL and shares it with every page below `/brands/:brandId`. */
export function BrandLayout() {
  const { brandId = '' } = useParams();
  const brand = useBrand(brandId);

  useEffect(() => {
    if (brand.data) {
      writeLastBrandId(brand.data.id);
    }
  }, [brand.data]);

  if (brand.isPending) {
    return <LoadingState />;
  }
  if (brand.isError) {
    const missing = brand.error instanceof ApiError && [400, 403, 404].includes(brand.error.status);
    return missing ? (
      <BrandNotFound />
    ) : (
      <ErrorState error={brand.error} onRetry={() => void brand.refetch()} />
    );
  }
  return (
    <CurrentBrandContext.Provider value={brand.data}>
      <Outlet />
    </CurrentBrandContext.Provider>
  );
}

function BrandNotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" maw={560}>
      <Title order={1} size="h2">
        {t('brands.notFound.title')}
      </Title>
      <Text c="dimmed">{t('brands.notFound.text')}</Text>
      <Button component={Link} to="/">
        {t('brands.notFound.back')}
      </Button>
    </Stack>
  );
}
