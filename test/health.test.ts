import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDatabaseIfMissing } from '../src/db/database';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/db/embedded-postgres';
import { TestApp } from './support/app';

/** innozone on a cluster of the describe's own, so stopping its database disturbs no other test. */
function onOwnCluster(): { app: () => TestApp; cluster: () => EmbeddedPostgres } {
  let dir: string;
  let cluster: EmbeddedPostgres;
  let app: TestApp;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'innozone-ready-'));
    cluster = await startEmbeddedPostgres({ dataDir: dir, port: 0 });
    await createDatabaseIfMissing(cluster.adminUrl, 'innozone');
    app = await TestApp.start({ databaseUrl: cluster.urlFor('innozone') });
  });
  afterAll(async () => {
    await app.close();
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
  });
  return { app: () => app, cluster: () => cluster };
}

const get = async (app: TestApp, route: string) => {
  const res = await fetch(`${app.url}${route}`);
  return { status: res.status, body: await res.json(), requestId: res.headers.get('x-request-id') };
};
const REQUEST_ID = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

describe('health and readiness', () => {
  const { app } = onOwnCluster();

  it('answers /healthz and /readyz while the database is up, with a request id', async () => {
    expect(await get(app(), '/healthz')).toEqual({ status: 200, body: { status: 'ok' }, requestId: REQUEST_ID });
    expect(await get(app(), '/readyz')).toEqual({ status: 200, body: { status: 'ready', database: 'ok' }, requestId: REQUEST_ID });
  });

  it('keeps a request id the caller sends', async () => {
    const res = await fetch(`${app().url}/healthz`, { headers: { 'x-request-id': 'bank-7f3a.42' } });
    expect(res.headers.get('x-request-id')).toBe('bank-7f3a.42');
  });
});

describe('readiness without a database', () => {
  const { app, cluster } = onOwnCluster();

  it('answers /readyz 503 with a short JSON body once the database is stopped, /healthz still 200', async () => {
    await cluster().stop();
    expect(await get(app(), '/readyz')).toEqual({
      status: 503,
      body: { status: 'unavailable', database: 'unreachable' },
      requestId: REQUEST_ID,
    });
    expect(await get(app(), '/healthz')).toEqual({ status: 200, body: { status: 'ok' }, requestId: REQUEST_ID });
  });
});
