// The brand named in the URL (`/brands/:brandId/…`), loaded once by the brand layout and shared with
// every screen below it.
import { createContext, useContext } from 'react';

import type { BrandDto, Role } from './api/types';

export const CurrentBrandContext = createContext<BrandDto | null>(null);

export function useCurrentBrand(): BrandDto {
  const brand = useContext(CurrentBrandContext);
  if (!brand) {
    throw new Error('useCurrentBrand() is used outside a brand route');
  }
  return brand;
}

/** What the current user's role allows in the admin; the API enforces the same rules. */
export function permissionsOf(role: Role | null) {
  const owner = role === 'owner';
  const manager = owner || role === 'manager';
  return {
    manageCampaigns: manager,
    adjustPoints: manager,
    manageTiers: manager,
    manageRewards: manager,
    handleRedemptions: manager,
    manageWidget: manager,
    manageConnections: manager,
    importEvents: manager,
    editBrand: owner,
    manageApiKeys: owner,
    manageTeam: owner,
    viewAuditLog: owner,
  };
}
