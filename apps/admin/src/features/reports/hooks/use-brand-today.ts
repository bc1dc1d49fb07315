import { localDate } from '@fanfare/shared';

import { useCurrentBrand } from '@/lib/current-brand';

/** Today in the brand's time zone (`YYYY-MM-DD`): reports count days there, not in the browser's. */
export function useBrandToday(): string {
  return localDate(new Date(), useCurrentBrand().timeZone);
}
