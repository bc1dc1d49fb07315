import { Center } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router-dom';

import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { SessionContext } from '@/lib/session';

import { useMe } from '../api/get-me';

export const CHANGE_PASSWORD_PATH = '/change-password';

/**
 * Guards everything behind the login: without a session the user goes to the login page (and comes
 * back afterwards); while the password must be changed, only the change-password page is reachable.
 */
export function RequireAuth() {
  const location = useLocation();
  const me = useMe();

  if (me.isPending) {
    return <LoadingState fullScreen />;
  }
  if (me.isError) {
    return (
      <Center mih="100vh" p="md">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </Center>
    );
  }
  if (!me.data) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (me.data.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return (
    <SessionContext.Provider value={me.data}>
      <Outlet />
    </SessionContext.Provider>
  );
}
