import { useState } from 'react';
import type { PageCursor } from '../../components/Pager';

/**
 * Paging a forward-only connection (`first`/`after`: proposals, policy requests, scores, a timeline) with the shared
 * Pager: 下一页 goes on from the page's endCursor, 上一页 back to the cursor the page before was read after (kept here,
 * as the server keeps no `before` for these lists). A new `resetKey` (another filter) starts again at the first page.
 */
export function useForwardPages(size: number, resetKey: string) {
  const [state, setState] = useState<{ key: string; afters: (string | undefined)[] }>({ key: resetKey, afters: [] });
  const afters = state.key === resetKey ? state.afters : [];
  const onPage = (cursor: PageCursor) =>
    setState({ key: resetKey, afters: 'first' in cursor ? [...afters, cursor.after] : afters.slice(0, -1) });
  return { first: size, after: afters[afters.length - 1], onPage };
}
