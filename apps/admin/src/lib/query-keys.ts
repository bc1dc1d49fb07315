// Every TanStack Query key of the admin, in one place, so a mutation in one feature can refresh what
// another feature shows (e.g. revoking a key refreshes the audit log) without importing it.
export interface PageParams {
  limit: number;
  cursor: string | null;
}

export const queryKeys = {
  me: ['auth', 'me'] as const,
  brandList: ['brand-list'] as const,
  brand: (brandId: string) => ['brand', brandId] as const,
  members: (brandId: string) => ['brand', brandId, 'members'] as const,
  membersPage: (brandId: string, page: PageParams) => ['brand', brandId, 'members', page] as const,
  apiKeys: (brandId: string) => ['brand', brandId, 'api-keys'] as const,
  apiKeysPage: (brandId: string, page: PageParams) => ['brand', brandId, 'api-keys', page] as const,
  auditLog: (brandId: string) => ['brand', brandId, 'audit-log'] as const,
  auditLogPage: (brandId: string, page: PageParams) => ['brand', brandId, 'audit-log', page] as const,
  campaigns: (brandId: string) => ['brand', brandId, 'campaigns'] as const,
  campaignsPage: (brandId: string, page: PageParams, status: string | null) =>
    ['brand', brandId, 'campaigns', 'list', page, status] as const,
  campaign: (brandId: string, campaignId: string) => ['brand', brandId, 'campaigns', campaignId] as const,
  tiers: (brandId: string) => ['brand', brandId, 'tiers'] as const,
  fans: (brandId: string) => ['brand', brandId, 'fans'] as const,
  fansPage: (brandId: string, page: PageParams, q: string, sort: string) =>
    ['brand', brandId, 'fans', 'list', page, q, sort] as const,
  fan: (brandId: string, fanId: string) => ['brand', brandId, 'fans', fanId] as const,
  fanLedgerPage: (brandId: string, fanId: string, page: PageParams) =>
    ['brand', brandId, 'fans', fanId, 'ledger', page] as const,
  fanEventsPage: (brandId: string, fanId: string, page: PageParams) =>
    ['brand', brandId, 'fans', fanId, 'events', page] as const,
  rewards: (brandId: string) => ['brand', brandId, 'rewards'] as const,
  rewardsPage: (brandId: string, page: PageParams) => ['brand', brandId, 'rewards', 'list', page] as const,
  rewardOptions: (brandId: string) => ['brand', brandId, 'rewards', 'options'] as const,
  redemptions: (brandId: string) => ['brand', brandId, 'redemptions'] as const,
  redemptionsPage: (brandId: string, page: PageParams, filters: object) =>
    ['brand', brandId, 'redemptions', 'list', page, filters] as const,
  widgetSettings: (brandId: string) => ['brand', brandId, 'widget-settings'] as const,
  connections: (brandId: string) => ['brand', brandId, 'connections'] as const,
  /** Every page of the delivery log for one source filter (null: all sources). */
  hookDeliveries: (brandId: string, source: string | null) =>
    ['brand', brandId, 'hook-deliveries', source] as const,
  /** The delivery log under any filter. */
  allHookDeliveries: (brandId: string) => ['brand', brandId, 'hook-deliveries'] as const,
  webhookEndpoints: (brandId: string) => ['brand', brandId, 'webhook-endpoints'] as const,
  /** One endpoint's delivery log under any status filter, with each delivery's details. */
  allWebhookDeliveries: (brandId: string, endpointId: string) =>
    ['brand', brandId, 'webhook-deliveries', endpointId] as const,
  /** Every page of one endpoint's delivery log for one status filter (null: any status). */
  webhookDeliveries: (brandId: string, endpointId: string, status: string | null) =>
    ['brand', brandId, 'webhook-deliveries', endpointId, 'list', status] as const,
  webhookDelivery: (brandId: string, endpointId: string, deliveryId: string) =>
    ['brand', brandId, 'webhook-deliveries', endpointId, 'detail', deliveryId] as const,
  campaignOptions: (brandId: string) => ['brand', brandId, 'campaigns', 'options'] as const,
  analyticsSettings: (brandId: string) => ['brand', brandId, 'analytics-settings'] as const,
  /** Every report of the brand: refreshed when the analytics settings change or a rebuild ends. */
  reports: (brandId: string) => ['brand', brandId, 'reports'] as const,
  overviewReport: (brandId: string, from: string, to: string) =>
    ['brand', brandId, 'reports', 'overview', from, to] as const,
  activeFansReport: (brandId: string, query: object) =>
    ['brand', brandId, 'reports', 'active-fans', query] as const,
  channelsReport: (brandId: string, from: string, to: string) =>
    ['brand', brandId, 'reports', 'channels', from, to] as const,
  cohortsReport: (brandId: string, from: string, to: string) =>
    ['brand', brandId, 'reports', 'cohorts', from, to] as const,
  topFansReport: (brandId: string, from: string, to: string, limit: number) =>
    ['brand', brandId, 'reports', 'top-fans', from, to, limit] as const,
};
