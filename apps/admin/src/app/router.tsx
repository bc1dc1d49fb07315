import { Navigate, createBrowserRouter } from 'react-router-dom';

import { AnalyticsSettingsPage } from '@/features/analytics-settings/components/analytics-settings-page';
import { ApiKeysPage } from '@/features/api-keys/components/api-keys-page';
import { AuditLogPage } from '@/features/audit-log/components/audit-log-page';
import { ChangePasswordPage } from '@/features/auth/components/change-password-page';
import { LoginPage } from '@/features/auth/components/login-page';
import { CHANGE_PASSWORD_PATH, RequireAuth } from '@/features/auth/components/require-auth';
import { BrandSettingsPage } from '@/features/brands/components/brand-settings-page';
import { CampaignPage, NewCampaignPage } from '@/features/campaigns/components/campaign-editor-page';
import { CampaignsPage } from '@/features/campaigns/components/campaigns-page';
import { ConnectionsPage } from '@/features/connections/components/connections-page';
import { FanPage } from '@/features/fans/components/fan-page';
import { FansPage } from '@/features/fans/components/fans-page';
import { ImportsPage } from '@/features/imports/components/imports-page';
import { RedemptionsPage } from '@/features/redemptions/components/redemptions-page';
import { DashboardPage } from '@/features/reports/components/dashboard-page';
import { ReportsPage } from '@/features/reports/components/reports-page';
import { RewardsPage } from '@/features/rewards/components/rewards-page';
import { TeamPage } from '@/features/team/components/team-page';
import { TiersPage } from '@/features/tiers/components/tiers-page';
import { WebhooksPage } from '@/features/webhooks/components/webhooks-page';
import { WidgetSettingsPage } from '@/features/widget-settings/components/widget-settings-page';

import { AppShellLayout } from './layout/app-shell-layout';
import { BrandLayout } from './layout/brand-layout';
import { HomePage } from './routes/home-page';
import { NotFoundPage } from './routes/not-found-page';
import { SettingsLayout } from './routes/settings-layout';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      { path: CHANGE_PASSWORD_PATH, element: <ChangePasswordPage /> },
      {
        element: <AppShellLayout />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'brands/:brandId',
            element: <BrandLayout />,
            children: [
              { index: true, element: <Navigate to="dashboard" replace /> },
              { path: 'dashboard', element: <DashboardPage /> },
              { path: 'campaigns', element: <CampaignsPage /> },
              { path: 'campaigns/new', element: <NewCampaignPage /> },
              { path: 'campaigns/:campaignId', element: <CampaignPage /> },
              { path: 'fans', element: <FansPage /> },
              { path: 'fans/:fanId', element: <FanPage /> },
              { path: 'rewards', element: <RewardsPage /> },
              { path: 'redemptions', element: <RedemptionsPage /> },
              { path: 'reports', element: <ReportsPage /> },
              { path: 'imports', element: <ImportsPage /> },
              {
                path: 'settings',
                element: <SettingsLayout />,
                children: [
                  { index: true, element: <Navigate to="brand" replace /> },
                  { path: 'brand', element: <BrandSettingsPage /> },
                  { path: 'tiers', element: <TiersPage /> },
                  { path: 'analytics', element: <AnalyticsSettingsPage /> },
                  { path: 'widget', element: <WidgetSettingsPage /> },
                  { path: 'connections', element: <ConnectionsPage /> },
                  { path: 'webhooks', element: <WebhooksPage /> },
                  { path: 'api-keys', element: <ApiKeysPage /> },
                  { path: 'team', element: <TeamPage /> },
                  { path: 'audit-log', element: <AuditLogPage /> },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
