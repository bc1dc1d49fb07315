import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { setUnauthorizedHandler } from '@/lib/api/client';
import { queryClient } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';

import { theme } from './theme';

// Any 401 outside the login means the session is gone: forgetting the user makes the auth guard
// send them to the login page, which brings them back here afterwards.
setUnauthorizedHandler(() => {
  queryClient.setQueryData(queryKeys.me, null);
});

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position="top-right" />
        {children}
      </MantineProvider>
    </QueryClientProvider>
  );
}
