import { Client } from 'pg';
import { createDatabaseIfMissing } from '../../src/db/database';
import { isAlive } from '../../src/db/embedded-postgres';

export const TEST_ENV = { adminUrl: 'INNOZONE_TEST_ADMIN_URL', prefix: 'INNOZONE_TEST_DB_PREFIX' } as const;

/** `adminUrl` with its database replaced by `database`. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with jest (its global setup sets it).`);
  return value;
}

/** The admin connection of the test server (embedded or DATABASE_URL). */
export function testAdminUrl(): string {
  return required(TEST_ENV.adminUrl);
}

/**
 * This jest worker's own database, cloned from the migrated template on first use; `suffix` gives a test file a
 * further database of its own when it must not share.
 */
export async function workerDatabaseUrl(suffix = ''): Promise<string> {
  const prefix = required(TEST_ENV.prefix);
  const name = `${prefix}_w${process.env['JEST_WORKER_ID'] ?? '1'}${suffix ? `_${suffix}` : ''}`;
  const adminUrl = testAdminUrl();
  await createDatabaseIfMissing(adminUrl, name, `${prefix}_template`);
  return databaseUrl(adminUrl, name);
}

/** A test run's databases are named `innozone_test_<start time, base 36>_<pid of its jest>` (global-setup.ts). */
export const testRunPrefix = (startedAt: number, pid: number): string => `innozone_test_${startedAt.toString(36)}_${pid}`;

const RUN_NAME = /^innozone_test_([0-9a-z]+)_(\d+)(_|$)/;

/**
 * Drops the databases of test runs that ended without their teardown (killed, or timed out under a mutation run):
 * those whose jest process is gone and that are over an hour old, or any over a day old (a run on another machine
 * sharing the server, whose process this machine cannot see, never lasts that long). Returns what it dropped.
 */
export async function sweepAbandonedDatabases(adminUrl: string, now: number = Date.now()): Promise<string[]> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  const dropped: string[] = [];
  try {
    const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like 'innozone\\_test\\_%'");
    for (const { datname } of rows) {
      const m = RUN_NAME.exec(datname);
      if (!m) continue;
      const age = now - parseInt(m[1]!, 36);
      if (age > 24 * 3_600_000 || (age > 3_600_000 && !isAlive(Number(m[2])))) {
        await client.query(`drop database if exists ${client.escapeIdentifier(datname)} with (force)`);
        dropped.push(datname);
      }
    }
  } finally {
    await client.end();
  }
  return dropped;
}
