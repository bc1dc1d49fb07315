// How signing secrets are shown and rotated: the badge colour of each state, whether the brand has a
// secret that still verifies tokens, and the overlaps offered when rotating.
import type { WidgetSecretDto, WidgetSecretState } from '@/lib/api/types';

export function secretStateColour(state: WidgetSecretState): string {
  switch (state) {
    case 'active':
      return 'teal';
    case 'expiring':
      return 'yellow';
    case 'expired':
      return 'gray';
  }
}

/** Active and expiring secrets still verify fan tokens, so they can be revoked. */
export function isLive(secret: WidgetSecretDto): boolean {
  return secret.state !== 'expired';
}

/** "Create secret" while no secret verifies tokens, "Rotate secret" once one does. */
export function hasLiveSecret(secrets: readonly WidgetSecretDto[]): boolean {
  return secrets.some(isLive);
}

/** Hours the secrets in use keep working after a rotation: none, one hour, a day, a week. */
export const OVERLAP_HOURS = [0, 1, 24, 168] as const;
export const DEFAULT_OVERLAP_HOURS = 24;
