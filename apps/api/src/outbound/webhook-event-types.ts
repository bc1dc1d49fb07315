/** The events a brand's endpoints can subscribe to; an endpoint that lists none takes all of them. */
export const WEBHOOK_EVENT_TYPES = [
  'fan.created',
  'points.awarded',
  'points.reversed',
  'tier.changed',
  'redemption.created',
  'redemption.fulfilled',
  'redemption.cancelled',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent to one endpoint on request ("Send test"), whatever it subscribes to. */
export const WEBHOOK_TEST_TYPE = 'webhook.test';
