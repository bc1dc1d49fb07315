// The query keys of this feature, under the brand's key like every other feature's, so that
// refreshing a brand refreshes its imports too.
import type { PageParams } from '@/lib/query-keys';

export const importKeys = {
  all: (brandId: string) => ['brand', brandId, 'imports'] as const,
  page: (brandId: string, page: PageParams) => ['brand', brandId, 'imports', 'list', page] as const,
};
