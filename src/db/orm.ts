import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Logger } from 'pino';
import { projectPath } from '../project';
import { entities } from './entities';
import { migrationsList } from './migrations';

/** Where `npm run migration:create` writes new migrations. */
export const MIGRATIONS_SOURCE_DIR = projectPath('src', 'db', 'migrations');

/** MikroORM options for one database URL. */
export function ormOptions(url: string, log?: Logger): Options {
  return defineConfig({
    clientUrl: url,
    entities,
    extensions: [Migrator],
    migrations: {
      migrationsList,
      // Generated migrations go to the source tree whether we run from src (jest) or dist.
      path: MIGRATIONS_SOURCE_DIR,
      pathTs: MIGRATIONS_SOURCE_DIR,
      emit: 'ts',
      transactional: true,
      allOrNothing: true,
      // Diff against the migrated database itself, not a snapshot file that could drift from it.
      snapshot: false,
    },
    discovery: { warnWhenNoEntities: false },
    // The whole-zone rollups (migration zone_rollups), kept by triggers, and the idempotency answers (src/idempotency.ts)
    // are PostgreSQL's own: no entity describes them.
    schemaGenerator: { ignoreSchema: ['rollup', 'idempotency'] },
    forceUtcTimezone: true,
    // A field resolver never loads per parent: relations go through DataLoaders or populate.
    autoJoinOneToOneOwner: false,
    pool: { min: 0, max: 10 },
    debug: false,
    logger: (message) => log?.debug({ orm: message }),
    // knex would print pool and connection trouble with console.log; route it to our structured log instead.
    driverOptions: {
      log: {
        warn: (message: unknown) => log?.warn({ knex: message }, 'database driver warning'),
        error: (message: unknown) => log?.error({ knex: message }, 'database driver error'),
        deprecate: () => undefined,
        debug: () => undefined,
      },
    },
    allowGlobalContext: false,
  });
}

/** Opens MikroORM on `url` (the connection is checked) without touching the schema. */
export async function openOrm(url: string, log?: Logger): Promise<MikroORM> {
  return MikroORM.init(ormOptions(url, log));
}

/** Applies pending migrations; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
