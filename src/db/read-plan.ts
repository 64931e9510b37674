import type { EntityClass, EntityMetadata } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type FieldNode,
  getDirectiveValues,
  getNamedType,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import type { RequestContext } from '../context';
import type { Loaders } from '../loaders';
import { sqlArray } from '../common/sql';
import { type ReadOrder, readObjectsFromText, readRows, type TextColumn } from './read-objects';

/**
 * Look-ahead reads (issue 11, STYLE.md's read path). A page of enterprises used to be answered level by level: the
 * page, then its instruments, then their holders, pledges and lenders, then the holders' enterprises … each level one
 * statement sent after the last one came back (14 statements and 8 round trips for the README's portfolio page).
 *
 * Here the field resolvers declare what each field follows (`follows`): a one-to-many (`many`), a many-to-one
 * (`one`), the records a row lists by id (`each`), or a query of the module's own (`custom`: a page of instruments
 * per enterprise). When a root resolver has its rows (a page of enterprises, proposals, members or requests; a record
 * fetched by id, for a viewer who sees every record of its type), `prefetch` walks the request's selection set over
 * those declarations and reads everything the selection will follow in ONE statement: each relation a common table
 * expression over its parent's, every one returned as a JSON array of rows whose values are PostgreSQL's own text
 * output, parsed in Node by the parsers the connection would have used. The rows prime the same DataLoaders the
 * resolvers then call (same keys, same order), so resolvers, the access policy and computed fields run unchanged and
 * answer exactly as they would have, without a statement (test/read-plan.test.ts compares with READ_AHEAD=false).
 *
 * Anything the walk does not know (a field without a declaration, a directive it cannot evaluate) is simply not
 * primed: its resolver loads it as before. A declaration that no longer matches its resolver costs a statement, never
 * a wrong answer, since a loader is primed only under its own key (the statement-count tests notice).
 */

/** Children whose many-to-one `foreignKey` points at the parent, in `orderBy` order (Loaders.manyBy). */
export interface ManyFollow {
  kind: 'many';
  entity: EntityClass<unknown>;
  foreignKey: string;
  orderBy: ReadOrder;
}

/** The record the parent's many-to-one `via` points at (Loaders.byId). */
export interface OneFollow {
  kind: 'one';
  entity: EntityClass<unknown>;
  via: string;
}

/** The records whose ids the parent lists in its array column `via`, in that order (Loaders.byIds). */
export interface EachFollow {
  kind: 'each';
  entity: EntityClass<unknown>;
  via: string;
}

/** A relation read by a module's own query, primed into the module's own loader. */
export interface CustomRead {
  /** The loader it primes (Loaders.custom). */
  key: string;
  /** The rows are rows of this entity's table, plus `extra` columns (kept as text). */
  entity: EntityClass<unknown>;
  extra: string[];
  /**
   * The rows for the parents whose ids are the array `parentIds` (a uuid[] expression), as SQL with `?` bindings;
   * `parentIds` comes before any other binding in the text.
   */
  sql(parentIds: string): { sql: string; bindings: unknown[] };
  /** Orders the rows (over the statement's columns, as `t.column`), as the module's loader orders them. */
  order: string;
  /** Hands the rows of all these parents to the module's loader. */
  prime(loaders: Loaders, parentIds: string[], rows: TextRows): void;
}

/** A relation whose query depends on the field's arguments (a page of instruments: `first`, `after`, `kinds`). */
export interface CustomFollow {
  kind: 'custom';
  read: (ctx: RequestContext, args: Record<string, unknown>) => CustomRead;
}

export type Follow = ManyFollow | OneFollow | EachFollow | CustomFollow;

/**
 * What a field reads: `path` from its parent (the field's own objects at the end, where its selection goes on), and
 * `also` paths from there that its resolver reads without the client asking (a loan-to-value reads the pledges'
 * patents and appraisals).
 */
export interface Planned {
  path: Follow[];
  also?: Follow[][];
}

export const many = <T>(
  entity: EntityClass<T>,
  foreignKey: { [K in keyof T]: T[K] extends { id: string } | null ? K : never }[keyof T] & string,
  orderBy: { [K in keyof T & string]?: 'asc' | 'desc' } = DEFAULT_ORDER as never,
): ManyFollow => ({ kind: 'many', entity: entity as EntityClass<unknown>, foreignKey, orderBy: orderBy as ReadOrder });

export const one = <T>(entity: EntityClass<T>, via: string): OneFollow => ({ kind: 'one', entity: entity as EntityClass<unknown>, via });

export const each = <T>(entity: EntityClass<T>, via: string): EachFollow => ({ kind: 'each', entity: entity as EntityClass<unknown>, via });

export const custom = (read: CustomFollow['read']): CustomFollow => ({ kind: 'custom', read });

/** The order of a one-to-many when its resolver names none. */
export const DEFAULT_ORDER: ReadOrder = { createdAt: 'asc', id: 'asc' };

const registry = new Map<string, Map<string, Planned>>();

/**
 * Declares what fields of GraphQL type `type` read; returns the declarations for the resolvers to load through
 * (`ctx.loaders.follow(FOLLOWS.financials, e)`), so a field and its declaration cannot drift apart.
 */
export function follows<M extends Record<string, Follow | Planned>>(type: string, fields: M): { [K in keyof M]: M[K] } {
  let byField = registry.get(type);
  if (!byField) registry.set(type, (byField = new Map()));
  for (const [field, f] of Object.entries(fields)) byField.set(field, 'kind' in f ? { path: [f] } : f);
  return fields;
}

/** Every declaration, as `Type.field` (test/read-plan.test.ts checks each names a field of the schema). */
export function declaredFields(): string[] {
  return [...registry].flatMap(([type, fields]) => [...fields.keys()].map((f) => `${type}.${f}`));
}

// ── the plan ──

interface Node {
  /** The common table expression holding the rows (`r0` is the root). */
  name: string;
  meta: EntityMetadata;
  /** Rows of a custom read have these extra columns. */
  extra: string[];
  /** How the node's rows are primed; null for the root. */
  follow: ManyFollow | OneFollow | EachFollow | CustomRead | null;
  parent: Node | null;
  /** Only the parent rows with these ids (a field the viewer sees on some of the root's rows only), or all. */
  parentsOnly: Set<string> | null;
  children: Map<string, Node>;
}

const followKey = (f: ManyFollow | OneFollow | EachFollow | CustomRead): string =>
  'kind' in f
    ? f.kind === 'many'
      ? `many:${f.entity.name}.${f.foreignKey}:${JSON.stringify(f.orderBy)}`
      : `${f.kind}:${f.entity.name}.${f.via}`
    : `custom:${f.key}`;

/** Is `type` (or, for an interface, one of its implementations) a type whose values are rows of `meta`'s table? */
function rowsOf(schema: GraphQLSchema, type: GraphQLNamedType, meta: EntityMetadata): boolean {
  return objectTypesOf(schema, type, meta).length > 0;
}

/** The object types a value of `type` can be when it is a row of `meta`'s table (a `Node` that is an Enterprise …). */
function objectTypesOf(schema: GraphQLSchema, type: GraphQLNamedType, meta: EntityMetadata): GraphQLObjectType[] {
  const classes = new Set([meta.className, ...(meta.root.discriminatorMap ? Object.values(meta.root.discriminatorMap) : [])]);
  const candidates = isAbstractType(type) ? schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
  return candidates.filter((t) => classes.has(t.name));
}

class Planner {
  private count = 0;
  /** The root, and the one node of each reference table (read whole, wherever it is asked for). */
  root: Node | null = null;
  private readonly references = new Map<string, Node>();

  constructor(
    private readonly ctx: RequestContext,
    private readonly info: GraphQLResolveInfo,
    /** For fields of the root's rows the viewer sees on some of them only (`Type.field`): the ids of those rows. */
    private readonly rootSubsets: ReadonlyMap<string, Set<string>>,
  ) {}

  node(meta: EntityMetadata, follow: Node['follow'], parent: Node | null, extra: string[] = [], parentsOnly: Set<string> | null = null): Node {
    return { name: `r${this.count++}`, meta, extra, follow, parent, parentsOnly, children: new Map() };
  }

  /**
   * The child of `parent` along `follow` (one per distinct relation, however many fields ask for it), read for the
   * parent rows in `only` or for all of them (null).
   */
  child(parent: Node, follow: Follow, args: Record<string, unknown>, only: Set<string> | null = null): Node {
    const resolved = follow.kind === 'custom' ? follow.read(this.ctx, args) : follow;
    if ('kind' in resolved && resolved.kind !== 'many' && REFERENCE_DATA.has(resolved.entity.name)) {
      let table = this.references.get(resolved.entity.name);
      if (!table) {
        table = this.node(this.ctx.em.getMetadata().get(resolved.entity.name), resolved, this.root);
        this.root!.children.set(`table:${resolved.entity.name}`, table);
        this.references.set(resolved.entity.name, table);
      }
      return table;
    }
    const key = followKey(resolved);
    let child = parent.children.get(key);
    if (!child) {
      child = this.node(this.ctx.em.getMetadata().get(resolved.entity.name), resolved, parent, 'kind' in resolved ? [] : resolved.extra, only);
      parent.children.set(key, child);
    } else if (child.parentsOnly) {
      child.parentsOnly = only && new Set([...child.parentsOnly, ...only]);
    }
    return child;
  }

  /** Follows the fields of `selection` (on values of `type`, rows of `node`) that have declarations. */
  walk(node: Node, type: GraphQLNamedType, selection: SelectionSetNode | undefined): void {
    if (!selection) return;
    const schema = this.info.schema;
    // Only the types the node's rows can be: `... on Proposal` under a `Node` that is an enterprise follows nothing.
    const concrete = objectTypesOf(schema, type, node.meta);
    for (const object of concrete) {
      for (const field of this.fields(object, selection)) {
        const planned = registry.get(object.name)?.get(field.name.value) ?? this.fromInterfaces(object, field.name.value);
        const definition = object.getFields()[field.name.value] as GraphQLField<unknown, unknown> | undefined;
        if (!planned || !definition) continue;
        // A field the viewer sees under a condition is read for the rows the condition holds for (known for the
        // root's rows only); deeper down, its resolver reads it, for the objects it is shown on.
        let only: Set<string> | null = null;
        if (!this.ctx.access.seesFieldWherever(object.name, field.name.value)) {
          only = (node.follow === null && this.rootSubsets.get(`${object.name}.${field.name.value}`)) || null;
          if (!only?.size) continue;
        }
        // A record reached by reference may be one the viewer does not see (another enterprise, a proposal not
        // assigned to this unit): only for types it sees whole is it read ahead; otherwise its resolver reads it, and
        // the policy screens it, as without read-ahead.
        if (![...planned.path, ...(planned.also ?? []).flat()].every((f) => this.seesWhole(f))) continue;
        let at = node;
        try {
          let first: Set<string> | null = only;
          for (const follow of planned.path) {
            at = this.child(at, follow, follow.kind === 'custom' ? getArgumentValues(definition, field, this.info.variableValues) : {}, first);
            first = null;
          }
        } catch {
          // Arguments its resolver will refuse (a page too large, a cursor from elsewhere): the resolver says so.
          continue;
        }
        for (const path of planned.also ?? []) {
          let from = at;
          for (const follow of path) from = this.child(from, follow, {});
        }
        this.descend(at, getNamedType(definition.type), field.selectionSet);
      }
    }
  }

  /** Goes on into a field's selection: the node's own type, or the nodes of a connection (`edges { node }`, `nodes`). */
  descend(node: Node, type: GraphQLNamedType, selection: SelectionSetNode | undefined): void {
    if (!selection) return;
    if (rowsOf(this.info.schema, type, node.meta)) {
      this.walk(node, type, selection);
      return;
    }
    const edges = isObjectType(type) ? type.getFields()['edges'] : undefined;
    const edgeType = edges && getNamedType(edges.type);
    const nodeField = edgeType && isObjectType(edgeType) ? edgeType.getFields()['node'] : undefined;
    if (!edges || !edgeType || !nodeField || !rowsOf(this.info.schema, getNamedType(nodeField.type), node.meta)) return;
    const nodeType = getNamedType(nodeField.type);
    for (const e of this.fields(type as GraphQLObjectType, selection)) {
      if (e.name.value === 'nodes') this.walk(node, nodeType, e.selectionSet);
      if (e.name.value !== 'edges') continue;
      for (const n of this.fields(edgeType as GraphQLObjectType, e.selectionSet)) {
        if (n.name.value === 'node') this.walk(node, nodeType, n.selectionSet);
      }
    }
  }

  /** Does the viewer see every record a many-to-one or listed-ids relation can reach (each class of its table)? */
  private seesWhole(f: Follow): boolean {
    if (f.kind === 'many' || f.kind === 'custom') return true;
    const meta = this.ctx.em.getMetadata().get(f.entity.name);
    const classes = meta.root.discriminatorMap ? Object.values(meta.root.discriminatorMap) : [meta.className];
    return classes.every((c) => this.ctx.access.seesAllRowsOf(c));
  }

  private fromInterfaces(object: GraphQLObjectType, field: string): Planned | undefined {
    for (const i of object.getInterfaces()) {
      const planned = registry.get(i.name)?.get(field);
      if (planned) return planned;
    }
    return undefined;
  }

  /** The fields a selection set asks of an object type: fragments whose condition it meets, @skip and @include applied. */
  private fields(object: GraphQLObjectType, selection: SelectionSetNode | undefined, seen = new Set<string>()): FieldNode[] {
    const found: FieldNode[] = [];
    for (const s of selection?.selections ?? []) {
      if (!this.included(s)) continue;
      if (s.kind === Kind.FIELD) {
        found.push(s);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (!s.typeCondition || this.applies(s.typeCondition.name.value, object)) found.push(...this.fields(object, s.selectionSet, seen));
      } else {
        const fragment = this.info.fragments[s.name.value];
        if (!fragment || seen.has(s.name.value) || !this.applies(fragment.typeCondition.name.value, object)) continue;
        seen.add(s.name.value);
        found.push(...this.fields(object, fragment.selectionSet, seen));
      }
    }
    return found;
  }

  private applies(condition: string, object: GraphQLObjectType): boolean {
    if (condition === object.name) return true;
    const type = this.info.schema.getType(condition);
    return !!type && isAbstractType(type) && this.info.schema.isSubType(type, object);
  }

  private included(node: Parameters<typeof getDirectiveValues>[1]): boolean {
    const skip = getDirectiveValues(GraphQLSkipDirective, node, this.info.variableValues);
    if (skip?.['if'] === true) return false;
    const include = getDirectiveValues(GraphQLIncludeDirective, node, this.info.variableValues);
    return include?.['if'] !== false;
  }
}

// ── columns and their parsers ──

export type Column = TextColumn;

/** Rows read ahead: arrays of PostgreSQL's text output, in the order of `columns`. */
export class TextRows {
  constructor(
    private readonly em: EntityManager,
    readonly columns: readonly Column[],
    readonly values: readonly (string | null)[][],
  ) {}

  /** The read objects of the rows (read-objects.ts), as `select *` rows would give them. */
  objects<T>(entity: EntityClass<T>): T[] {
    return readObjectsFromText(this.em, entity, this.columns, this.values);
  }

  /** One column's values as text (ids, extra columns of a module's read). */
  text(column: string): (string | null)[] {
    const i = this.columns.findIndex((c) => c.name === column);
    if (i < 0) throw new Error(`no column ${column} in the rows read ahead`);
    return this.values.map((v) => v[i]!);
  }
}

const columnsCache = new WeakMap<object, Promise<Map<string, Column[]>>>();

/**
 * The columns of every table, in their order, each with the parser the connection applies to its type (MikroORM's
 * overrides included: dates and timestamps stay text for its own conversion). Read once per ORM; `warmReadPlan`
 * reads it as the server starts, so no request pays the statement.
 */
export function tableColumns(em: EntityManager): Promise<Map<string, Column[]>> {
  const key = em.getMetadata();
  let columns = columnsCache.get(key);
  if (!columns) {
    const types = (em.getConnection().getConnectionOptions() as { types?: { getTypeParser(oid: number, format: 'text'): (text: string) => unknown } })
      .types;
    if (!types) throw new Error('the connection has no type parsers');
    columns = readRows<{ table: string; column: string; oid: number }>(
      em,
      `select c.relname as "table", a.attname as "column", a.atttypid::int as oid
       from pg_attribute a join pg_class c on c.oid = a.attrelid
       where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
       order by c.relname, a.attnum`,
    ).then((rows) => {
      const byTable = new Map<string, Column[]>();
      for (const r of rows) {
        let list = byTable.get(r.table);
        if (!list) byTable.set(r.table, (list = []));
        list.push({ name: r.column, parse: types.getTypeParser(r.oid, 'text') });
      }
      return byTable;
    });
    columns.catch(() => columnsCache.delete(key));
    columnsCache.set(key, columns);
  }
  return columns;
}

/**
 * A subquery giving the rows of `from` (a table or common table expression) as one JSON array of arrays: each value
 * PostgreSQL's own text output of it (what it sends a client), or null.
 */
export function textRows(columns: readonly Column[], from: string, order = ''): string {
  const values = columns.map((c) => `t.${quote(c.name)}::text`).join(', ');
  return `(select coalesce(json_agg(array[${values}]${order ? ` order by ${order}` : ''}), '[]'::json) from ${from} t)`;
}


const extended = new WeakMap<readonly Column[], Map<string, Column[]>>();

/**
 * A table's columns and a custom read's extra ones (kept as text), the same array for the same columns on every
 * request, so the builders compiled for it (read-objects.ts) are reused.
 */
function withExtra(own: readonly Column[], extra: readonly string[]): readonly Column[] {
  if (extra.length === 0) return own;
  let byExtra = extended.get(own);
  if (!byExtra) extended.set(own, (byExtra = new Map()));
  const key = extra.join(',');
  let list = byExtra.get(key);
  if (!list) byExtra.set(key, (list = [...own, ...extra.map((name) => ({ name, parse: (text: string) => text }))]));
  return list;
}

/** Reads the catalogue the planner needs, so the first request does not. */
export async function warmReadPlan(em: EntityManager): Promise<void> {
  await tableColumns(em);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The column of a property (of the class, or for single-table inheritance of a class sharing its table). */
function columnOf(meta: EntityMetadata, property: string, metadata?: { find(name: string): EntityMetadata | undefined }): string {
  const own = (m: EntityMetadata | undefined) => (m?.properties[property as never] as { fieldNames?: string[] } | undefined)?.fieldNames?.[0];
  const shared = Object.values(meta.root.discriminatorMap ?? {}).map((name) => metadata?.find(name));
  const column = own(meta) ?? own(meta.root) ?? shared.map(own).find(Boolean);
  if (!column) throw new Error(`${meta.className} has no column for ${property}`);
  return column;
}

/**
 * Reference data: small tables the zone maintains (tens of rows, at any zone size). A request reads each whole, once
 * (Loaders.byId), so records asked for at different depths of one answer cost one read, not one per depth.
 */
const REFERENCE_DATA = new Set([
  'Park', 'IndustryCluster', 'Institution', 'Bank', 'BankBranch', 'Insurer', 'Fund', 'RiskCompensationPool', 'Sector', 'Party', 'HandlingUnit',
]);

/** Is this entity read whole, once per request (Loaders' reference data)? */
export const isReferenceData = (entity: string) => REFERENCE_DATA.has(entity);

/**
 * Reads, in one statement, what the selection of the current field will follow from `rows` (records of `entity`, the
 * objects the field returns, or the nodes of the connection it returns), and primes the request's loaders with it.
 * Nothing to follow: no statement.
 */
export async function prefetch(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  entity: EntityClass<unknown>,
  rows: readonly { id: string }[],
  /**
   * Rows fetched by id, not yet screened (node, a record by its code): read ahead only for a viewer who sees every
   * row of their types, so nothing about a record a viewer may not see is read (nor takes longer to refuse).
   */
  options: { unscreened?: boolean } = {},
): Promise<void> {
  if (rows.length === 0 || !ctx.readAhead) return;
  if (options.unscreened && !rows.every((r) => ctx.access.seesAllRowsOf(r.constructor.name))) return;
  const meta = ctx.em.getMetadata().get(entity.name);
  // Fields of the rows the viewer sees on some of them only (a bank: under the scopes each enterprise granted).
  const subsets = new Map<string, Set<string>>();
  for (const [field] of registry.get(entity.name) ?? []) {
    if (ctx.access.seesFieldWherever(entity.name, field)) continue;
    const seen = await Promise.all(rows.map((r) => ctx.access.seesField(entity.name, field, r)));
    subsets.set(`${entity.name}.${field}`, new Set(rows.filter((_, i) => seen[i]).map((r) => r.id)));
  }
  const planner = new Planner(ctx, info, subsets);
  const root = (planner.root = planner.node(meta, null, null));
  const field = info.parentType.getFields()[info.fieldName]!;
  // The field's own selection: as for any field whose type holds the rows, or a connection of them.
  for (const node of info.fieldNodes) planner.descend(root, getNamedType(field.type), node.selectionSet);
  if (root.children.size === 0) return;

  const columns = await tableColumns(ctx.em);
  const metadata = ctx.em.getMetadata();
  const ctes: string[] = [];
  const outputs: { node: Node; columns: readonly Column[]; select: string }[] = [];
  const bindings: unknown[] = [];
  const ids = rows.map((r) => r.id);
  ctes.push(`r0 as (select * from ${quote(meta.tableName)} where id = any(?::uuid[]))`);
  bindings.push(sqlArray(ids));

  /** The array of `value` (an expression over the parent's columns) over the parent's rows the child is read for. */
  const parents = (child: Node, value: string) => {
    const parent = child.parent!;
    if (!child.parentsOnly) return `array(select ${value} from ${parent.name})`;
    bindings.push(sqlArray([...child.parentsOnly]));
    return `array(select ${value} from ${parent.name} where id = any(?::uuid[]))`;
  };

  const visit = (node: Node) => {
    for (const child of node.children.values()) {
      const table = child.meta.tableName;
      const own = columns.get(table);
      if (!own) throw new Error(`no columns known for table ${table}`);
      const f = child.follow!;
      const root = child.meta.root;
      const discriminator =
        root !== child.meta && root.discriminatorColumn && child.meta.discriminatorValue != null
          ? { column: columnOf(root, root.discriminatorColumn), value: String(child.meta.discriminatorValue) }
          : null;
      const where: string[] = [];
      const ofClass = () => {
        if (!discriminator) return;
        where.push(`t.${quote(discriminator.column)} = ?`);
        bindings.push(discriminator.value);
      };
      let sql: string;
      let order = '';
      if (!('kind' in f)) {
        const custom = f.sql(parents(child, quote('id')));
        sql = custom.sql;
        bindings.push(...custom.bindings);
        order = f.order;
      } else if (f.kind === 'many') {
        where.push(`t.${quote(columnOf(child.meta, f.foreignKey))} = any(${parents(child, quote('id'))})`);
        ofClass();
        sql = `select t.* from ${quote(table)} t where ${where.join(' and ')}`;
        order = Object.entries(f.orderBy)
          .map(([p, d]) => `t.${quote(columnOf(child.meta, p))} ${d === 'desc' ? 'desc' : 'asc'}`)
          .join(', ');
      } else if (REFERENCE_DATA.has(child.meta.className)) {
        ofClass();
        sql = `select t.* from ${quote(table)} t${where.length ? ` where ${where.join(' and ')}` : ''}`;
      } else if (f.kind === 'each') {
        // The listed ids are text (uuid[] once unnested): an id that is no uuid fails here as it would in byIds.
        where.push(`t.id = any(${parents(child, `unnest(${quote(columnOf(node.meta, f.via, metadata))})::uuid`)})`);
        ofClass();
        sql = `select t.* from ${quote(table)} t where ${where.join(' and ')}`;
      } else {
        where.push(`t.id = any(${parents(child, quote(columnOf(node.meta, f.via, metadata)))})`);
        ofClass();
        sql = `select t.* from ${quote(table)} t where ${where.join(' and ')}`;
      }
      ctes.push(`${child.name} as (${sql})`);
      const list = withExtra(own, child.extra);
      outputs.push({ node: child, columns: list, select: `${textRows(list, child.name, order)} as ${child.name}` });
      visit(child);
    }
  };
  visit(root);

  let result: Record<string, (string | null)[][]> | undefined;
  try {
    [result] = await readRows<Record<string, (string | null)[][]>>(
      ctx.em,
      `with ${ctes.join(',\n')}\nselect ${outputs.map((o) => o.select).join(',\n')}`,
      bindings,
    );
  } catch (error) {
    // Inside a transaction the failure has aborted it: nothing else can run, so say so.
    if (ctx.em.isInTransaction()) throw error;
    // Reading ahead only saves statements: when it fails (a cursor PostgreSQL refuses, a timeout), the resolvers read
    // field by field and each field that cannot be read carries its own error, as without read-ahead.
    ctx.log.warn({ err: error, field: info.fieldName }, 'reading ahead failed; the fields read one by one');
    return;
  }
  const read = new Map<Node, TextRows>();
  for (const { node, columns: list } of outputs) read.set(node, new TextRows(ctx.em, list, result![node.name]!));
  // Parents first (the order of `outputs`), so a module's loader sees its parents primed.
  for (const { node } of outputs) {
    const parentIds = node.parentsOnly
      ? [...node.parentsOnly]
      : node.parent === root
        ? ids
        : [...new Set(read.get(node.parent!)!.text('id') as string[])];
    ctx.loaders.prime(node.follow!, parentIds, read.get(node)!);
  }
}
