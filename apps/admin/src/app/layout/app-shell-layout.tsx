import { Anchor, AppShell, Burger, Group, NavLink, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconChartBar,
  IconFileImport,
  IconGift,
  IconLayoutDashboard,
  IconReceipt,
  IconSettings,
  IconSpeakerphone,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatch } from 'react-router-dom';

import { LanguageSwitcher } from '@/components/language-switcher';
import { Logo } from '@/components/logo';
import { UserMenu } from '@/features/auth/components/user-menu';
import { brandQueryOptions } from '@/features/brands/api/get-brand';
import { BrandSwitcher } from '@/features/brands/components/brand-switcher';
import { permissionsOf } from '@/lib/current-brand';

type NavKey =
  'dashboard' | 'campaigns' | 'rewards' | 'fans' | 'redemptions' | 'reports' | 'imports' | 'settings';
type Permissions = ReturnType<typeof permissionsOf>;

// `shownTo` hides an entry from roles that could not use the page.
const navItems: { key: NavKey; icon: Icon; shownTo?: keyof Permissions }[] = [
  { key: 'dashboard', icon: IconLayoutDashboard },
  { key: 'campaigns', icon: IconSpeakerphone },
  { key: 'rewards', icon: IconGift },
  { key: 'fans', icon: IconUsers },
  { key: 'redemptions', icon: IconReceipt },
  { key: 'reports', icon: IconChartBar },
  { key: 'imports', icon: IconFileImport, shownTo: 'importEvents' },
  { key: 'settings', icon: IconSettings },
];

/** Header (logo, brand, language, account) and, inside a brand, the section navigation. */
export function AppShellLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const [navOpened, nav] = useDisclosure(false);
  const brandMatch = useMatch('/brands/:brandId/*');
  const brandId = brandMatch?.params.brandId;
  // The brand layout below loads the same query; its role decides which entries are shown.
  const brand = useQuery({ ...brandQueryOptions(brandId ?? ''), enabled: brandId !== undefined });
  const permissions = permissionsOf(brand.data?.role ?? null);
  const shownItems = navItems.filter(({ shownTo }) => !shownTo || permissions[shownTo]);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={brandId ? { width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpened } } : undefined}
      padding="xl"
    >
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            {brandId && (
              <Burger
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('nav.toggle')}
              />
            )}
            <Anchor component={Link} to="/" aria-label={t('app.homeLink')} underline="never" visibleFrom="xs">
              <Logo />
            </Anchor>
            <BrandSwitcher currentBrandId={brandId} />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      {brandId && (
        <AppShell.Navbar p="sm" component="nav" aria-label={t('nav.label')}>
          <ScrollArea>
            {shownItems.map(({ key, icon: ItemIcon }) => {
              const href = `/brands/${brandId}/${key}`;
              const active = location.pathname === href || location.pathname.startsWith(`${href}/`);
              return (
                <NavLink
                  key={key}
                  component={Link}
                  to={href}
                  label={t(`nav.${key}`)}
                  leftSection={<ItemIcon size={20} stroke={1.6} aria-hidden />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={nav.close}
                  variant="light"
                  fw={500}
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                />
              );
            })}
          </ScrollArea>
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main" tabIndex={-1} bg="var(--mantine-color-gray-0)">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
