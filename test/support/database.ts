import { createDatabaseIfMissing } from '../../src/db/database';

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
