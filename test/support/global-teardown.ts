import { rm } from 'node:fs/promises';
import { Client } from 'pg';
import { TEST_ENV } from './database';

/** Drops the run's databases and stops the embedded cluster. */
export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env[TEST_ENV.adminUrl];
  const prefix = process.env[TEST_ENV.prefix];
  const embedded = globalThis.__innozoneTestCluster;
  if (adminUrl && prefix && !embedded) {
    // On a shared server, leave nothing behind.
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        'select datname from pg_database where datname like $1',
        [`${prefix}%`],
      );
      for (const { datname } of rows) {
        await client.query(`drop database if exists ${client.escapeIdentifier(datname)} with (force)`);
      }
    } finally {
      await client.end();
    }
  }
  if (embedded) {
    await embedded.cluster.stop();
    await rm(embedded.dir, { recursive: true, force: true });
  }
}
