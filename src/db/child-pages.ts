import type { EntityClass } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { type ForwardPageArgs, Page, type PageRequest, pageRequest } from '../common/pagination';
import { sqlArray } from '../common/sql';
import { readObjects, readRows } from './read-objects';
import { type CustomFollow, custom } from './read-plan';
import { type ConnectionAnswer, connection, cursorSql, dateText, type Sql } from './sql-answer';

/**
 * Connections of the records a parent has (an enterprise's patents, a plan's grants), for a page of parents at a time.
 * One declaration gives the three ways such a field is answered, from the same SQL, so they cannot drift apart:
 * - the resolver's DataLoader: one statement for every parent of the request with the same `first`/`after` (a window
 *   function numbers each parent's rows, so `first` applies per parent);
 * - the read-ahead of a page of parents (src/db/read-plan.ts `custom`), which primes that DataLoader;
 * - the SQL answer (src/db/sql-answer.ts `connection`), for one parent row.
 * Cursors are written by PostgreSQL in every case (`cursorSql` over the sort key), so they are the same text whichever
 * way a page was answered, and a cursor of one way pages on in the other.
 */

/** One key of a list's order: a column of the child row, and the type its cursor value is read back as. */
export interface OrderKey {
  column: string;
  type: 'text' | 'date' | 'uuid' | 'timestamptz' | 'int';
  desc?: boolean;
}

export const asc = (column: string, type: OrderKey['type']): OrderKey => ({ column, type });
export const desc = (column: string, type: OrderKey['type']): OrderKey => ({ column, type, desc: true });

export interface ChildPagesSpec<T> {
  /** Names the request's loaders (unique among child pages). */
  name: string;
  entity: EntityClass<T>;
  /**
   * The children as rows of the entity's table aliased `c`: the FROM clause (`patent c`, or a join), the SQL of the
   * parent's id each row belongs to (`c.owner_id`), and a further condition if any.
   */
  source: (c: string) => { from: string; parent: string; where?: string };
  /** The order of the list; its last key makes it total (an id). */
  order: OrderKey[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A key's value as the cursor holds it: text PostgreSQL writes the same whatever the session's settings. */
function keyText(key: OrderKey, c: string): string {
  const column = `${c}.${quote(key.column)}`;
  switch (key.type) {
    case 'date':
      return dateText(column);
    case 'timestamptz':
      // Microseconds: a cursor must tell apart rows a millisecond cannot.
      return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
    case 'int':
      return column;
    default:
      return `${column}::text`;
  }
}

const orderBy = (keys: OrderKey[], c: string) => keys.map((k) => `${c}.${quote(k.column)}${k.desc ? ' desc' : ''}`).join(', ');

/**
 * Rows of `c` after the cursor's `values` in the list's order (keys may run in different directions): the first key
 * past its value, or equal to it and the next key past its value, and so on. `p` binds a value.
 */
function afterCursor(keys: OrderKey[], c: string, values: unknown[], p: (v: unknown) => string): string {
  // `p` is called for each place a value is written (a `?` binding is used once).
  const bound = (i: number) => `${p(values[i])}::${keys[i]!.type}`;
  const column = (i: number) => `${c}.${quote(keys[i]!.column)}`;
  const alternatives = keys.map((k, i) => {
    const equal = keys.slice(0, i).map((_, j) => `${column(j)} = ${bound(j)}`);
    return `(${[...equal, `${column(i)} ${k.desc ? '<' : '>'} ${bound(i)}`].join(' and ')})`;
  });
  return `(${alternatives.join(' or ')})`;
}

/** The same `afterCursor` with `?` placeholders and its bindings, for statements built as text with bindings. */
function afterCursorBound(keys: OrderKey[], c: string, values: unknown[]): { sql: string; bindings: unknown[] } {
  const bindings: unknown[] = [];
  // Each value is bound where it is written: in the order the alternatives mention them.
  const sql = afterCursor(keys, c, values, (v) => {
    bindings.push(v);
    return '?';
  });
  return { sql, bindings };
}

/** The three answers of one connection field: its resolver's loader, its read-ahead and its SQL form. */
export interface ChildPages<T> {
  /** The page of `parentId`'s children the field's arguments ask for (batched over every parent of the request). */
  load(ctx: RequestContext, args: ForwardPageArgs, parentId: string): Promise<Page<T>>;
  /** The read-ahead declaration (`follows(type, { field: pages.follow })`). */
  follow: CustomFollow;
  /** The SQL answer declaration (`answers(type, { field: pages.answer })`). */
  answer: ConnectionAnswer;
}

/** Declares a connection of the children of a parent, answered the three ways (see the top of this file). */
export function childPages<T extends { id: string }>(spec: ChildPagesSpec<T>): ChildPages<T> {
  const keys = spec.order;
  const { from, parent, where } = spec.source('c');
  const condition = where ? ` and (${where})` : '';
  const cursor = cursorSql(keys.map((k) => keyText(k, 'c')));

  /** Each parent's page and one row more, for the parents in `parentIds` (a uuid[] expression, bound first). */
  const batch = (parentIds: string, request: PageRequest): { sql: string; bindings: unknown[] } => {
    const after = request.cursor ? afterCursorBound(keys, 't', request.cursor) : null;
    return {
      sql: `select u.* from (
          select t.*, row_number() over (partition by t.__parent order by ${orderBy(keys, 't')}) as __rn
          from (
            -- __total: the length of the parent's whole list (its totalCount), counted before a cursor cuts it
            select c.*, ${parent} as __parent, count(*) over (partition by ${parent}) as __total, ${cursor} as __cursor
            from ${from} where ${parent} = any(${parentIds})${condition}
          ) t ${after ? `where ${after.sql}` : ''}
        ) u where u.__rn <= ?`,
      bindings: [...(after?.bindings ?? []), request.limit + 1],
    };
  };

  /** How many children each parent has; loaded only when totalCount is asked of a page after a cursor. */
  const counts = (ctx: RequestContext) =>
    ctx.loaders.custom(`childCounts:${spec.name}`, () =>
      new DataLoader<string, number>(async (parentIds) => {
        const rows = await readRows<{ parent: string; n: string }>(
          ctx.em,
          `select ${parent} as parent, count(*) as n from ${from} where ${parent} = any(?::uuid[])${condition} group by 1`,
          [sqlArray(parentIds)],
        );
        const counted = new Map(rows.map((r) => [r.parent, Number(r.n)]));
        return parentIds.map((id) => counted.get(id) ?? 0);
      }),
    );

  /** Each parent's page from rows read in (parent, __rn) order: the children, their parents, cursors and totals. */
  const pages = (ctx: RequestContext, request: PageRequest, parentIds: readonly string[], nodes: T[], columns: { parent: (string | null)[]; cursor: (string | null)[]; total: (string | null)[] }) => {
    const byParent = new Map<string, { cursor: string; node: T }[]>(parentIds.map((id) => [id, []]));
    nodes.forEach((node, i) => byParent.get(columns.parent[i]!)?.push({ cursor: columns.cursor[i]!, node }));
    const counted = counts(ctx);
    // The first page holds a row of every parent with any child, so every length is known (0 without a row); after
    // a cursor a parent's rows may all be cut, and its count is left to the count loader.
    const totals = new Map(columns.parent.map((id, i) => [id!, Number(columns.total[i])]));
    for (const id of parentIds) {
      const total = totals.get(id) ?? (request.cursor ? undefined : 0);
      if (total !== undefined) counted.prime(id, total);
    }
    ctx.loaders.remember(nodes as never);
    return parentIds.map((id) => Page.fromEdges(byParent.get(id)!, request, () => counted.load(id)));
  };

  const loaderKey = (request: PageRequest) => `childPages:${spec.name}:${JSON.stringify([request.limit, request.cursor])}`;

  const loader = (ctx: RequestContext, request: PageRequest) =>
    ctx.loaders.custom(loaderKey(request), () =>
      new DataLoader<string, Page<T>>(async (parentIds) => {
        const { sql, bindings } = batch('?::uuid[]', request);
        const rows = await readRows(ctx.em, `${sql} order by u.__parent, u.__rn`, [sqlArray(parentIds), ...bindings]);
        // The builder reads the entity's own columns; __parent, __total, __cursor and __rn stay on the row.
        return pages(ctx, request, parentIds, readObjects(ctx.em, spec.entity, rows), {
          parent: rows.map((r) => r['__parent'] as string),
          cursor: rows.map((r) => r['__cursor'] as string),
          total: rows.map((r) => String(r['__total'])),
        });
      }),
    );

  return {
    load(ctx, args, parentId) {
      return loader(ctx, pageRequest(args, keys.length)).load(parentId);
    },

    follow: custom((ctx, args) => {
      const request = pageRequest(args as ForwardPageArgs, keys.length);
      return {
        key: loaderKey(request),
        entity: spec.entity as EntityClass<unknown>,
        extra: ['__parent', '__total', '__cursor'],
        order: 't.__parent, t.__rn',
        sql: (parentIds) => batch(parentIds, request),
        prime(_loaders, parentIds, rows) {
          const found = pages(ctx, request, parentIds, rows.objects(spec.entity), {
            parent: rows.text('__parent'),
            cursor: rows.text('__cursor'),
            total: rows.text('__total'),
          });
          const primed = loader(ctx, request);
          parentIds.forEach((id, i) => primed.prime(id, found[i]!));
        },
      };
    }),

    answer: connection((t: string, q: Sql, args: Record<string, unknown>) => {
      const request = pageRequest(args as ForwardPageArgs, keys.length);
      const own = spec.source('c');
      const mine = `${own.from} where ${own.parent} = ${t}.id${own.where ? ` and (${own.where})` : ''}`;
      const after = request.cursor ? ` and ${afterCursor(keys, 'c', request.cursor, (v) => q.p(v))}` : '';
      return {
        entity: spec.entity as EntityClass<unknown>,
        rows: `select c.*, ${cursor} as __cursor, row_number() over (order by ${orderBy(keys, 'c')}) as __rn
               from ${mine}${after} order by ${orderBy(keys, 'c')} limit ${q.p(request.limit + 1)}::int`,
        limit: request.limit,
        backward: false,
        cursorGiven: request.cursor !== null,
        cursor: (c) => `${c}.__cursor`,
        total: () => `(select count(*) from ${mine})`,
      };
    }),
  };
}
