import { type EntityClass, type EntityMetadata, type Platform, ReferenceKind } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { types as pgTypes } from 'pg';
import { sqlArray } from '../common/sql';
import { runRead } from './replicas';

/**
 * The read path's objects (STYLE.md: reads do not build entities). A row of an entity's table becomes an object of
 * the entity's class, made with `Object.create(prototype)`: GraphQL's type resolution, the access policy and the
 * entity's getters (`nodeId`, `creditCodeOverride` …) work on it as on an entity. Its values are converted as
 * MikroORM converts them when it hydrates (test/read-objects.test.ts compares the two on every table), and each
 * many-to-one is `{ id }`, which is all a field resolver reads of it. Nothing is registered in the identity map or
 * the unit of work and no Reference or Collection is built.
 *
 * A read object is never flushed: the write path loads its own entities.
 */
interface Shape {
  className: string;
  /** Builds the read object of a row: compiled once per class, so every object gets the same hidden class. */
  build: (row: Record<string, unknown>) => object;
  /**
   * The builder of the same objects from rows given as arrays of PostgreSQL's text output in `columns`' order, each
   * value parsed by its column's parser first (read-ahead, src/db/read-plan.ts): compiled once per column list.
   */
  fromText: (columns: readonly TextColumn[]) => (values: readonly (string | null)[]) => object;
}

/** A column of rows read as text, with the parser the connection applies to its type. */
export interface TextColumn {
  name: string;
  parse: (text: string) => unknown;
}

/** Names with a getter or setter anywhere on `prototype`'s chain. */
function accessorsOf(prototype: object): Set<string> {
  const names = new Set<string>();
  for (let p: object | null = prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(p))) if (d.get || d.set) names.add(name);
  }
  return names;
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * The builder of one class's read objects, as MikroORM's own result mapper and hydrator would convert each column
 * (booleans, timestamps through the platform's date parsing, custom types such as arrays of enums through their
 * type), each many-to-one as `{ id }`. Their prototype sits between the object and the entity's: it shadows the
 * accessors MikroORM puts on entity prototypes for references with plain values, so setting one is a plain write.
 */
function shapeOf(meta: EntityMetadata, platform: Platform): Shape {
  const entityPrototype = (meta.class as unknown as { prototype: object }).prototype;
  const prototype = Object.create(entityPrototype) as object;
  for (const name of accessorsOf(entityPrototype)) {
    if (meta.properties[name as never]) Object.defineProperty(prototype, name, { value: undefined, writable: true, enumerable: false, configurable: true });
  }
  const helpers: Record<string, unknown> = { prototype, parseDate: (v: unknown) => platform.parseDate(v as string) };
  const lines: string[] = [];
  /** The columns the lines read, in order. */
  const read: string[] = [];
  for (const prop of meta.props) {
    const column = prop.fieldNames?.[0];
    if (!column || prop.persist === false || prop.fieldNames.length > 1) continue;
    if (!identifier.test(prop.name)) throw new Error(`${meta.className}.${prop.name}: not a plain property name`);
    read.push(column);
    const value = `r[${JSON.stringify(column)}]`;
    if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
      lines.push(`o.${prop.name} = ${value} == null ? null : { id: ${value} };`);
    } else if (prop.kind !== ReferenceKind.SCALAR) {
      continue;
    } else if (prop.runtimeType === 'boolean') {
      lines.push(`o.${prop.name} = ${value} == null ? ${value} : !!${value};`);
    } else if (prop.runtimeType === 'Date') {
      lines.push(`o.${prop.name} = ${value} == null || ${value} instanceof Date ? ${value} : parseDate(${value});`);
    } else if (prop.customType) {
      const type = prop.customType;
      helpers[`convert_${prop.name}`] = (v: unknown) => type.convertToJSValue(v, platform);
      lines.push(`o.${prop.name} = ${value} == null ? ${value} : convert_${prop.name}(${value});`);
    } else {
      lines.push(`o.${prop.name} = ${value};`);
    }
  }
  const names = Object.keys(helpers);
  const body = `return function build(r) {\n  const o = Object.create(prototype);\n  ${lines.join('\n  ')}\n  return o;\n};`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiled from entity metadata, as MikroORM compiles its own mappers
  const build = new Function(...names, body)(...names.map((n) => helpers[n])) as Shape['build'];

  // The same lines over an array of text values: each column the lines read is parsed once into a local (columns
  // whose parser returns the text as it is are not called), and `r["column"]` reads that local.
  const compiled = new WeakMap<readonly TextColumn[], ReturnType<Shape['fromText']>>();
  const fromText: Shape['fromText'] = (columns) => {
    let fn = compiled.get(columns);
    if (fn) return fn;
    const parsers: Record<string, unknown> = {};
    const locals: string[] = [];
    const index = new Map(columns.map((c, i) => [c.name, i]));
    let body = lines.join('\n  ');
    read.forEach((column, k) => {
      const i = index.get(column);
      const local = `c${k}`;
      if (i === undefined) {
        locals.push(`const ${local} = undefined;`);
      } else if (columns[i]!.parse === TEXT_AS_IS) {
        locals.push(`const ${local} = v[${i}];`);
      } else {
        parsers[`p${k}`] = columns[i]!.parse;
        locals.push(`const ${local} = v[${i}] == null ? null : p${k}(v[${i}]);`);
      }
      body = body.split(`r[${JSON.stringify(column)}]`).join(local);
    });
    const all = { ...helpers, ...parsers };
    const keys = Object.keys(all);
    const source = `return function fromText(v) {\n  ${locals.join('\n  ')}\n  const o = Object.create(prototype);\n  ${body}\n  return o;\n};`;
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiled from entity metadata, as above
    fn = new Function(...keys, source)(...keys.map((n) => all[n])) as ReturnType<Shape['fromText']>;
    compiled.set(columns, fn);
    return fn;
  };
  return { className: meta.className, build, fromText };
}

/**
 * The parser pg gives a type it has none for (text, uuid, enums …): it returns the text as it is, so the compiled
 * builders skip calling it.
 */
const TEXT_AS_IS = pgTypes.getTypeParser(25, 'text');

interface ReadPlan {
  meta: EntityMetadata;
  /** The table, and for a subclass of single-table inheritance its discriminator column and value. */
  table: string;
  discriminator?: { column: string; value: string };
  /** The class of each discriminator value (single-table inheritance), else the one class. */
  shapeOf: (row: Record<string, unknown>) => Shape;
  /** The column naming the class (single-table inheritance), else null. */
  discriminatorColumn: string | null;
}

const plans = new WeakMap<object, Map<string, ReadPlan>>();

function planFor(em: EntityManager, className: string): ReadPlan {
  const metadata = em.getMetadata();
  let byClass = plans.get(metadata);
  if (!byClass) plans.set(metadata, (byClass = new Map()));
  let plan = byClass.get(className);
  if (plan) return plan;
  const meta = metadata.get(className);
  const platform = em.getPlatform();
  const root = meta.root;
  const column = root.discriminatorColumn ? root.properties[root.discriminatorColumn as never]!.fieldNames[0]! : null;
  let pick: ReadPlan['shapeOf'];
  if (column && root.discriminatorMap) {
    const shapes = new Map(Object.entries(root.discriminatorMap).map(([value, name]) => [value, shapeOf(metadata.get(name), platform)]));
    pick = (row) => {
      const shape = shapes.get(String(row[column]));
      if (!shape) throw new Error(`${root.className}: no class for ${column} = ${String(row[column])}`);
      return shape;
    };
  } else {
    const shape = shapeOf(meta, platform);
    pick = () => shape;
  }
  plan = {
    meta,
    table: meta.tableName,
    ...(column && meta.discriminatorValue != null ? { discriminator: { column, value: String(meta.discriminatorValue) } } : {}),
    shapeOf: pick,
    discriminatorColumn: column && root.discriminatorMap ? column : null,
  };
  byClass.set(className, plan);
  return plan;
}

/** The read object of one row of `entity`'s table (its columns as PostgreSQL returned them; others are ignored). */
export function readObject<T>(em: EntityManager, entity: EntityClass<T> | string, row: Record<string, unknown>): T {
  const plan = planFor(em, typeof entity === 'string' ? entity : entity.name);
  return plan.shapeOf(row).build(row) as T;
}

/** Read objects of rows given as arrays of text values in `columns`' order (read-ahead: src/db/read-plan.ts). */
export function readObjectsFromText<T>(
  em: EntityManager,
  entity: EntityClass<T> | string,
  columns: readonly TextColumn[],
  rows: readonly (string | null)[][],
): T[] {
  const plan = planFor(em, typeof entity === 'string' ? entity : entity.name);
  const discriminator = plan.discriminatorColumn ? columns.findIndex((c) => c.name === plan.discriminatorColumn) : -1;
  if (discriminator < 0) {
    const build = plan.shapeOf({}).fromText(columns);
    return rows.map((values) => build(values) as T);
  }
  return rows.map((values) => plan.shapeOf({ [plan.discriminatorColumn!]: values[discriminator] }).fromText(columns)(values) as T);
}

/** Read objects of many rows. */
export function readObjects<T>(em: EntityManager, entity: EntityClass<T> | string, rows: Record<string, unknown>[]): T[] {
  const plan = planFor(em, typeof entity === 'string' ? entity : entity.name);
  return rows.map((row) => plan.shapeOf(row).build(row) as T);
}

/** The column of a property of `entity` (for WHERE and ORDER BY clauses written by hand). */
function columnOf(em: EntityManager, entity: EntityClass<unknown> | string, property: string): string {
  const meta = planFor(em, typeof entity === 'string' ? entity : entity.name).meta;
  const prop = meta.properties[property as never] as { fieldNames?: string[] } | undefined;
  if (!prop?.fieldNames?.[0]) throw new Error(`${meta.className} has no column for ${property}`);
  return prop.fieldNames[0];
}

/**
 * Runs a read statement with its values as bind parameters ($1, $2 …). MikroORM's `em.execute` writes every value
 * into the SQL text instead, so each list of ids made a new statement for PostgreSQL to parse and a long string for
 * both sides to send. Within the request's transaction when it has one, so a read sees the request's own writes;
 * outside one, on the replica the request's reads were given, if any (src/db/replicas.ts).
 */
export async function readRows<T = Record<string, unknown>>(
  em: EntityManager,
  query: string | Knex.QueryBuilder | Knex.Raw,
  bindings: readonly unknown[] = [],
): Promise<T[]> {
  const q = typeof query === 'string' ? em.getKnex().raw(query, bindings as Knex.RawBinding[]) : query;
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (transaction) q.transacting(transaction);
  // A query that tolerates lag reads a replica (src/db/replicas.ts); a transaction's reads are the primary's.
  const result = (await runRead(em, q, async (statement) => (await statement) as unknown)) as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** An order over properties; `pinyin`: Chinese text in the order of its pinyin (ICU's zh collation), ascending. */
export type ReadOrder = Record<string, 'asc' | 'desc' | 'pinyin'>;

/** ` order by "col" asc, …` for an order over properties, or nothing. */
function orderClause(em: EntityManager, entity: EntityClass<unknown> | string, orderBy: ReadOrder): string {
  const keys = Object.entries(orderBy).map(([p, d]) => `"${columnOf(em, entity, p)}"${d === 'pinyin' ? ' collate "zh-x-icu"' : ''} ${d === 'desc' ? 'desc' : 'asc'}`);
  return keys.length ? ` order by ${keys.join(', ')}` : '';
}

/**
 * Read objects of `entity` whose `property` is one of `values`, in `orderBy` order: one statement, the values bound
 * as one array parameter (`= any($1)`), so PostgreSQL sees the same statement for any number of them.
 */
export async function readWhereIn<T>(
  em: EntityManager,
  entity: EntityClass<T> | string,
  property: string,
  values: readonly string[],
  orderBy: ReadOrder = {},
): Promise<T[]> {
  const plan = planFor(em, typeof entity === 'string' ? entity : entity.name);
  const column = columnOf(em, entity, property);
  const columnType = (plan.meta.properties[property as never] as { columnTypes?: string[] } | undefined)?.columnTypes?.[0];
  if (columnType !== 'uuid') throw new Error(`${plan.meta.className}.${property} is not a key (uuid) column`);
  const where = [`"${column}" = any(?::uuid[])`];
  const bindings: unknown[] = [sqlArray(values)];
  if (plan.discriminator) {
    where.push(`"${plan.discriminator.column}" = ?`);
    bindings.push(plan.discriminator.value);
  }
  const sql = `select * from "${plan.table}" where ${where.join(' and ')}${orderClause(em, entity, orderBy)}`;
  return readObjects<T>(em, entity, await readRows(em, sql, bindings));
}

/**
 * Read objects of `entity` in `orderBy` order, every one (reference tables: parks, clusters, institutions …) or
 * those meeting `where`, a condition over the table's columns with `?` bindings.
 */
export async function readAll<T>(
  em: EntityManager,
  entity: EntityClass<T> | string,
  orderBy: ReadOrder = {},
  where?: { sql: string; bindings: unknown[] },
): Promise<T[]> {
  const plan = planFor(em, typeof entity === 'string' ? entity : entity.name);
  const conditions = [...(plan.discriminator ? [`"${plan.discriminator.column}" = ?`] : []), ...(where ? [`(${where.sql})`] : [])];
  const bindings = [...(plan.discriminator ? [plan.discriminator.value] : []), ...(where?.bindings ?? [])];
  const sql = `select * from "${plan.table}"${conditions.length ? ` where ${conditions.join(' and ')}` : ''}${orderClause(em, entity, orderBy)}`;
  return readObjects<T>(em, entity, await readRows(em, sql, bindings));
}
