// @vitest-environment jsdom
import { useInfiniteQuery } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';

import { renderScreen } from '@/test/render';

import { PagedLogCard } from './paged-log-card';

interface Entry {
  id: string;
}

interface EntryPage {
  items: Entry[];
  nextCursor: string | null;
}

type Fetch = (filter: string | null, cursor: string | null) => Promise<EntryPage>;

/** Two pages for any filter: "a1, a2" then "b1", named after the filter. */
const twoPages: Fetch = (filter, cursor) =>
  Promise.resolve(
    cursor === null
      ? { items: [{ id: `${filter ?? 'all'}-1` }, { id: `${filter ?? 'all'}-2` }], nextCursor: 'next' }
      : { items: [{ id: `${filter ?? 'all'}-3` }], nextCursor: null },
  );

function Log({ fetch }: { fetch: Fetch }) {
  const [filter, setFilter] = useState<string | null>(null);
  const query = useInfiniteQuery({
    queryKey: ['log', filter],
    queryFn: ({ pageParam }) => fetch(filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  return (
    <PagedLogCard
      titleId="log-title"
      title="Log"
      description="What happened."
      filter={{
        label: 'Kind',
        value: filter,
        allLabel: 'All',
        options: [
          { value: 'red', label: 'Red' },
          { value: 'blue', label: 'Blue' },
        ],
        onChange: (value) => setFilter(value === 'all' ? null : value),
      }}
      query={query}
      refreshLabel="Refresh"
      loadMoreLabel="Load more"
    >
      {(items) => (
        <ul aria-label="Entries">
          {items.map((item) => (
            <li key={item.id}>{item.id}</li>
          ))}
        </ul>
      )}
    </PagedLogCard>
  );
}

function entries(): string[] {
  return screen.getAllByRole('listitem').map((item) => item.textContent ?? '');
}

describe('PagedLogCard', () => {
  it('is a section named by its title, with the items and "Load more" until the last page', async () => {
    const user = userEvent.setup();
    renderScreen(<Log fetch={twoPages} />, { path: '/', url: '/' });

    expect(screen.getByRole('region', { name: 'Log' }).textContent).toContain('What happened.');
    await waitFor(() => expect(entries()).toEqual(['all-1', 'all-2']));

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    await waitFor(() => expect(entries()).toEqual(['all-1', 'all-2', 'all-3']));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('filters with "All" standing for no filter', async () => {
    const user = userEvent.setup();
    renderScreen(<Log fetch={twoPages} />, { path: '/', url: '/' });
    await waitFor(() => expect(entries()).toEqual(['all-1', 'all-2']));
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'All' }).checked).toBe(true);

    await user.click(screen.getByRole('radio', { name: 'Blue' }));

    await waitFor(() => expect(entries()).toEqual(['blue-1', 'blue-2']));
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Blue' }).checked).toBe(true);
  });

  it('reads the list again on "Refresh"', async () => {
    const user = userEvent.setup();
    const fetch = vi.fn(twoPages);
    renderScreen(<Log fetch={fetch} />, { path: '/', url: '/' });
    await waitFor(() => expect(entries()).toEqual(['all-1', 'all-2']));
    expect(fetch).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Refresh' }));

    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
  });

  it('shows why the list could not be read, and retries', async () => {
    const user = userEvent.setup();
    const fetch = vi
      .fn<Fetch>()
      .mockRejectedValueOnce(new Error('The server is down.'))
      .mockImplementation(twoPages);
    renderScreen(<Log fetch={fetch} />, { path: '/', url: '/' });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This could not be loaded.');
    expect(screen.queryByRole('list')).toBeNull();

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    await waitFor(() => expect(entries()).toEqual(['all-1', 'all-2']));
  });
});
