// Cursor paging kept in the URL (`?limit=&cursor=`), so a page can be bookmarked, shared and
// reached with the browser's back button.
import { useCallback, useMemo } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';

import type { PageParams } from './query-keys';

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export function parsePageParams(search: URLSearchParams): PageParams {
  const limit = Number(search.get('limit'));
  const cursor = search.get('cursor');
  return {
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_PAGE_SIZE,
    cursor: cursor === null || cursor === '' ? null : cursor,
  };
}

interface PagingState {
  pageIndex: number;
}

function pageIndexOf(state: unknown): number {
  if (typeof state === 'object' && state !== null && 'pageIndex' in state) {
    const { pageIndex } = state as PagingState;
    return typeof pageIndex === 'number' ? pageIndex : 0;
  }
  return 0;
}

export interface CursorPaging {
  page: PageParams;
  /** How many "next" steps led here in this visit; 0 when the page was opened directly. */
  pageIndex: number;
  goNext: (nextCursor: string) => void;
  goPrevious: () => void;
  goFirst: () => void;
  setLimit: (limit: number) => void;
}

export function useCursorPaging(): CursorPaging {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const page = useMemo(() => parsePageParams(searchParams), [searchParams]);
  const pageIndex = pageIndexOf(location.state);

  const update = useCallback(
    (changes: Record<string, string | null>, state: PagingState) => {
      const next = new URLSearchParams(searchParams);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) {
          next.delete(key);
        } else {
          next.set(key, value);
        }
      }
      setSearchParams(next, { state });
    },
    [searchParams, setSearchParams],
  );

  return {
    page,
    pageIndex,
    goNext: (nextCursor) => update({ cursor: nextCursor }, { pageIndex: pageIndex + 1 }),
    goPrevious: () => {
      if (pageIndex > 0) {
        void navigate(-1);
      } else {
        update({ cursor: null }, { pageIndex: 0 });
      }
    },
    goFirst: () => update({ cursor: null }, { pageIndex: 0 }),
    setLimit: (limit) =>
      update({ limit: limit === DEFAULT_PAGE_SIZE ? null : String(limit), cursor: null }, { pageIndex: 0 }),
  };
}
