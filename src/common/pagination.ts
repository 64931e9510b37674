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
registerEnumType(SortDirection, { name: 'SortDirection' });

@ArgsType()
export class ForwardPageArgs {
  @Field(() => Int, { nullable: true, description: `At most ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when omitted.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

@ArgsType()
export class PageArgs extends ForwardPageArgs {
  @Field(() => Int, { nullable: true, description: `Page backwards: the last n before \`before\` (at most ${MAX_PAGE_SIZE}).` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'The startCursor of the following page.' })
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

@ObjectType({ description: 'Where a page sits in its list (Relay).' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
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

/** Makes the Edge and Connection object types for a node type (`EnterpriseConnection`, `EnterpriseEdge`). */
export function Connection<T extends object>(nodeType: ClassType<T> | object, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}ConnectionBase`)
  abstract class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
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
