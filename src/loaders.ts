import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { BaseEntity } from './common/base.entity';
import { readAll, type ReadOrder, readWhereIn } from './db/read-objects';
import { type CustomRead, DEFAULT_ORDER, type EachFollow, isReferenceData, type ManyFollow, type OneFollow, type TextRows } from './db/read-plan';

type ForeignKeyOf<T> = { [K in keyof T]: T[K] extends { id: string } | null ? K : never }[keyof T] & string;

/**
 * The request's DataLoaders, created with its context so nothing is cached across requests or viewers.
 * Field resolvers go through these: one query per relation per request, never one per parent. They answer with
 * read objects (src/db/read-objects.ts), never entities.
 */
export class Loaders {
  private readonly cache = new Map<string, DataLoader<unknown, unknown>>();
  /** Every record the byId and manyBy loaders read in this request, by type and id. */
  private readonly read = new Map<string, object>();
  /**
   * Reference data (src/db/read-plan.ts: small tables the zone maintains, tens of rows at any zone size), each read
   * whole, once, the first time the request needs any of its records, so records asked for at different depths of one
   * answer (a university and a project's institutions) cost one statement, not one per depth.
   */
  private readonly tables = new Map<string, Promise<Map<string, object>>>();
  /** The loader of each declared relation, by the declaration itself (found without building its key each time). */
  private readonly followed = new Map<ManyFollow | OneFollow, DataLoader<string, unknown>>();

  constructor(readonly em: EntityManager) {}

  /** Loads records of `entity` by primary key (null when missing). */
  byId<T extends BaseEntity>(entity: EntityClass<T>): DataLoader<string, T | null> {
    if (isReferenceData(entity.name)) {
      return this.memo(`byId:${entity.name}`, () =>
        new DataLoader<string, T | null>(async (ids) => {
          const byId = await this.table(entity);
          return ids.map((id) => (byId.get(id) as T | undefined) ?? null);
        }),
      );
    }
    return this.memo(`byId:${entity.name}`, () =>
      new DataLoader<string, T | null>(async (ids) => {
        const rows = this.remember(await readWhereIn(this.em, entity, 'id', ids));
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    );
  }

  /** Every record of a reference table (read-plan.ts `isReferenceData`), read whole once per request as `byId` reads it. */
  async all<T extends BaseEntity>(entity: EntityClass<T>): Promise<T[]> {
    if (!isReferenceData(entity.name)) throw new Error(`${entity.name} is not reference data: read it by key`);
    return [...(await this.table(entity)).values()] as T[];
  }

  private table<T extends BaseEntity>(entity: EntityClass<T>): Promise<Map<string, object>> {
    let table = this.tables.get(entity.name);
    if (!table) {
      table = readAll(this.em, entity).then((rows) => new Map(this.remember(rows).map((r) => [r.id, r])));
      this.tables.set(entity.name, table);
    }
    return table;
  }

  /** Loads the records of `entity` with these ids, in their order, leaving out ids that name nothing. */
  async byIds<T extends BaseEntity>(entity: EntityClass<T>, ids: readonly string[]): Promise<T[]> {
    const found = await this.byId(entity).loadMany(ids);
    return found.filter((x): x is T => !!x && !(x instanceof Error));
  }

  /** Loads the records of `entity` whose many-to-one `foreignKey` points at each given id, in `orderBy` order. */
  manyBy<T extends BaseEntity>(
    entity: EntityClass<T>,
    foreignKey: ForeignKeyOf<T>,
    orderBy: { [K in keyof T & string]?: 'asc' | 'desc' } = DEFAULT_ORDER as never,
  ): DataLoader<string, T[]> {
    return this.memo(`manyBy:${entity.name}.${foreignKey}:${JSON.stringify(orderBy)}`, () =>
      new DataLoader<string, T[]>(async (ids) => {
        const rows = this.remember(await readWhereIn(this.em, entity, foreignKey, ids, orderBy as ReadOrder));
        const grouped = new Map<string, T[]>(ids.map((id) => [id, []]));
        for (const row of rows) {
          const ref = row[foreignKey as keyof T] as unknown as { id: string } | null;
          if (ref) grouped.get(ref.id)?.push(row);
        }
        return ids.map((id) => grouped.get(id)!);
      }),
    );
  }

  /** What a declared relation of src/db/read-plan.ts (`many`, `one`, `each`) reads from `parent`. */
  follow<T>(f: ManyFollow, parent: { id: string }): Promise<T[]>;
  follow<T>(f: OneFollow, parent: object): Promise<T | null>;
  follow<T>(f: EachFollow, parent: object): Promise<T[]>;
  follow(f: ManyFollow | OneFollow | EachFollow, parent: object): Promise<unknown> {
    if (f.kind === 'each') return this.byIds(f.entity as EntityClass<BaseEntity>, (parent as Record<string, string[]>)[f.via]!);
    let loader = this.followed.get(f);
    if (!loader) {
      const entity = f.entity as EntityClass<BaseEntity>;
      loader = (f.kind === 'many' ? this.manyBy(entity, f.foreignKey as never, f.orderBy as never) : this.byId(entity)) as DataLoader<string, unknown>;
      this.followed.set(f, loader);
    }
    if (f.kind === 'many') return loader.load((parent as { id: string }).id);
    const ref = (parent as Record<string, { id: string } | null>)[f.via];
    return ref ? loader.load(ref.id) : Promise.resolve(null);
  }

  /**
   * Hands rows read ahead (src/db/read-plan.ts) to the loader that would have read them: for a one-to-many, the
   * children of each of `parentIds` (none: an empty list); for a many-to-one, each record by id (reference data: the
   * whole table); for a module's own read, to the module. A loader that already holds a key keeps what it has.
   */
  prime(f: ManyFollow | OneFollow | EachFollow | CustomRead, parentIds: readonly string[], rows: TextRows): void {
    if (!('kind' in f)) {
      f.prime(this, parentIds as string[], rows);
      return;
    }
    const records = this.remember(rows.objects(f.entity as EntityClass<BaseEntity>));
    if (f.kind === 'many') {
      const loader = this.manyBy(f.entity as EntityClass<BaseEntity>, f.foreignKey as never, f.orderBy as never);
      const grouped = new Map<string, BaseEntity[]>(parentIds.map((id) => [id, []]));
      for (const r of records) {
        const ref = (r as unknown as Record<string, { id: string } | null>)[f.foreignKey];
        if (ref) grouped.get(ref.id)?.push(r);
      }
      for (const [id, children] of grouped) loader.prime(id, children);
    } else if (isReferenceData(f.entity.name)) {
      if (!this.tables.has(f.entity.name)) this.tables.set(f.entity.name, Promise.resolve(new Map(records.map((r) => [r.id, r]))));
    } else {
      const loader = this.byId(f.entity as EntityClass<BaseEntity>);
      for (const r of records) loader.prime(r.id, r);
    }
  }

  /** The record of GraphQL type `type` with this id, when a loader of this request has read it. */
  loaded(type: string, id: string): object | undefined {
    return this.read.get(`${type}:${id}`);
  }

  /** Records read otherwise in this request (a page), so the policy finds what they own without reading again. */
  remember<T extends BaseEntity>(records: T[]): T[] {
    for (const r of records) this.read.set(`${r.constructor.name}:${r.id}`, r);
    return records;
  }

  /** A loader of the caller's own making, built once per request under `key`. */
  custom<K, V>(key: string, build: () => DataLoader<K, V>): DataLoader<K, V> {
    return this.memo(`custom:${key}`, build);
  }

  private memo<K, V>(key: string, build: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.cache.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = build();
      this.cache.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}
