import { useCallback, useState } from 'react';
import type { PageCursor } from '../../components/Pager';

/**
 * Paging a forward-only connection (first/after: `Viewer.authorizations`, an enterprise's instruments) both ways with
 * the shared Pager: the cursors of the pages read so far are kept, so 上一页 goes back to the one before.
 */
export function useForwardPages(size: number) {
  const [afters, setAfters] = useState<(string | undefined)[]>([undefined]);
  const after = afters[afters.length - 1];
  const onPage = useCallback((cursor: PageCursor) => {
    if ('first' in cursor) setAfters((list) => [...list, cursor.after]);
    else setAfters((list) => (list.length > 1 ? list.slice(0, -1) : list));
  }, []);
  const reset = useCallback(() => setAfters([undefined]), []);
  return { first: size, after, onPage, reset };
}
