import { useCallback, useState } from 'react';
import type { PageCursor } from '../../../components/Pager';

/** How many rows a page of these lists shows. */
export const PAGE_SIZE = 20;

/**
 * Where a connection paged both ways is read from; back to its first page whenever `key` (the filters) changes, so a
 * cursor of one list is never sent with another's filters.
 */
export function useCursor(key: string): [PageCursor, (cursor: PageCursor) => void] {
  const [state, setState] = useState<{ key: string; cursor: PageCursor }>({ key, cursor: { first: PAGE_SIZE } });
  const cursor = state.key === key ? state.cursor : { first: PAGE_SIZE };
  const set = useCallback((next: PageCursor) => setState({ key, cursor: next }), [key]);
  return [cursor, set];
}

/**
 * A connection paged forwards only (`first`/`after`, as the audit trail is): the cursors of the pages read so far are
 * kept, so 上一页 goes back to the `after` of the page before. Back to the first page when `key` changes.
 */
export function useForwardCursor(key: string): [string | undefined, (cursor: PageCursor) => void] {
  const [state, setState] = useState<{ key: string; afters: string[] }>({ key, afters: [] });
  const afters = state.key === key ? state.afters : [];
  const onPage = useCallback(
    (cursor: PageCursor) =>
      setState({ key, afters: 'after' in cursor && cursor.after !== undefined ? [...afters, cursor.after] : afters.slice(0, -1) }),
    [key, afters],
  );
  return [afters[afters.length - 1], onPage];
}
