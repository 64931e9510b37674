import { Client } from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

export const EMBEDDED_DATABASE = 'innozone';

export interface DatabaseTarget {
  /** As the owner: migrations, seeding, operator commands. */
  url: string;
  /** As the role the server runs as (src/db/runtime-role.ts); the owner's `url` when no other is configured. */
  runtimeUrl: string;
  /** The embedded cluster, when we started one (its stop belongs to whoever opened it). */
  embedded?: EmbeddedPostgres;
}

/**
 * The database innozone runs on: DATABASE_URL when set, else the embedded cluster under the data folder with its
 * `innozone` database (created on first start).
 */
export async function openDatabase(
  config: Pick<Config, 'database' | 'dataDir'>,
  log: Logger,
  options: { attach?: boolean; avoidPorts?: readonly number[] } = {},
): Promise<DatabaseTarget> {
  if ('url' in config.database) return { url: config.database.url, runtimeUrl: config.database.runtimeUrl ?? config.database.url };
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.database.embedded.port,
    log,
    attach: options.attach ?? false,
    avoidPorts: options.avoidPorts,
  });
  try {
    await createDatabaseIfMissing(embedded.adminUrl, EMBEDDED_DATABASE);
    return { url: embedded.urlFor(EMBEDDED_DATABASE), runtimeUrl: embedded.runtimeUrlFor(EMBEDDED_DATABASE), embedded };
  } catch (err) {
    await embedded.stop();
    throw err;
  }
}

/** Creates `name` (UTF-8) on the server of `adminUrl` unless it exists; `template` copies a prepared database. */
export async function createDatabaseIfMissing(adminUrl: string, name: string, template = 'template0'): Promise<boolean> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return false;
    const ident = client.escapeIdentifier(name);
    await client.query(`create database ${ident} template ${client.escapeIdentifier(template)} encoding 'UTF8'`);
    return true;
  } finally {
    await client.end();
  }
}
