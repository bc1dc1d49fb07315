import { Button, Group, NativeSelect } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconChevronsLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { type CursorPaging, DEFAULT_PAGE_SIZE, PAGE_SIZES } from '@/lib/paging';

interface CursorPagerProps {
  paging: CursorPaging;
  nextCursor: string | null | undefined;
}

/** Previous/next for cursor-paged lists; the position lives in the URL (see useCursorPaging). */
export function CursorPager({ paging, nextCursor }: CursorPagerProps) {
  const { t } = useTranslation();
  const onFirstPage = paging.page.cursor === null;
  if (onFirstPage && !nextCursor && paging.page.limit === DEFAULT_PAGE_SIZE) {
    // Everything fits on one page: paging controls would only be noise.
    return null;
  }
  return (
    <Group justify="space-between" mt="md" component="nav" aria-label={t('pagination.label')}>
      <NativeSelect
        label={t('pagination.pageSize')}
        size="xs"
        w={140}
        value={String(paging.page.limit)}
        data={PAGE_SIZES.map(String)}
        onChange={(event) => paging.setLimit(Number(event.currentTarget.value))}
      />
      <Group gap="xs">
        {!onFirstPage && paging.pageIndex === 0 && (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconChevronsLeft size={16} aria-hidden />}
            onClick={paging.goFirst}
          >
            {t('pagination.first')}
          </Button>
        )}
        {paging.pageIndex > 0 && (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconChevronLeft size={16} aria-hidden />}
            onClick={paging.goPrevious}
          >
            {t('pagination.previous')}
          </Button>
        )}
        <Button
          variant="default"
          size="xs"
          rightSection={<IconChevronRight size={16} aria-hidden />}
          disabled={!nextCursor}
          onClick={() => nextCursor && paging.goNext(nextCursor)}
        >
          {t('pagination.next')}
        </Button>
      </Group>
    </Group>
  );
}
