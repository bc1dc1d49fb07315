import { Button, Group, SegmentedControl } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { ErrorState } from './error-state';
import { LoadingState } from './loading-state';
import { SectionCard } from './section-card';

/** A list read one page more at a time (useInfiniteQuery), each page with its `items`. */
export type ItemPagesQuery<TItem> = UseInfiniteQueryResult<InfiniteData<{ items: TItem[] }>, Error>;

/** The segmented filter beside the title. Its first choice, "all", stands for no filter (null). */
export interface LogFilter {
  label: string;
  value: string | null;
  allLabel: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
}

interface PagedLogCardProps<TItem> {
  titleId: string;
  title: string;
  description: string;
  /** Long unbreakable words in the description (a URL) may wrap anywhere. */
  breakDescription?: boolean;
  filter: LogFilter;
  query: ItemPagesQuery<TItem>;
  refreshLabel: string;
  loadMoreLabel: string;
  /** Draws every item read so far (the pages in order, as one list), usually as a DataTable. */
  children: (items: TItem[]) => ReactNode;
  /** Dialogs and drawers the log opens. */
  overlays?: ReactNode;
}

/**
 * A log section (deliveries received or sent): title, a filter and a refresh button, then the items
 * read so far and "Load more" while the query has a next page. A loader shows on the first load,
 * the error with a retry when it failed. The refresh button spins while the list is read again, not
 * while "Load more" reads the next page.
 */
export function PagedLogCard<TItem>({
  titleId,
  title,
  description,
  breakDescription,
  filter,
  query,
  refreshLabel,
  loadMoreLabel,
  children,
  overlays,
}: PagedLogCardProps<TItem>) {
  return (
    <SectionCard
      titleId={titleId}
      title={title}
      description={description}
      breakDescription={breakDescription}
      actions={
        <Group gap="sm">
          <SegmentedControl
            value={filter.value ?? 'all'}
            onChange={filter.onChange}
            aria-label={filter.label}
            data={[{ value: 'all', label: filter.allLabel }, ...filter.options]}
          />
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={() => void query.refetch()}
            loading={query.isFetching && !query.isFetchingNextPage}
          >
            {refreshLabel}
          </Button>
        </Group>
      }
      overlays={overlays}
    >
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          {children(query.data.pages.flatMap((page) => page.items))}
          {query.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                onClick={() => void query.fetchNextPage()}
                loading={query.isFetchingNextPage}
              >
                {loadMoreLabel}
              </Button>
            </Group>
          )}
        </>
      )}
    </SectionCard>
  );
}
