import { ApiKeyEntity } from '../api-keys/entities/api-key.entity';
import { AuditLogEntryEntity } from '../audit/entities/audit-log-entry.entity';
import { HookDeliveryEntity } from '../connectors/entities/hook-delivery.entity';
import { LinkCodeEntity } from '../connectors/entities/link-code.entity';
import { MetaConnectionEntity } from '../connectors/entities/meta-connection.entity';
import { WebhookSenderEntity } from '../connectors/entities/webhook-sender.entity';
import { LoginAttemptEntity } from '../auth/entities/login-attempt.entity';
import { SessionEntity } from '../auth/entities/session.entity';
import { BrandEntity } from '../brands/entities/brand.entity';
import { CampaignEntity } from '../campaigns/entities/campaign.entity';
import { RewardRuleVersionEntity } from '../campaigns/entities/reward-rule-version.entity';
import { RewardRuleEntity } from '../campaigns/entities/reward-rule.entity';
import { EngagementEventEntity } from '../events/entities/engagement-event.entity';
import { FanIdentityEntity } from '../fans/entities/fan-identity.entity';
import { FanEntity } from '../fans/entities/fan.entity';
import { EventImportErrorEntity } from '../imports/entities/event-import-error.entity';
import { EventImportRowEntity } from '../imports/entities/event-import-row.entity';
import { EventImportEntity } from '../imports/entities/event-import.entity';
import { LedgerEntryEntity } from '../ledger/entities/ledger-entry.entity';
import { MembershipEntity } from '../members/entities/membership.entity';
import { AnalyticsDeltaEntity } from '../reports/entities/analytics-delta.entity';
import { FanActivityEntity } from '../reports/entities/fan-activity.entity';
import { RedemptionEntity } from '../redemptions/entities/redemption.entity';
import { RewardCodeEntity } from '../rewards/entities/reward-code.entity';
import { RewardEntity } from '../rewards/entities/reward.entity';
import { FanTierChangeEntity } from '../tiers/entities/fan-tier-change.entity';
import { TierEntity } from '../tiers/entities/tier.entity';
import { WebhookAttemptEntity } from '../outbound/entities/webhook-attempt.entity';
import { WebhookDeliveryEntity } from '../outbound/entities/webhook-delivery.entity';
import { WebhookEndpointEntity } from '../outbound/entities/webhook-endpoint.entity';
import { WebhookMessageEntity } from '../outbound/entities/webhook-message.entity';
import { UserEntity } from '../users/entities/user.entity';
import { WidgetSecretEntity } from '../widget/entities/widget-secret.entity';

/** Every entity, listed once: the data source and the drift check both use this list. */
export const ENTITIES = [
  UserEntity,
  SessionEntity,
  LoginAttemptEntity,
  BrandEntity,
  MembershipEntity,
  ApiKeyEntity,
  AuditLogEntryEntity,
  FanEntity,
  FanIdentityEntity,
  EngagementEventEntity,
  CampaignEntity,
  RewardRuleEntity,
  RewardRuleVersionEntity,
  LedgerEntryEntity,
  TierEntity,
  FanTierChangeEntity,
  RewardEntity,
  RewardCodeEntity,
  RedemptionEntity,
  WidgetSecretEntity,
  FanActivityEntity,
  AnalyticsDeltaEntity,
  MetaConnectionEntity,
  WebhookSenderEntity,
  HookDeliveryEntity,
  LinkCodeEntity,
  WebhookEndpointEntity,
  WebhookMessageEntity,
  WebhookDeliveryEntity,
  WebhookAttemptEntity,
  EventImportEntity,
  EventImportRowEntity,
  EventImportErrorEntity,
];
