// The signed-in user and their memberships, available to every screen behind the login.
import { createContext, useContext } from 'react';

import type { MeDto } from './api/types';

export const SessionContext = createContext<MeDto | null>(null);

export function useSession(): MeDto {
  const session = useContext(SessionContext);
  if (!session) {
    throw new Error('useSession() is used outside the signed-in part of the app');
  }
  return session;
}
