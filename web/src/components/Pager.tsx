import { messages, useFormat } from '../i18n';

const useText = messages({
  total: ['共 {count} 条', '{count} in all'],
  previous: ['上一页', 'Previous'],
  next: ['下一页', 'Next'],
});

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** Where a connection is read from: the first page, after a cursor, or before one. */
export type PageCursor = { first: number; after?: string } | { last: number; before?: string };

/** Paging a connection both ways with its cursors, and its total. */
export function Pager(props: { pageInfo: PageInfo; totalCount?: number | null; size: number; onPage: (cursor: PageCursor) => void }) {
  const t = useText();
  const format = useFormat();
  const { pageInfo } = props;
  return (
    <nav className="pager" aria-label="pages">
      {props.totalCount != null && <span>{t('total', { count: format.number(props.totalCount) })}</span>}
      <button type="button" className="secondary" disabled={!pageInfo.hasPreviousPage} onClick={() => props.onPage({ last: props.size, before: pageInfo.startCursor ?? undefined })}>
        {t('previous')}
      </button>
      <button type="button" className="secondary" disabled={!pageInfo.hasNextPage} onClick={() => props.onPage({ first: props.size, after: pageInfo.endCursor ?? undefined })}>
        {t('next')}
      </button>
    </nav>
  );
}
