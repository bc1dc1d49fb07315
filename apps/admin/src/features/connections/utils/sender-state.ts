// A generic sender's state as the senders table shows it.
import type { WebhookSenderDto } from '@/lib/api/types';

export type SenderState = 'active' | 'rotating' | 'revoked';

/** Hours the previous secret may keep verifying after a rotation (the API allows 0–720). */
export const SENDER_OVERLAP_HOURS = [0, 1, 24, 168, 720] as const;
export const DEFAULT_SENDER_OVERLAP_HOURS = 24;

/** Rotating: a previous secret still verifies until `previousExpiresAt`. */
export function senderState(sender: WebhookSenderDto, now: Date = new Date()): SenderState {
  if (sender.revokedAt !== null) return 'revoked';
  if (sender.previousExpiresAt !== null && new Date(sender.previousExpiresAt) > now) return 'rotating';
  return 'active';
}

export function senderStateColour(state: SenderState): string {
  switch (state) {
    case 'active':
      return 'teal';
    case 'rotating':
      return 'yellow';
    case 'revoked':
      return 'gray';
  }
}
