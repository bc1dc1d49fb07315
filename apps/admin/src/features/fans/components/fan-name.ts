import type { TFunction } from 'i18next';

import type { FanDto } from '@/lib/api/types';

/** What to call a fan: the name, else a handle, else an external id; erased fans say so. */
export function fanName(fan: FanDto, t: TFunction): string {
  if (fan.erasedAt) {
    return t('fans.erased');
  }
  const identity = fan.identities[0];
  return fan.displayName ?? identity?.displayName ?? identity?.handle ?? identity?.externalId ?? fan.id;
}
