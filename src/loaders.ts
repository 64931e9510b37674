import type { EntityClass, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { BaseEntity } from './common/base.entity';

type ForeignKeyOf<T> = { [K in keyof T]: T[K] extends { id: string } | null ? K : never }[keyof T] & string;

/**
 * The request's DataLoaders, created with its context so nothing is cached across requests or viewers.
 * Field resolvers go through these: one query per relation per request, never one per parent.
 */
export class Loaders {
  private readonly cache = new Map<string, DataLoader<unknown, unknown>>();

  constructor(readonly em: EntityManager) {}

  /** Loads records of `entity` by primary key (null when missing). */
  byId<T extends BaseEntity>(entity: EntityClass<T>): DataLoader<string, T | null> {
    return this.memo(`byId:${entity.name}`, () =>
      new DataLoader<string, T | null>(async (ids) => {
        const rows = await this.em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>);
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
    orderBy: QueryOrderMap<T> = { createdAt: 'asc', id: 'asc' } as QueryOrderMap<T>,
  ): DataLoader<string, T[]> {
    return this.memo(`manyBy:${entity.name}.${foreignKey}`, () =>
      new DataLoader<string, T[]>(async (ids) => {
        const rows = await this.em.find(entity, { [foreignKey]: { $in: [...ids] } } as unknown as FilterQuery<T>, { orderBy });
        const grouped = new Map<string, T[]>(ids.map((id) => [id, []]));
        for (const row of rows) {
          const ref = row[foreignKey as keyof T] as unknown as { id: string } | null;
          if (ref) grouped.get(ref.id)?.push(row);
        }
        return ids.map((id) => grouped.get(id)!);
      }),
    );
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
