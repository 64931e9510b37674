import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDatabaseIfMissing } from '../../src/db/database';
import { startEmbeddedPostgres, sweepOrphanedClusters, type EmbeddedPostgres } from '../../src/db/embedded-postgres';
import { projectPath } from '../../src/project';
import { databaseUrl, sweepAbandonedDatabases, TEST_ENV, testRunPrefix } from './database';

declare global {
  // eslint-disable-next-line no-var
  var __innozoneTestCluster: { cluster: EmbeddedPostgres; dir: string } | undefined;
}

/**
 * One PostgreSQL for the whole run: the embedded one (in a temporary folder), or the server of DATABASE_URL.
 * A template database is migrated once; each jest worker clones it into its own database (test/support/database.ts).
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env['DATABASE_URL'];
  // Clusters of earlier runs killed before their teardown (a mutation run kills a test runner on every timeout)
  // would otherwise run on forever: the suite's own, and those the health and shutdown tests start, whatever
  // server this run uses. Only clusters whose owning process is gone are touched.
  for (const prefix of ['innozone-test-', 'innozone-ready-', 'innozone-start-']) {
    await sweepOrphanedClusters(os.tmpdir(), prefix);
  }
  if (!adminUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'innozone-test-'));
    const cluster = await startEmbeddedPostgres({ dataDir: dir, port: 0 });
    globalThis.__innozoneTestCluster = { cluster, dir };
    adminUrl = cluster.adminUrl;
  } else {
    // A shared server keeps what killed runs left behind (a mutation run kills a test runner on every timeout).
    await sweepAbandonedDatabases(adminUrl);
  }
  const prefix = testRunPrefix(Date.now(), process.pid);
  const template = `${prefix}_template`;
  process.env[TEST_ENV.adminUrl] = adminUrl;
  process.env[TEST_ENV.prefix] = prefix;

  // Build as `npm start` does: process-level tests (shutdown, token CLI) run the built entry points, and the
  // template is migrated by `npm run migrate` in a child process. Loading the entities here instead would leave
  // their MikroORM and type-graphql metadata on this realm's globalThis, which jest copies into every test's realm.
  const run = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
    execFileSync(process.execPath, args, { cwd: projectPath(), stdio: ['ignore', 'ignore', 'inherit'], env });
  run([projectPath('node_modules', '@swc', 'cli', 'bin', 'swc.js'), 'src', 'seeds', '-d', 'dist', '-q']);
  await createDatabaseIfMissing(adminUrl, template);
  run([projectPath('dist', 'src', 'cli', 'migrate.js')], {
    ...process.env,
    DATABASE_URL: databaseUrl(adminUrl, template),
    LOG_LEVEL: 'warn',
  });
}
