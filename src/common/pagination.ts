import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { badUserInput } from './errors';

/** API.md: `first` (and `last`) are capped; a larger one is an error, not a silent cut. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Which way a list is sorted by a field.',
  valuesConfig: {
    ASC: { description: 'Ascending: smallest, earliest or first in the collation first.' },
    DESC: { description: 'Descending: largest, latest or last in the collation first.' },
  },
});

@ArgsType()
export class ForwardPageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items, from the start of the list or after \`after\`: at most ${MAX_PAGE_SIZE} (more is BAD_USER_INPUT, not a shorter page); ${DEFAULT_PAGE_SIZE} when omitted.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Page on after this cursor: the `endCursor` of the previous page.' })
  after?: string | null;
}

@ArgsType()
export class PageArgs extends ForwardPageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page backwards: the last n items of the list, or before \`before\` (at most ${MAX_PAGE_SIZE}); not with \`first\`.`,
  })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Page back before this cursor: the `startCursor` of the following page; with `last`.' })
  before?: string | null;
}

/** A page request after validation. `cursor` values are the sort key of the row it points at. */
export interface PageRequest {
  limit: number;
  backward: boolean;
  cursor: unknown[] | null;
}

/** Validates first/after/last/before; a bad combination or size is BAD_USER_INPUT. */
export function pageRequest(args: PageArgs | ForwardPageArgs, cursorLength?: number): PageRequest {
  const { first, after } = args;
  const { last, before } = args as PageArgs;
  if (first != null && last != null) throw badUserInput('Give either first or last, not both.', 'first');
  if (after != null && before != null) throw badUserInput('Give either after or before, not both.', 'after');
  if (last == null && before != null && first != null) {
    throw badUserInput('before pages backwards: use it with last.', 'before');
  }
  const size = (field: 'first' | 'last', n: number) => {
    if (!Number.isInteger(n) || n < 0) throw badUserInput(`${field} must be a whole number of 0 or more.`, field);
    if (n > MAX_PAGE_SIZE) throw badUserInput(`${field} must be at most ${MAX_PAGE_SIZE}; asked for ${n}.`, field);
    return n;
  };
  const backward = last != null || before != null;
  const limit = backward ? size('last', last ?? DEFAULT_PAGE_SIZE) : size('first', first ?? DEFAULT_PAGE_SIZE);
  const token = backward ? before : after;
  return { limit, backward, cursor: token == null ? null : decodeCursor(token, backward ? 'before' : 'after', cursorLength) };
}

/** Cursors are opaque to clients: base64url of the JSON sort key. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(token: string, field: string, length?: number): unknown[] {
  try {
    const key = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length > 0 && (length === undefined || key.length === length)) return key;
  } catch {
    // fall through
  }
  throw badUserInput(`${field} is not a cursor from this list.`, field);
}

@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'More items follow this page: ask again with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field({ description: 'Items come before this page (it was asked after a cursor, or more precede it when paging backwards).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first item of the page; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the last item of the page; null when the page is empty.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** A page of results as the resolver hands it to GraphQL; totalCount runs only when asked for. */
export class Page<T> {
  constructor(
    readonly edges: Edge<T>[],
    readonly pageInfo: PageInfo,
    /** Counts the whole list; called only when a client selects totalCount. */
    readonly countTotal: () => Promise<number>,
  ) {}

  /** The page's items without their cursors (`nodes`, beside `edges`). */
  get nodes(): T[] {
    return this.edges.map((e) => e.node);
  }

  /**
   * A forward page from edges whose cursors are already written (by PostgreSQL, src/db/child-pages.ts), read with one
   * edge more than `request.limit` (that extra one tells there is more).
   */
  static fromEdges<T>(edges: Edge<T>[], request: PageRequest, count: () => Promise<number>): Page<T> {
    const kept = edges.slice(0, request.limit);
    return new Page(
      kept,
      {
        hasNextPage: edges.length > request.limit,
        hasPreviousPage: request.cursor !== null,
        startCursor: kept[0]?.cursor ?? null,
        endCursor: kept[kept.length - 1]?.cursor ?? null,
      },
      count,
    );
  }

  /** Builds a page from rows fetched with one row more than `request.limit` (that extra row tells there is more). */
  static fromRows<R, T>(
    rows: R[],
    request: PageRequest,
    toNode: (row: R) => T,
    cursorOf: (row: R) => unknown[],
    count: () => Promise<number>,
  ): Page<T> {
    const more = rows.length > request.limit;
    const kept = rows.slice(0, request.limit);
    if (request.backward) kept.reverse();
    const edges = kept.map((row) => ({ cursor: encodeCursor(cursorOf(row)), node: toNode(row) }));
    return new Page(
      edges,
      {
        hasNextPage: request.backward ? request.cursor !== null : more,
        hasPreviousPage: request.backward ? more : request.cursor !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      count,
    );
  }
}

/**
 * Makes the Edge and Connection object types for a node type (`EnterpriseConnection`, `EnterpriseEdge`). The
 * connection's own type (`@ObjectType('EnterpriseConnection', { description })` on a class extending this) says what
 * the list holds and in which order.
 */
export function Connection<T extends object>(nodeType: ClassType<T> | object, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with the cursor that points at it.` })
  class EdgeType {
    @Field({ description: 'Opaque: give it as `after` (or `before`) to page on from this item.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}ConnectionBase`)
  abstract class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of this page with their cursors, in the order of the list.' })
    edges!: EdgeType[];

    @Field(() => [nodeType], { description: 'The items of this page without their cursors: the nodes of `edges`, in the same order.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo!: PageInfo;

    countTotal!: () => Promise<number>;

    @Field(() => Int, { description: 'How many items the whole list holds (with its filter), over all pages.' })
    totalCount(): Promise<number> {
      // Resolvers return a Page; its count runs only when a client asks for totalCount.
      return this.countTotal();
    }
  }
  return ConnectionType;
}
