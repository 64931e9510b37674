import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { BaseEntity } from './common/base.entity';
import { readAll, type ReadOrder, readWhereIn } from './db/read-objects';

/**
 * Reference data: small tables the zone maintains (tens of rows, at any zone size). A request reads each whole, once,
 * the first time it needs any of its records, so records asked for at different depths of one answer (a university
 * and a project's institutions) cost one statement, not one per depth.
 */
const REFERENCE_DATA = new Set([
  'Park', 'IndustryCluster', 'Institution', 'Bank', 'BankBranch', 'Insurer', 'Fund', 'RiskCompensationPool', 'Sector', 'Party', 'HandlingUnit',
]);

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

  constructor(readonly em: EntityManager) {}

  /** Loads records of `entity` by primary key (null when missing). */
  byId<T extends BaseEntity>(entity: EntityClass<T>): DataLoader<string, T | null> {
    if (REFERENCE_DATA.has(entity.name)) {
      let table: Promise<Map<string, T>> | undefined;
      return this.memo(`byId:${entity.name}`, () =>
        new DataLoader<string, T | null>(async (ids) => {
          table ??= readAll(this.em, entity).then((rows) => new Map(this.remember(rows).map((r) => [r.id, r])));
          const byId = await table;
          return ids.map((id) => byId.get(id) ?? null);
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

  /** Loads the records of `entity` with these ids, in their order, leaving out ids that name nothing. */
  async byIds<T extends BaseEntity>(entity: EntityClass<T>, ids: readonly string[]): Promise<T[]> {
    const found = await this.byId(entity).loadMany(ids);
    return found.filter((x): x is T => !!x && !(x instanceof Error));
  }

  /** Loads the records of `entity` whose many-to-one `foreignKey` points at each given id, in `orderBy` order. */
  manyBy<T extends BaseEntity>(
    entity: EntityClass<T>,
    foreignKey: ForeignKeyOf<T>,
    orderBy: { [K in keyof T & string]?: 'asc' | 'desc' } = { createdAt: 'asc', id: 'asc' } as never,
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
