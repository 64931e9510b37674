import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Logger } from 'pino';
import { projectPath } from '../project';
import { entities } from './entities';
import { migrationsList } from './migrations';
import { attachReplicaRouter, ReplicaRouter, type ReplicaSettings } from './replicas';

/** Where `npm run migration:create` writes new migrations. */
export const MIGRATIONS_SOURCE_DIR = projectPath('src', 'db', 'migrations');

/** MikroORM options for one database URL (and its read replicas, src/db/replicas.ts). */
export function ormOptions(url: string, log?: Logger, replicas?: ReplicaSettings): Options {
  /** Where the driver's own messages go, naming the replica they concern (none: the primary). */
  const driverLog = (replica?: number) => ({
    warn: (message: unknown) => log?.warn({ knex: message, ...(replica ? { replica } : {}) }, 'database driver warning'),
    error: (message: unknown) => log?.error({ knex: message, ...(replica ? { replica } : {}) }, 'database driver error'),
    deprecate: () => undefined,
    debug: () => undefined,
  });
  return defineConfig({
    clientUrl: url,
    // Each replica gets a pool of its own; a replica out of reach is given up on within seconds (knex waits a minute
    // for a connection by default), and its reads go to the primary.
    replicas: (replicas?.urls ?? []).map((clientUrl, i) => ({
      name: `replica ${i + 1}`,
      clientUrl,
      driverOptions: { log: driverLog(i + 1), acquireConnectionTimeout: REPLICA_CONNECT_TIMEOUT_MS, connection: { connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS } },
    })),
    // MikroORM would send every read outside a transaction to a replica, sessions and token checks included: only the
    // read path of queries that tolerate lag goes there, through src/db/replicas.ts.
    preferReadReplicas: false,
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
    driverOptions: { log: driverLog() },
    allowGlobalContext: false,
  });
}

/** Milliseconds to connect to a replica before its reads go to the primary. */
const REPLICA_CONNECT_TIMEOUT_MS = 2_000;

/**
 * Opens MikroORM on `url` (the connection is checked) without touching the schema; with `replicas`, also their pools
 * and the router that watches them (src/db/replicas.ts), stopped when the ORM closes. A replica out of reach does not
 * stop the start: its reads go to the primary until it answers.
 */
export async function openOrm(url: string, log?: Logger, replicas?: ReplicaSettings): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(url, log, replicas));
  if (replicas?.urls.length) {
    const router = new ReplicaRouter(orm, replicas, log);
    attachReplicaRouter(orm, router);
    await router.start();
    const close = orm.close.bind(orm);
    orm.close = async (force?: boolean) => {
      await router.stop();
      return close(force);
    };
  }
  return orm;
}

/** Applies pending migrations; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
