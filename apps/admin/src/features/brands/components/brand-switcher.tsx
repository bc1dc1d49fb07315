import { Badge, Button, Group, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconPlus, IconSelector } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';

import { useBrands } from '../api/get-brands';
import { CreateBrandModal } from './create-brand-modal';

/** The part of the path after `/brands/:brandId/`, so switching brands keeps the user's section. */
function sectionOf(pathname: string): string {
  const match = /^\/brands\/[^/]+\/([^/]+(?:\/[^/]+)?)/.exec(pathname);
  return match?.[1] ?? 'dashboard';
}

export function BrandSwitcher({ currentBrandId }: { currentBrandId: string | undefined }) {
  const { t } = useTranslation();
  const location = useLocation();
  const brands = useBrands();
  const [createOpened, createModal] = useDisclosure(false);
  const current = brands.data?.find((brand) => brand.id === currentBrandId);
  const section = sectionOf(location.pathname);
  const label = current?.name ?? t('brands.switcher.placeholder');

  return (
    <>
      <Menu position="bottom-start" width={300} withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            rightSection={<IconSelector size={16} aria-hidden />}
            aria-label={current ? t('brands.switcher.label', { name: current.name }) : label}
            data-testid="brand-switcher"
            maw={280}
            loading={brands.isPending}
          >
            <Text span truncate fw={600} size="sm">
              {label}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('brands.switcher.heading')}</Menu.Label>
          {brands.data?.map((brand) => (
            <Menu.Item
              key={brand.id}
              component={Link}
              to={`/brands/${brand.id}/${section}`}
              aria-current={brand.id === currentBrandId ? 'page' : undefined}
              rightSection={brand.id === currentBrandId ? <IconCheck size={16} aria-hidden /> : null}
            >
              <Group gap={6} wrap="nowrap">
                <Text span size="sm" truncate>
                  {brand.name}
                </Text>
                {brand.isDemo && (
                  <Badge size="xs" variant="light" color="gray">
                    {t('brands.switcher.demo')}
                  </Badge>
                )}
                {brand.role && (
                  <Text span size="xs" c="dimmed">
                    {t(`roles.${brand.role}`)}
                  </Text>
                )}
              </Group>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open}>
            {t('brands.switcher.create')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CreateBrandModal opened={createOpened} onClose={createModal.close} />
    </>
  );
}
