// What the webhooks screens offer to choose from, kept in the order the API documents them.
import type { WebhookDeliveryStatus, WebhookEventType } from '@/lib/api/types';

export const WEBHOOK_EVENT_TYPES = [
  'fan.created',
  'points.awarded',
  'points.reversed',
  'tier.changed',
  'redemption.created',
  'redemption.fulfilled',
  'redemption.cancelled',
] as const satisfies readonly WebhookEventType[];

export const WEBHOOK_DELIVERY_STATUSES = [
  'pending',
  'succeeded',
  'failed',
] as const satisfies readonly WebhookDeliveryStatus[];

export const DEFAULT_OVERLAP_HOURS = 24;
export const MAX_OVERLAP_HOURS = 720;

export function isDeliveryStatus(value: string | null): value is WebhookDeliveryStatus {
  return (WEBHOOK_DELIVERY_STATUSES as readonly string[]).includes(value ?? '');
}

export function deliveryStatusColour(status: WebhookDeliveryStatus): string {
  switch (status) {
    case 'pending':
      return 'yellow';
    case 'succeeded':
      return 'teal';
    case 'failed':
      return 'red';
  }
}

/** True while the dispatcher still has work for one of these deliveries: the log keeps asking. */
export function hasPending(deliveries: ReadonlyArray<{ status: WebhookDeliveryStatus }>): boolean {
  return deliveries.some((delivery) => delivery.status === 'pending');
}
