import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { loadConfig } from '../config';
import { createDatabaseIfMissing } from '../db/database';
import { startEmbeddedPostgres } from '../db/embedded-postgres';
import { migrate, openOrm } from '../db/orm';
import { withoutDatabase } from './run';

/**
 * `npm run migration:create [-- --name add-enterprise] [--blank]`: MikroORM generates a migration from the
 * difference between the entities and a scratch database with every existing migration applied.
 */
void withoutDatabase(async () => {
  const { values } = parseArgs({ options: { name: { type: 'string' }, blank: { type: 'boolean' } } });
  const config = loadConfig();
  const scratchDir = 'url' in config.database ? undefined : await mkdtemp(path.join(os.tmpdir(), 'innozone-mig-'));
  const cluster = scratchDir ? await startEmbeddedPostgres({ dataDir: scratchDir, port: 0 }) : undefined;
  const adminUrl = cluster?.adminUrl ?? (config.database as { url: string }).url;
  const scratch = `innozone_migration_${process.pid}`;
  const scratchUrl = new URL(adminUrl);
  scratchUrl.pathname = `/${scratch}`;
  try {
    await createDatabaseIfMissing(adminUrl, scratch);
    const orm = await openOrm(scratchUrl.toString());
    try {
      await migrate(orm);
      const result = await orm.getMigrator().createMigration(undefined, values.blank ?? false, false, values.name);
      if (!result.fileName) {
        process.stdout.write('No changes: the entities match the migrations.\n');
      } else {
        process.stdout.write(`wrote src/db/migrations/${result.fileName}\n`);
      }
    } finally {
      await orm.close(true);
    }
  } finally {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${admin.escapeIdentifier(scratch)}`);
    await admin.end();
    await cluster?.stop();
    if (scratchDir) await rm(scratchDir, { recursive: true, force: true });
  }
});
