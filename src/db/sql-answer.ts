import { createHash, randomBytes } from 'node:crypto';
import type { EntityClass, EntityMetadata, EntityProperty } from '@mikro-orm/core';
import { ReferenceKind } from '@mikro-orm/core';
import {
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  getNullableType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isAbstractType,
  isEnumType,
  isListType,
  isObjectType,
  isScalarType,
  Kind,
  type OperationDefinitionNode,
} from 'graphql';
import { collectFields, collectSubfields } from 'graphql/execution/collectFields';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import { mayCall } from '../auth/policy';
import { BaseEntity } from '../common/base.entity';
import type { RequestContext } from '../context';
import type { Knex } from '@mikro-orm/postgresql';
import type { LRUCache } from 'lru-cache';
import { zoneToday } from '../clock';
import { NODE_TAGS } from '../common/global-id';
import type { ManyFollow, OneFollow } from './read-plan';
import { readRows } from './read-objects';

/**
 * Answers in SQL (issue 11, the last step of the read path). For an operation whose every field has a known SQL
 * form and which the viewer sees whole, the complete `data` of the response is built by PostgreSQL in ONE statement
 * (nested `json_build_object` / `json_agg`, in the order of the selection set, with every scalar in its serialised
 * form), and handed to the client without a resolver, a read object or a DataLoader. This is what a hand-written
 * statement does (bench/baseline.ts); here it is planned from the operation.
 *
 * What has an SQL form:
 * - a field that reads a column of its object's row (a plain property of the entity, no resolver): derived from the
 *   entity's metadata and the field's GraphQL type (text, numbers, booleans, dates, instants, Decimal/Percent text,
 *   enums whose names are their values, JSON);
 * - `id` (the global id) and `__typename`;
 * - what a module declares with `answers(type, { field: … })` next to the field's resolver: a many-to-one or a
 *   one-to-many (the same declarations its resolver follows, src/db/read-plan.ts), a value computed in SQL, a list
 *   of its own, or a connection (a page with cursors);
 * - root fields declared with `answerRoot`.
 *
 * Anything else (a field without an SQL form, a field or record the viewer sees under a condition, a mutation, an
 * argument a resolver would refuse, more than 50 keys in one object) makes the whole operation go the usual way:
 * resolvers, read-ahead and policy, which stay the reference (test/sql-answer.test.ts compares the two on every
 * declared field). Policy: the operation is answered in SQL only when the viewer may call each root field, sees every
 * record of each type the answer can hold (`Access.seesAllRowsOf`) and each selected field on every object
 * (`Access.seesFieldWherever`); which rows a root reads is its own WHERE clause (the visible set of its viewer).
 *
 * A statement PostgreSQL refuses (a cursor whose values do not fit their columns) is not an answer either: outside a
 * transaction the operation then runs the usual way and carries its own errors.
 *
 * Cost: plans are kept per operation, viewer, day and variables (never answers); statements are prepared, with page
 * sizes as parameters; over HTTP the answer is read as bytes and written to the response as PostgreSQL wrote it.
 */

/** Thrown while planning: this operation has no SQL answer (why, for the debug log). */
class NoSqlAnswer extends Error {}
const none = (why: string): never => {
  throw new NoSqlAnswer(why);
};

/** Binds values as the statement is written: `p(value)` stands for one parameter. */
export interface Sql {
  p(value: unknown): string;
  /**
   * Says the statement depends on more than the operation, its variables, the viewer and the day (the rules in force
   * that an outreach filter reads): it is planned again on every request.
   */
  uncacheable(): void;
  /** A fresh alias (`a1`, `a2` …) for a row or a subquery. */
  alias(): string;
}

/**
 * A value computed in SQL over the object's row (`t` its alias), already in the form GraphQL serialises it to.
 * `up(relation, column)` is a column of the record the row's many-to-one `relation` points at: the parent row itself
 * when the row was reached from it (a holder listed under its instrument), else a lookup.
 */
export interface ValueAnswer {
  kind: 'value';
  sql: (t: string, q: Sql, up: (relation: string, column: string) => string) => string;
}

/** A list of records the module selects itself: rows of `entity`'s table as `c`, in `order`. */
export interface ListAnswer {
  kind: 'list';
  entity: EntityClass<unknown>;
  rows: (t: string, c: string, q: Sql) => { from: string; order: string };
}

/** One page of a connection, for one parent row. */
export interface PageRows {
  entity: EntityClass<unknown>;
  /**
   * `select c.*, row_number() over (…) as __rn from … limit n+1`: the page and one row more, numbered in the order
   * they were read (for a backward page, the reverse of the list's order).
   */
  rows: string;
  limit: number;
  backward: boolean;
  /** Was the page asked after (or before) a cursor? */
  cursorGiven: boolean;
  /** A row's cursor, as `encodeCursor` writes it (src/common/pagination.ts): see `cursorSql`. */
  cursor: (c: string) => string;
  /** The whole list's length (totalCount). */
  total: () => string;
}

/** A connection of records (edges, pageInfo, totalCount), paged by the field's arguments. */
export interface ConnectionAnswer {
  kind: 'connection';
  page: (t: string, q: Sql, args: Record<string, unknown>) => PageRows;
}

export type Answer = ValueAnswer | ListAnswer | ConnectionAnswer | ManyFollow | OneFollow;

export const value = (sql: ValueAnswer['sql']): ValueAnswer => ({ kind: 'value', sql });
export const list = <T>(entity: EntityClass<T>, rows: ListAnswer['rows']): ListAnswer => ({ kind: 'list', entity: entity as EntityClass<unknown>, rows });
export const connection = (page: ConnectionAnswer['page']): ConnectionAnswer => ({ kind: 'connection', page });

const declared = new Map<string, Map<string, Answer>>();

/** Declares the SQL form of fields of GraphQL type `type` (an object type or an interface its types implement). */
export function answers(type: string, fields: Record<string, Answer>): void {
  let byField = declared.get(type);
  if (!byField) declared.set(type, (byField = new Map()));
  for (const [field, answer] of Object.entries(fields)) byField.set(field, answer);
}

/** A root field answered in SQL: the page of rows it reads for the viewer (its WHERE clause is the policy's). */
export interface RootAnswer {
  kind: 'connection';
  page: (ctx: RequestContext, q: Sql, args: Record<string, unknown>) => Promise<PageRows>;
}

const roots = new Map<string, RootAnswer>();

export function answerRoot(field: string, answer: RootAnswer): void {
  roots.set(field, answer);
}

/** Every declared field, as `Type.field` (the oracle test queries each). */
export function answeredFields(): string[] {
  return [...declared].flatMap(([type, fields]) => [...fields.keys()].map((f) => `${type}.${f}`));
}

export const answeredRoots = (): string[] => [...roots.keys()];

// ── SQL pieces ──

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** base64url without padding of a text, as Buffer#toString('base64url') writes it. */
const base64url = (text: string) => `rtrim(translate(encode(convert_to(${text}, 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')`;

/**
 * A cursor as `encodeCursor` writes it: base64url of `JSON.stringify(key)`. Each expression is the key's value as the
 * read object holds it (text, or null); `to_json` escapes a string exactly as JSON.stringify does.
 */
export function cursorSql(values: string[]): string {
  const parts = values.map((v) => `coalesce(to_json(${v})::text, 'null')`).join(` || ',' || `);
  return base64url(`'[' || ${parts} || ']'`);
}

/** A query built with knex (its `?` bindings in order), as part of a statement planned here. */
export function embed(q: Sql, query: { toSQL(): { sql: string; bindings: readonly unknown[] } }): string {
  const { sql, bindings } = query.toSQL();
  let i = 0;
  const text = sql.replace(/\?/g, () => q.p(bindings[i++]));
  if (i !== bindings.length) throw new Error(`a query with ${bindings.length} bindings had ${i} placeholders`);
  return text;
}

/** A date as "YYYY-MM-DD" whatever the session's DateStyle (`::text` follows it: "30/11/2026" under SQL, DMY). */
export const dateText = (date: string) => `to_char(${date}, 'YYYY-MM-DD')`;

/** The global id of the row, as `toGlobalId` writes it (src/common/global-id.ts): tag, "_", the uuid's 16 bytes in base64url. */
const globalId = (type: string, t: string) => {
  const tag = (NODE_TAGS as Record<string, string>)[type];
  if (tag === undefined) none(`no global-id tag for ${type}`);
  return `${literal(`${tag}_`)} || rtrim(translate(encode(uuid_send(${t}.id), 'base64'), '+/', '-_'), '=')`;
};

/** Objects are built with json_build_object, whose arguments PostgreSQL caps at 100: 50 keys. */
const MAX_KEYS = 50;

function jsonObject(pairs: [string, string][]): string {
  if (pairs.length > MAX_KEYS) none(`more than ${MAX_KEYS} fields in one object`);
  return `json_build_object(${pairs.map(([k, v]) => `${literal(k)}, ${v}`).join(', ')})`;
}

// ── plain fields ──

/** Which fields of the schema read their property with GraphQL's default resolver (recorded before the policy wraps them). */
const plainFields = new WeakMap<GraphQLSchema, Set<string>>();

/** Called by buildInnozoneSchema before the policy is applied: the fields with no resolver of their own. */
export function notePlainFields(schema: GraphQLSchema): void {
  const plain = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) if (!field.resolve) plain.add(`${type.name}.${field.name}`);
  }
  plainFields.set(schema, plain);
}

/** The plain fields of a schema built by buildInnozoneSchema, as `Type.field` (the oracle test asks for every one). */
export const plainFieldsOf = (schema: GraphQLSchema): ReadonlySet<string> => plainFields.get(schema) ?? new Set();

const TEXT_COLUMNS = /^(text|varchar|character varying|char|character|bpchar|uuid)(\(\d+\))?$/;
const INT_COLUMNS = /^(int|int2|int4|integer|smallint|tinyint)$/;

/** The SQL of a plain field: its column in GraphQL's serialised form, or none when the pair is not one we know. */
function plainValue(prop: EntityProperty, type: GraphQLOutputType, t: string): string {
  const column = prop.fieldNames?.[0];
  if (!column || prop.fieldNames.length > 1 || prop.kind !== ReferenceKind.SCALAR || prop.persist === false) none(`${prop.name} is no column`);
  const c = `${t}.${quote(column!)}`;
  const named = getNamedType(type);
  const columnType = String(prop.columnTypes?.[0] ?? prop.type ?? '').toLowerCase();
  const isList = isListType(getNullableType(type));
  if (isList) {
    if (!columnType.endsWith('[]')) none(`${prop.name}: a list from a column that is not an array`);
    if (isEnumType(named) && named.getValues().every((v) => v.name === v.value)) return `to_json(${c})`;
    if (isScalarType(named) && named.name === 'String') return `to_json(${c})`;
    return none(`${prop.name}: a list of ${named.name}`);
  }
  if (isEnumType(named)) {
    if (named.getValues().every((v) => v.name === v.value)) return `${c}::text`;
    return none(`${named.name}: names differ from values`);
  }
  if (!isScalarType(named)) return none(`${prop.name}: ${named.name} is not a scalar`);
  switch (named.name) {
    case 'String':
    case 'CreditCode':
      if (TEXT_COLUMNS.test(columnType) || prop.runtimeType === 'string') return `${c}::text`;
      break;
    case 'Int':
      if (INT_COLUMNS.test(columnType) || prop.runtimeType === 'number') return c;
      break;
    case 'Boolean':
      if (prop.runtimeType === 'boolean') return c;
      break;
    case 'Date':
      if (columnType === 'date') return dateText(c);
      break;
    case 'DateTime':
      // graphql-scalars writes an instant as Date#toISOString does: UTC, milliseconds, "Z".
      if (prop.runtimeType === 'Date' && (columnType.startsWith('timestamptz') || columnType.startsWith('timestamp with time zone'))) {
        return `to_char(${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
      }
      break;
    case 'Decimal':
    case 'Percent': {
      const places = named.name === 'Decimal' ? 2 : 4;
      // A numeric column of exactly that scale prints as the scalar writes it ("1234.50").
      if (prop.scale === places) return `${c}::text`;
      break;
    }
    case 'JSONObject':
      if (columnType === 'jsonb' || columnType === 'json') return c;
      break;
    default:
      break;
  }
  return none(`${prop.name}: ${named.name} from a ${columnType} column`);
}

// ── the planner ──

class Planner implements Sql {
  private readonly values: unknown[] = [];
  private aliases = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly ctx: RequestContext,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  p(v: unknown): string {
    this.values.push(v);
    return `\u0001${this.values.length - 1}\u0001`;
  }

  alias(): string {
    return `a${++this.aliases}`;
  }

  cacheable = true;

  uncacheable(): void {
    this.cacheable = false;
  }

  /** The statement with `?` placeholders and its bindings in the order they appear. */
  finish(sql: string): { sql: string; bindings: unknown[] } {
    const bindings: unknown[] = [];
    const text = sql.replace(/\u0001(\d+)\u0001/g, (_, i: string) => {
      bindings.push(this.values[Number(i)]);
      return '?';
    });
    return { sql: text, bindings };
  }

  private get metadata() {
    return this.ctx.em.getMetadata();
  }

  /** The concrete types a row of `meta`'s table can be as a value of `type`, with the discriminator value of each. */
  private concrete(type: GraphQLNamedType, meta: EntityMetadata): { object: GraphQLObjectType; meta: EntityMetadata; discriminator: string | null }[] {
    const root = meta.root;
    const sti = root.discriminatorMap && root.discriminatorColumn ? root.discriminatorMap : null;
    const classes = sti && meta === root ? Object.values(sti) : [meta.className];
    if (isObjectType(type)) {
      // A field typed as one class of a shared table (a reinsurance's underlying policy): the row is of that class.
      if (!classes.includes(type.name)) none(`${meta.className} rows are not ${type.name}`);
      return [{ object: type, meta: this.metadata.get(type.name), discriminator: null }];
    }
    if (!isAbstractType(type)) return none(`${type.name} is no object`);
    const byClass = new Map(Object.entries(sti ?? {}).map(([v, cls]) => [cls, v]));
    return classes.map((name) => {
      const object = this.schema.getType(name);
      if (!object || !isObjectType(object) || !this.schema.isSubType(type, object)) return none(`${name} is not a ${type.name}`);
      return { object, meta: this.metadata.get(name), discriminator: sti ? byClass.get(name)! : null };
    });
  }

  /** The JSON of a row `t` of `meta`'s table as a value of `type` (an object type, or an interface its class implements). */
  objectJson(type: GraphQLNamedType, meta: EntityMetadata, t: string, fieldNodes: readonly FieldNode[]): string {
    const kinds = this.concrete(type, meta);
    for (const k of kinds) if (!this.ctx.access.seesAllRowsOf(k.object.name)) none(`${k.object.name} is screened for this viewer`);
    if (kinds.length === 1 && kinds[0]!.discriminator === null) return this.fieldsJson(kinds[0]!.object, kinds[0]!.meta, t, fieldNodes);
    const column = quote(meta.root.properties[meta.root.discriminatorColumn as never]?.fieldNames?.[0] ?? meta.root.discriminatorColumn!);
    const branches = kinds.map((k) => `when ${literal(k.discriminator!)} then ${this.fieldsJson(k.object, k.meta, t, fieldNodes)}`);
    return `case ${t}.${column} ${branches.join(' ')} end`;
  }

  /** The JSON of the selection of `object` over row `t`. */
  private fieldsJson(object: GraphQLObjectType, meta: EntityMetadata, t: string, fieldNodes: readonly FieldNode[]): string {
    const fields = collectSubfields(this.schema, this.fragments, this.variables, object, fieldNodes);
    const pairs: [string, string][] = [];
    for (const [key, nodes] of fields) pairs.push([key, this.fieldValue(object, meta, t, nodes)]);
    return jsonObject(pairs);
  }

  private declaration(object: GraphQLObjectType, field: string): Answer | undefined {
    return declared.get(object.name)?.get(field) ?? object.getInterfaces().map((i) => declared.get(i.name)?.get(field)).find(Boolean);
  }

  private fieldValue(object: GraphQLObjectType, meta: EntityMetadata, t: string, nodes: readonly FieldNode[]): string {
    const name = nodes[0]!.name.value;
    if (name === '__typename') return `${literal(object.name)}::text`;
    const field = object.getFields()[name] as GraphQLField<unknown, unknown> | undefined;
    if (!field) return none(`${object.name}.${name} is not a field`);
    if (!this.ctx.access.seesFieldWherever(object.name, name)) none(`${object.name}.${name} is conditional for this viewer`);
    const answer = this.declaration(object, name);
    if (answer) return this.declared(answer, field, meta, t, nodes);
    if (field.args.length) return none(`${object.name}.${name} takes arguments`);
    if (name === 'id' && (meta.class as unknown as { prototype: object }).prototype instanceof BaseEntity) return globalId(object.name, t);
    if (!plainFields.get(this.schema)?.has(`${object.name}.${name}`)) return none(`${object.name}.${name} has a resolver`);
    const prop = meta.properties[name as never] as EntityProperty | undefined;
    if (!prop) return none(`${object.name}.${name} is no property`);
    return plainValue(prop, field.type, t);
  }

  private declared(answer: Answer, field: GraphQLField<unknown, unknown>, meta: EntityMetadata, t: string, nodes: readonly FieldNode[]): string {
    const named = getNamedType(field.type);
    const args = () => getArgumentValues(field, nodes[0]!, this.variables);
    switch (answer.kind) {
      case 'value':
        return answer.sql(t, this, (relation, column) => this.through(meta, t, relation, column));
      case 'one': {
        const target = this.metadata.get(answer.entity.name);
        const c = this.alias();
        const via = this.column(meta, answer.via);
        return `(select ${this.objectJson(named, target, c, nodes)} from ${quote(target.root.tableName)} ${c} where ${c}.id = ${t}.${quote(via)})`;
      }
      case 'many': {
        const target = this.metadata.get(answer.entity.name);
        const c = this.alias();
        const fk = this.column(target, answer.foreignKey);
        const order = Object.entries(answer.orderBy)
          .map(([p, d]) => `${c}.${quote(this.column(target, p))} ${d === 'desc' ? 'desc' : 'asc'}`)
          .join(', ');
        const where = [`${c}.${quote(fk)} = ${t}.id`, ...this.ofClass(target, c)];
        this.parents.set(c, { relation: answer.foreignKey, parent: t });
        return this.listJson(named, target, c, nodes, `${quote(target.root.tableName)} ${c} where ${where.join(' and ')}`, order, field.type);
      }
      case 'list': {
        const target = this.metadata.get(answer.entity.name);
        const c = this.alias();
        const { from, order } = answer.rows(t, c, this);
        return this.listJson(named, target, c, nodes, from, order, field.type);
      }
      case 'connection':
        return this.connectionJson(named, answer.page(t, this, args()), nodes);
      default:
        return none('unknown answer');
    }
  }

  /** Rows read as the children of a parent row, by the many-to-one that points at it (`through` reads the parent). */
  private readonly parents = new Map<string, { relation: string; parent: string }>();

  private through(meta: EntityMetadata, t: string, relation: string, column: string): string {
    const link = this.parents.get(t);
    if (link?.relation === relation) return `${link.parent}.${quote(column)}`;
    const prop = meta.properties[relation as never] as EntityProperty | undefined;
    if (!prop || prop.kind !== ReferenceKind.MANY_TO_ONE) return none(`${meta.className}.${relation} is no many-to-one`);
    const target = this.metadata.get(prop.type);
    const x = this.alias();
    return `(select ${x}.${quote(column)} from ${quote(target.root.tableName)} ${x} where ${x}.id = ${t}.${quote(this.column(meta, relation))})`;
  }

  /** Rows of a subclass only, in a table shared by several (single-table inheritance). */
  private ofClass(meta: EntityMetadata, c: string): string[] {
    const root = meta.root;
    if (root === meta || !root.discriminatorColumn || meta.discriminatorValue == null) return [];
    return [`${c}.${quote(this.column(root, root.discriminatorColumn))} = ${literal(String(meta.discriminatorValue))}`];
  }

  private column(meta: EntityMetadata, property: string): string {
    const own = (m: EntityMetadata | undefined) => (m?.properties[property as never] as EntityProperty | undefined)?.fieldNames?.[0];
    const shared = Object.values(meta.root.discriminatorMap ?? {}).map((name) => this.metadata.find(name) ?? undefined);
    return own(meta) ?? own(meta.root) ?? shared.map(own).find(Boolean) ?? none(`${meta.className} has no column for ${property}`);
  }

  private listJson(
    named: GraphQLNamedType,
    target: EntityMetadata,
    c: string,
    nodes: readonly FieldNode[],
    from: string,
    order: string,
    type: GraphQLOutputType,
  ): string {
    if (!isListType(getNullableType(type))) none('a list declared for a field that is not one');
    const item = this.objectJson(named, target, c, nodes);
    return `coalesce((select json_agg(${item}${order ? ` order by ${order}` : ''}) from ${from}), '[]'::json)`;
  }

  /** A connection over one page of rows: a subquery of its own, for one parent row (or the root's). */
  connectionJson(type: GraphQLNamedType, page: PageRows, nodes: readonly FieldNode[]): string {
    if (!isObjectType(type)) return none(`${type.name} is no connection`);
    const target = this.metadata.get(page.entity.name);
    const rows = this.alias();
    // Sizes are parameters: the statement's text stays the same for any page size, and so does its prepared plan.
    const n = `${this.p(page.limit)}::int`;
    const inPage = `__rn <= ${n}`;
    const order = page.backward ? 'desc' : 'asc';
    const more = `(select count(*) from ${rows}) > ${n}`;
    const cursorAt = (which: 'first' | 'last') => {
      const c = this.alias();
      const dir = (which === 'first') === !page.backward ? 'asc' : 'desc';
      return `(select ${page.cursor(c)} from ${rows} ${c} where ${c}.${inPage} order by ${c}.__rn ${dir} limit 1)`;
    };
    const pairs: [string, string][] = [];
    for (const [key, fieldNodes] of collectSubfields(this.schema, this.fragments, this.variables, type, nodes)) {
      const name = fieldNodes[0]!.name.value;
      if (name === '__typename') pairs.push([key, `${literal(type.name)}::text`]);
      else if (name === 'totalCount') pairs.push([key, page.total()]);
      else if (name === 'pageInfo') {
        const info = getNamedType(type.getFields()['pageInfo']!.type) as GraphQLObjectType;
        const parts: [string, string][] = [];
        for (const [k, f] of collectSubfields(this.schema, this.fragments, this.variables, info, fieldNodes)) {
          const p = f[0]!.name.value;
          if (p === '__typename') parts.push([k, `${literal(info.name)}::text`]);
          else if (p === 'hasNextPage') parts.push([k, page.backward ? String(page.cursorGiven) : more]);
          else if (p === 'hasPreviousPage') parts.push([k, page.backward ? more : String(page.cursorGiven)]);
          else if (p === 'startCursor') parts.push([k, cursorAt('first')]);
          else if (p === 'endCursor') parts.push([k, cursorAt('last')]);
          else none(`PageInfo.${p}`);
        }
        pairs.push([key, jsonObject(parts)]);
      } else if (name === 'edges') {
        const edge = getNamedType(type.getFields()['edges']!.type) as GraphQLObjectType;
        const c = this.alias();
        const parts: [string, string][] = [];
        for (const [k, f] of collectSubfields(this.schema, this.fragments, this.variables, edge, fieldNodes)) {
          const p = f[0]!.name.value;
          if (p === '__typename') parts.push([k, `${literal(edge.name)}::text`]);
          else if (p === 'cursor') parts.push([k, page.cursor(c)]);
          else if (p === 'node') parts.push([k, this.objectJson(getNamedType(edge.getFields()['node']!.type), target, c, f)]);
          else none(`${edge.name}.${p}`);
        }
        pairs.push([key, `coalesce((select json_agg(${jsonObject(parts)} order by ${c}.__rn ${order}) from ${rows} ${c} where ${c}.${inPage}), '[]'::json)`]);
      } else if (name === 'nodes') {
        // The edges' nodes without their cursors, in the same order.
        const c = this.alias();
        const node = this.objectJson(getNamedType(type.getFields()['nodes']!.type), target, c, fieldNodes);
        pairs.push([key, `coalesce((select json_agg(${node} order by ${c}.__rn ${order}) from ${rows} ${c} where ${c}.${inPage}), '[]'::json)`]);
      } else {
        none(`${type.name}.${name}`);
      }
    }
    return `(with ${rows} as materialized (${page.rows}) select ${jsonObject(pairs)})`;
  }
}

/** Is the operation a query whose every part the planner may answer (and no subscription or mutation)? */
function operationOf(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  return operation?.operation === 'query' ? operation : null;
}

/**
 * The statement answering an operation, or why there is none; `cacheable`: the same for the same operation, variables,
 * viewer and day.
 */
export type SqlPlan = ({ sql: string; bindings: unknown[] } | { why: string }) & { cacheable: boolean };

/**
 * The SQL statement answering the operation for this viewer, or why it has none (then the operation runs the usual
 * way). Exposed for the tests; `answerInSql` runs it.
 */
export async function planSqlAnswer(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | undefined,
  ctx: RequestContext,
): Promise<SqlPlan> {
  const operation = operationOf(document, operationName);
  if (!operation) return { why: 'not a query', cacheable: true };
  const queryType = schema.getQueryType()!;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, { maxErrors: 1 });
  if (coerced.errors) return { why: 'variables that do not coerce', cacheable: true }; // the usual way words the refusal
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const planner = new Planner(schema, ctx, fragments, coerced.coerced);
  try {
    const pairs: [string, string][] = [];
    for (const [key, nodes] of collectFields(schema, fragments, coerced.coerced, queryType, operation.selectionSet)) {
      const name = nodes[0]!.name.value;
      if (name === '__typename') {
        pairs.push([key, `${literal(queryType.name)}::text`]);
        continue;
      }
      const root = roots.get(name);
      const field = queryType.getFields()[name];
      if (!root || !field) return { why: `Query.${name} has no SQL form`, cacheable: true };
      if (!mayCall('Query', name, ctx.viewer?.role ?? null)) return { why: `the viewer may not call ${name}`, cacheable: true };
      const args = getArgumentValues(field, nodes[0]!, coerced.coerced);
      const page = await root.page(ctx, planner, args);
      pairs.push([key, planner.connectionJson(getNamedType(field.type), page, nodes)]);
    }
    return { ...planner.finish(`select ${jsonObject(pairs)}::text as data`), cacheable: planner.cacheable };
  } catch (error) {
    // No SQL form, or arguments a resolver refuses (a page too large, a cursor from elsewhere, a filter the role may
    // not use): the usual way answers, and words any refusal as it always has. A failure of anything else (a
    // statement the planning ran) may not happen again.
    const known = error instanceof NoSqlAnswer || error instanceof GraphQLError;
    return { why: (error as Error).message, cacheable: known && planner.cacheable };
  }
}

/**
 * The `data` of an answer in SQL that leaves as PostgreSQL wrote it: a one-key object whose key no answer can hold
 * (random for each process), which the HTTP layer replaces in the response body by PostgreSQL's text
 * (`spliceRawData`). Parsing the text into objects only for Apollo to write them back as text cost a quarter of the
 * CPU of an answer in SQL.
 */
const RAW_DATA_KEY = `__innozone_sql_answer_${randomBytes(12).toString('hex')}`;
const RAW_DATA_JSON = JSON.stringify({ [RAW_DATA_KEY]: true });

/** The response body with PostgreSQL's text (UTF-8) in place of the stand-in `data`, or as it is when there is none. */
export function spliceRawData(body: string, raw: Buffer): string | Buffer {
  const at = body.indexOf(RAW_DATA_JSON);
  if (at < 0) return body;
  return Buffer.concat([Buffer.from(body.slice(0, at)), raw, Buffer.from(body.slice(at + RAW_DATA_JSON.length))]);
}

/**
 * Results read in binary format with every value kept as its bytes: a text value is its UTF-8, copied out of the
 * connection's buffer (which reads on into it). An answer of 100 kB held as a JavaScript string is a large object of
 * the old generation, twice its size; a Buffer lives outside the heap and goes to the socket as it is.
 */
const RAW_BYTES = { getTypeParser: () => (value: Buffer) => Buffer.from(value) };

/** Variables longer than this (a thousand credit codes) are not part of a cache key: such a plan is made each time. */
const MAX_CACHED_VARIABLES = 4096;

/**
 * Statements of answers in SQL are prepared (named): PostgreSQL plans each once per connection instead of on every
 * request, which for a portfolio page took as long as running it. Each distinct text gets a name, for the first
 * `PREPARED_STATEMENTS` texts a process meets (clients send a few dozen distinct operations); past that, statements
 * run unnamed, so a client sending endless distinct operations cannot fill PostgreSQL's memory with plans.
 */
const PREPARED_STATEMENTS = 200;
const prepared = new Map<string, string>();

function statementName(sql: string): string | undefined {
  let name = prepared.get(sql);
  if (!name && prepared.size < PREPARED_STATEMENTS) {
    name = `innozone_answer_${createHash('sha256').update(sql).digest('hex').slice(0, 32)}`;
    prepared.set(sql, name);
  }
  return name;
}

/**
 * Answers the operation in one statement, or null: then it runs the usual way. With `ctx.rawData` (an HTTP request),
 * the answer's text is kept there and `data` is a stand-in for it; otherwise `data` is the parsed answer.
 */
export async function answerInSql(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  ctx: RequestContext,
  /** Plans kept for the next request with the same key (`operation`: the operation's hash and name). */
  plans?: { cache: LRUCache<string, SqlPlan>; operation: string },
): Promise<ExecutionResult<Record<string, unknown>> | null> {
  const variablesText = JSON.stringify(variables ?? {});
  const key =
    plans && variablesText.length <= MAX_CACHED_VARIABLES
      ? [plans.operation, ctx.viewer?.role ?? '', ctx.viewer?.organisation ?? '', zoneToday(), variablesText].join('\u0000')
      : null;
  let plan = key ? plans!.cache.get(key) : undefined;
  if (!plan) {
    plan = await planSqlAnswer(schema, document, operationName, variables, ctx);
    if (key && plan.cacheable) plans!.cache.set(key, plan);
  }
  if ('why' in plan) {
    ctx.log.debug({ why: plan.why }, 'no SQL answer');
    return null;
  }
  let rows: { data: string | Buffer }[];
  try {
    const query = ctx.em.getKnex().raw(plan.sql, plan.bindings as Knex.RawBinding[]);
    const name = statementName(plan.sql);
    query.options({ ...(name ? { name } : {}), ...(ctx.rawData ? { binary: true, types: RAW_BYTES } : {}) });
    rows = await readRows<{ data: string | Buffer }>(ctx.em, query);
  } catch (error) {
    if (ctx.em.isInTransaction()) throw error;
    ctx.log.warn({ err: error }, 'the SQL answer failed; the operation runs field by field');
    return null;
  }
  const answer = rows[0]!.data;
  // One stand-in per response: a second answer in the same HTTP request (a batch) is parsed.
  if (ctx.rawData && ctx.rawData.bytes === undefined && Buffer.isBuffer(answer)) {
    ctx.rawData.bytes = answer;
    return { data: { [RAW_DATA_KEY]: true } };
  }
  return { data: JSON.parse(String(answer)) as Record<string, unknown> };
}
