// Renders a screen for a component test the way the app does: Mantine (without transitions and
// portals), notifications, a fresh query cache, the router at the given address and, for screens
// below `/brands/:brandId`, the current brand.
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { RouterProvider, createMemoryRouter } from 'react-router-dom';

import { theme } from '@/app/theme';
import type { BrandDto, Role } from '@/lib/api/types';
import { CurrentBrandContext } from '@/lib/current-brand';

export const TEST_BRAND_ID = '01900000-0000-7000-8000-000000000001';

export function testBrand(role: Role = 'owner'): BrandDto {
  return {
    id: TEST_BRAND_ID,
    name: 'Bäckerei Test',
    slug: 'baeckerei-test',
    timeZone: 'Europe/Berlin',
    locale: 'en',
    pointsExpiryDays: null,
    isDemo: false,
    role,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

interface RenderOptions {
  /** The route pattern the screen sits at, e.g. `/brands/:brandId/fans/:fanId`. */
  path: string;
  /** The address to open. */
  url: string;
  role?: Role;
}

export function renderScreen(screen: ReactNode, { path, url, role = 'owner' }: RenderOptions) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(
    [
      {
        path,
        element: (
          <CurrentBrandContext.Provider value={testBrand(role)}>{screen}</CurrentBrandContext.Provider>
        ),
      },
    ],
    { initialEntries: [url] },
  );
  return {
    queryClient,
    router,
    ...render(
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} env="test">
          <Notifications />
          <RouterProvider router={router} />
        </MantineProvider>
      </QueryClientProvider>,
    ),
  };
}
