import type { EntityClass } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import type { BaseEntity } from '../common/base.entity';
import { type ForwardPageArgs, Page, pageRequest } from '../common/pagination';
import { sqlArray } from '../common/sql';
import { readObjects, readRows } from './read-objects';
import { custom, type CustomFollow, type CustomRead } from './read-plan';

/** A sort key of a paged list: an SQL expression over the row `t` (and what `from` joins), compared as `type`. */
export interface PageKey {
  sql: string;
  type: 'int' | 'text' | 'uuid';
}

export interface PagedListSpec<T> {
  /** Names the list's loaders (unique among the request's custom loaders). */
  name: string;
  /** The rows are rows of this entity's table, as `t`. */
  entity: EntityClass<T>;
  /**
   * The rows of the parents whose ids are the uuid[] expression `parentIds`: `from` is what follows `select … from`
   * (using `parentIds` exactly once, before any other `?` binding), `parent` the parent's id (uuid) of a row.
   * `ctx` is the viewer's: a list of records the viewer may see only some of filters them here.
   */
  rows(ctx: RequestContext, parentIds: string): { from: string; parent: string; bindings: unknown[] };
  /** The list's order, ascending on each key: unique (end with the id), so cursors are exact. */
  keys: readonly PageKey[];
}

/** A list of a record's children served as a connection: `first`/`after` per parent, read for many parents at once. */
export interface PagedList<T> {
  /** The declaration for read-ahead (`follows`): a page of parents reads every parent's page in its one statement. */
  follow: CustomFollow;
  /** The page of one parent for the field's arguments, through the request's loader (primed by read-ahead). */
  load(ctx: RequestContext, parentId: string, args: ForwardPageArgs): Promise<Page<T>>;
}

/**
 * Makes a paged list (what src/modules/finance/instrument.loaders.ts does for instruments, for any list): one
 * statement reads the page of every parent asked for, a window function numbering each parent's rows so `first`
 * applies per parent, and counting each parent's whole list before the cursor cuts it (totalCount, primed on a first
 * page). Keys are compared as the SQL gives them as text, so a cursor made on the read-ahead path or the loader path is
 * the same, and timestamps keep their microseconds.
 */
export function pagedList<T extends BaseEntity>(spec: PagedListSpec<T>): PagedList<T> {
  const keyColumns = spec.keys.map((_, i) => `page_k${i}`);
  const cast = (k: PageKey) => (k.type === 'int' ? 'bigint' : k.type);

  /** The rows of the parents, with `page_parent`, the keys as text and `page_total` (a parent's whole list). */
  const base = (ctx: RequestContext, parentIds: string) => {
    const { from, parent, bindings } = spec.rows(ctx, parentIds);
    const keys = spec.keys.map((k, i) => `(${k.sql})::text as ${keyColumns[i]}`).join(', ');
    return { sql: `select t.*, (${parent})::uuid as page_parent, ${keys} from ${from}`, bindings };
  };

  function read(ctx: RequestContext, args: ForwardPageArgs) {
    const request = pageRequest(args, spec.keys.length);
    const key = `paged:${spec.name}:${JSON.stringify({ first: request.limit, after: request.cursor })}`;
    const counts = countLoader(ctx);
    const customRead: CustomRead & { pages(parentIds: readonly string[], rows: T[], parents: readonly (string | null)[], totals: readonly (string | null)[], keys: (string | null)[][]): Page<T>[] } = {
      key,
      entity: spec.entity as EntityClass<unknown>,
      extra: ['page_parent', 'page_total', ...keyColumns],
      order: 't.page_parent, t.page_rn',
      sql(parentIds) {
        const inner = base(ctx, parentIds);
        const bindings = [...inner.bindings];
        let after = '';
        if (request.cursor) {
          after = `where (${keyColumns.map((c, i) => `v.${c}::${cast(spec.keys[i]!)}`).join(', ')}) > (${spec.keys.map((k) => `?::${cast(k)}`).join(', ')})`;
          bindings.push(...request.cursor);
        }
        bindings.push(request.limit + 1);
        const order = keyColumns.map((c, i) => `v.${c}::${cast(spec.keys[i]!)}`).join(', ');
        return {
          sql: `select u.* from (
             select v.*, row_number() over (partition by v.page_parent order by ${order}) as page_rn
             from (select w.*, count(*) over (partition by w.page_parent)::text as page_total from (${inner.sql}) w) v ${after}
           ) u where u.page_rn <= ?`,
          bindings,
        };
      },
      pages(parentIds, rows, parents, totals, keys) {
        const byParent = new Map<string, { row: T; key: (string | null)[] }[]>(parentIds.map((id) => [id, []]));
        rows.forEach((row, i) => byParent.get(parents[i]!)?.push({ row, key: keys[i]! }));
        // A first page holds a row of every parent with any: the lengths are known (0 without a row). After a cursor a
        // parent's rows may all be cut, so its totalCount is left to the count loader.
        if (!request.cursor) {
          const total = new Map(parents.map((p, i) => [p, Number(totals[i])]));
          for (const id of parentIds) counts.prime(id, total.get(id) ?? 0);
        }
        ctx.loaders.remember(rows);
        return parentIds.map((id) =>
          Page.fromRows(
            byParent.get(id)!,
            request,
            (r) => r.row,
            (r) => r.key,
            () => counts.load(id),
          ),
        );
      },
      prime(_loaders, parentIds, rows) {
        const loader = pageLoader(ctx, customRead);
        const keys = rows.values.map(() => [] as (string | null)[]);
        for (const column of keyColumns) rows.text(column).forEach((v, i) => keys[i]!.push(v));
        const pages = customRead.pages(parentIds, rows.objects(spec.entity), rows.text('page_parent'), rows.text('page_total'), keys);
        parentIds.forEach((id, i) => loader.prime(id, pages[i]!));
      },
    };
    return customRead;
  }

  type Read = ReturnType<typeof read>;

  function pageLoader(ctx: RequestContext, r: Read): DataLoader<string, Page<T>> {
    return ctx.loaders.custom(r.key, () =>
      new DataLoader<string, Page<T>>(async (parentIds) => {
        const { sql, bindings } = r.sql('?::uuid[]');
        const rows = await readRows(ctx.em, `${sql} order by u.page_parent, u.page_rn`, [sqlArray(parentIds), ...bindings]);
        return r.pages(
          parentIds,
          readObjects(ctx.em, spec.entity, rows),
          rows.map((row) => row['page_parent'] as string),
          rows.map((row) => row['page_total'] as string),
          rows.map((row) => keyColumns.map((c) => row[c] as string | null)),
        );
      }),
    );
  }

  /** How many rows each parent's whole list has; read only when totalCount is asked for after a cursor. */
  function countLoader(ctx: RequestContext): DataLoader<string, number> {
    return ctx.loaders.custom(`paged:${spec.name}:count`, () =>
      new DataLoader<string, number>(async (parentIds) => {
        const inner = base(ctx, '?::uuid[]');
        const rows = await readRows<{ page_parent: string; n: string }>(
          ctx.em,
          `select w.page_parent, count(*) as n from (${inner.sql}) w group by w.page_parent`,
          [sqlArray(parentIds), ...inner.bindings],
        );
        const counted = new Map(rows.map((r) => [r.page_parent, Number(r.n)]));
        return parentIds.map((id) => counted.get(id) ?? 0);
      }),
    );
  }

  return {
    follow: custom((ctx, args) => read(ctx, args as ForwardPageArgs)),
    load: (ctx, parentId, args) => pageLoader(ctx, read(ctx, args)).load(parentId),
  };
}
