import { useCallback, useState } from 'react';
import type { PageCursor, PageInfo } from '../../components/Pager';

/**
 * Paging a forward-only connection (an enterprise's instruments, projects, plans; the audit trail) both ways: the
 * cursors of the pages already seen are kept, so 上一页 returns to the page before.
 */
export function useForwardPages(size: number) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const after = cursors[cursors.length - 1];
  /** The Pager's props for a page read with `{ first: size, after }`. */
  const pager = useCallback(
    (pageInfo: PageInfo) => ({
      pageInfo: { ...pageInfo, hasPreviousPage: cursors.length > 1 },
      size,
      onPage: (cursor: PageCursor) => {
        if ('first' in cursor) setCursors((seen) => [...seen, cursor.after]);
        else setCursors((seen) => (seen.length > 1 ? seen.slice(0, -1) : seen));
      },
    }),
    [cursors.length, size],
  );
  return { variables: { first: size, after }, pager, reset: () => setCursors([undefined]) };
}

/** Where the enterprise list was last (its filters and page are in the address), so an enterprise's 返回 goes back to it. */
export const listAddress = { current: '/enterprises' };
