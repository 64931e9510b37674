import { type EntityClass, type EntityMetadata, type Platform, ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlArray } from '../common/sql';

/**
 * The read path's objects (STYLE.md: reads do not build entities). A row of an entity's table becomes an object of
 * the entity's class, made with `Object.create(prototype)`: GraphQL's type resolution, the access policy and the
 * entity's getters (`nodeId`, `creditCodeOverride` …) work on it as on an entity. Its values are MikroORM's own
 * compiled result mapping (property names, dates as the entity has them), and each many-to-one is `{ id }`, which
 * is all a field resolver reads of it. Nothing is registered in the identity map or the unit of work and no
 * Reference or Collection is built: about a microsecond an object where hydrating an entity cost ~20.
 *
 * A read object is never flushed: the write path loads its own entities.
 */
interface Shape {
  prototype: object;
  className: string;
  references: string[];
  /** Properties MikroORM gives accessors on the prototype (references): set as own values, around the accessor. */
  accessors: Set<string>;
  /** Properties whose PostgreSQL value needs their type's conversion (arrays of enums come back as '{A,B}'). */
  converted: { name: string; convert: (value: unknown) => unknown }[];
}

/** Names with a getter or setter anywhere on `prototype`'s chain. */
function accessorsOf(prototype: object): Set<string> {
  const names = new Set<string>();
  for (let p: object | null = prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(p))) if (d.get || d.set) names.add(name);
  }
  return names;
}

interface ReadPlan {
  meta: EntityMetadata;
  /** The table, and for a subclass of single-table inheritance its discriminator column and value. */
  table: string;
  discriminator?: { column: string; value: string };
  /** The class of each discriminator value (single-table inheritance), else the one class. */
  shapeOf: (row: Record<string, unknown>) => Shape;
}

const plans = new WeakMap<object, Map<string, ReadPlan>>();

function shapeOf(meta: EntityMetadata, platform: Platform): Shape {
  const prototype = (meta.class as unknown as { prototype: object }).prototype;
  return {
    prototype,
    accessors: accessorsOf(prototype),
    // As MikroORM's hydrator converts them: each custom-typed value through its type (Dates are already Dates).
    converted: meta.props
      .filter((p) => p.customType && p.persist !== false && p.kind === ReferenceKind.SCALAR)
      .map((p) => ({ name: p.name, convert: (v: unknown) => (v == null || v instanceof Date ? v : p.customType!.convertToJSValue(v, platform)) })),
    className: meta.className,
    references: meta.props
      .filter((p) => (p.kind === ReferenceKind.MANY_TO_ONE || (p.kind === ReferenceKind.ONE_TO_ONE && p.owner)) && p.persist !== false)
      .map((p) => p.name),
  };
}

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
  };
  byClass.set(className, plan);
  return plan;
}

/** The read object of one row of `entity`'s table (its columns as PostgreSQL returned them). */
export function readObject<T>(em: EntityManager, entity: EntityClass<T> | string, row: Record<string, unknown>): T {
  const plan = planFor(em, typeof entity === 'string' ? entity : entity.name);
  const shape = plan.shapeOf(row);
  const values = em.getComparator().mapResult(shape.className, { ...row }) as Record<string, unknown>;
  for (const { name, convert } of shape.converted) values[name] = convert(values[name]);
  for (const name of shape.references) {
    const id = values[name];
    values[name] = id == null ? null : { id };
  }
  const object = Object.create(shape.prototype) as Record<string, unknown>;
  for (const name in values) {
    if (shape.accessors.has(name)) Object.defineProperty(object, name, { value: values[name], writable: true, enumerable: true, configurable: true });
    else object[name] = values[name];
  }
  return object as T;
}

/** Read objects of many rows. */
export function readObjects<T>(em: EntityManager, entity: EntityClass<T> | string, rows: Record<string, unknown>[]): T[] {
  return rows.map((row) => readObject(em, entity, row));
}

/** The column of a property of `entity` (for WHERE and ORDER BY clauses written by hand). */
export function columnOf(em: EntityManager, entity: EntityClass<unknown> | string, property: string): string {
  const meta = planFor(em, typeof entity === 'string' ? entity : entity.name).meta;
  const prop = meta.properties[property as never] as { fieldNames?: string[] } | undefined;
  if (!prop?.fieldNames?.[0]) throw new Error(`${meta.className} has no column for ${property}`);
  return prop.fieldNames[0];
}

export type ReadOrder = Record<string, 'asc' | 'desc'>;

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
  const order = Object.entries(orderBy).map(([p, d]) => `"${columnOf(em, entity, p)}" ${d === 'desc' ? 'desc' : 'asc'}`);
  const sql = `select * from "${plan.table}" where ${where.join(' and ')}${order.length ? ` order by ${order.join(', ')}` : ''}`;
  return readObjects<T>(em, entity, await em.execute(sql, bindings));
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
  const order = Object.entries(orderBy).map(([p, d]) => `"${columnOf(em, entity, p)}" ${d === 'desc' ? 'desc' : 'asc'}`);
  const conditions = [...(plan.discriminator ? [`"${plan.discriminator.column}" = ?`] : []), ...(where ? [`(${where.sql})`] : [])];
  const bindings = [...(plan.discriminator ? [plan.discriminator.value] : []), ...(where?.bindings ?? [])];
  const sql = `select * from "${plan.table}"${conditions.length ? ` where ${conditions.join(' and ')}` : ''}${order.length ? ` order by ${order.join(', ')}` : ''}`;
  return readObjects<T>(em, entity, await em.execute(sql, bindings));
}
