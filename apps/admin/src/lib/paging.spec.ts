import { describe, expect, it } from 'vitest';

import { DEFAULT_PAGE_SIZE, parsePageParams } from './paging';

describe('parsePageParams', () => {
  it('reads limit and cursor from the URL', () => {
    expect(parsePageParams(new URLSearchParams('limit=50&cursor=abc'))).toEqual({ limit: 50, cursor: 'abc' });
  });

  it('falls back to the default size for missing or unsupported limits', () => {
    expect(parsePageParams(new URLSearchParams(''))).toEqual({ limit: DEFAULT_PAGE_SIZE, cursor: null });
    expect(parsePageParams(new URLSearchParams('limit=7&cursor='))).toEqual({
      limit: DEFAULT_PAGE_SIZE,
      cursor: null,
    });
    expect(parsePageParams(new URLSearchParams('limit=abc')).limit).toBe(DEFAULT_PAGE_SIZE);
  });
});
