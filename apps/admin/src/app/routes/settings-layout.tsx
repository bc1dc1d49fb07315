import { Tabs } from '@mantine/core';
import {
  type Icon,
  IconAppWindow,
  IconBuildingStore,
  IconChartLine,
  IconHistory,
  IconKey,
  IconPlugConnected,
  IconStairsUp,
  IconUsers,
  IconWebhook,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';

import { PageHeader } from '@/components/page-header';
import { permissionsOf, useCurrentBrand } from '@/lib/current-brand';

type Permissions = ReturnType<typeof permissionsOf>;

// `shownTo` hides a tab from roles that could only see a "not allowed" notice behind it.
const tabs = [
  { value: 'brand', key: 'brand', icon: IconBuildingStore },
  { value: 'tiers', key: 'tiers', icon: IconStairsUp },
  { value: 'analytics', key: 'analytics', icon: IconChartLine },
  { value: 'widget', key: 'widget', icon: IconAppWindow, shownTo: 'manageWidget' },
  { value: 'connections', key: 'connections', icon: IconPlugConnected, shownTo: 'manageConnections' },
  { value: 'webhooks', key: 'webhooks', icon: IconWebhook, shownTo: 'manageConnections' },
  { value: 'api-keys', key: 'apiKeys', icon: IconKey },
  { value: 'team', key: 'team', icon: IconUsers },
  { value: 'audit-log', key: 'auditLog', icon: IconHistory },
] as const satisfies ReadonlyArray<{ value: string; key: string; icon: Icon; shownTo?: keyof Permissions }>;

/** Settings → Brand, Tiers, Analytics, Widget, Connections, Webhooks, API keys, Team, Audit log; the tab is the last part of the URL. */
export function SettingsLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const permissions = permissionsOf(useCurrentBrand().role);
  const shown = tabs.filter((tab) => !('shownTo' in tab) || permissions[tab.shownTo]);
  const current =
    tabs.find(({ value }) => location.pathname.endsWith(`/settings/${value}`))?.value ?? 'brand';

  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Tabs value={current} onChange={(value) => value && void navigate(value)} keepMounted={false}>
        <Tabs.List aria-label={t('settings.tabs.label')} mb="lg">
          {shown.map(({ value, key, icon: TabIcon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<TabIcon size={16} aria-hidden />}>
              {t(`settings.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map(({ value }) => (
          <Tabs.Panel key={value} value={value}>
            <Outlet />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
