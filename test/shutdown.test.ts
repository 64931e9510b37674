import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Query, Resolver } from 'type-graphql';
import { workerDatabaseUrl } from './support/database';
import { TestApp } from './support/app';
import { until } from './support/turns';
import { freePort, InnozoneProcess, postgresProcessesFor } from './support/process';

const viewerQuery = async (port: number) => {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ viewer { role } }' }),
  });
  return { status: res.status, body: await res.json() };
};

describe('npm start on the embedded PostgreSQL', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'innozone-start-'));
  });
  afterEach(async () => {
    // Never leave a process behind, even when a test failed half-way.
    await InnozoneProcess.killAll();
    for (const pid of postgresProcessesFor(dataDir)) process.kill(pid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('serves GraphQL, and on %s stops everything and exits 0', async (signal) => {
    const port = await freePort();
    const app = new InnozoneProcess({ INNOZONE_DATA_DIR: dataDir, PORT: String(port) });
    const ready = await app.waitFor('innozone is ready');
    expect(ready['url']).toBe(`http://localhost:${port}/graphql`);
    expect(await viewerQuery(port)).toEqual({ status: 200, body: { data: { viewer: null } } });
    const embedded = await app.waitFor('embedded PostgreSQL started');
    expect(embedded['port']).not.toBe(5432);
    expect(postgresProcessesFor(dataDir).length).toBeGreaterThan(0);

    app.kill(signal);
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(app.lines.map((l) => l.msg)).toContain('shutting down');
    expect(app.stopSteps).toEqual(['HTTP server stopped', 'jobs stopped', 'events hub stopped', 'ORM stopped', 'embedded PostgreSQL stopped']);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    // The data stays for the next start.
    expect(existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
  });

  it('leaves no postgres behind when start-up fails half-way (HTTP port in use), and exits 1', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '0.0.0.0', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const app = new InnozoneProcess({ INNOZONE_DATA_DIR: dataDir, PORT: String(port) });
      expect(await app.exited).toEqual({ code: 1, signal: null });
      const fatal = app.lines.find((l) => l.msg === 'innozone could not start');
      expect((fatal?.['err'] as { code?: string } | undefined)?.code).toBe('EADDRINUSE');
      expect(app.stopSteps).toEqual(['HTTP server stopped', 'jobs stopped', 'events hub stopped', 'ORM stopped', 'embedded PostgreSQL stopped']);
      expect(postgresProcessesFor(dataDir)).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it('stops a postgres orphaned by a killed innozone on the next start', async () => {
    const first = new InnozoneProcess({ INNOZONE_DATA_DIR: dataDir, PORT: String(await freePort()) });
    await first.waitFor('innozone is ready');
    first.kill('SIGKILL');
    await first.exited;
    const orphans = postgresProcessesFor(dataDir);
    expect(orphans.length).toBeGreaterThan(0);

    const port = await freePort();
    const second = new InnozoneProcess({ INNOZONE_DATA_DIR: dataDir, PORT: String(port) });
    await second.waitFor('innozone is ready');
    expect(second.lines.map((l) => l.msg)).toContain('stopping a PostgreSQL left running by an earlier innozone');
    expect(await viewerQuery(port)).toEqual({ status: 200, body: { data: { viewer: null } } });
    expect(postgresProcessesFor(dataDir).some((pid) => orphans.includes(pid))).toBe(false);
    second.kill('SIGINT');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  });

  it('refuses a bad environment with a clear message, starting nothing', async () => {
    const app = new InnozoneProcess({ INNOZONE_DATA_DIR: dataDir, PORT: 'eighty' });
    expect(await app.exited).toEqual({ code: 78, signal: null });
    expect(app.stderr.join('')).toBe(
      'innozone cannot start, the environment is invalid:\n' +
        '  - PORT="eighty": must be a port number (the HTTP port GraphQL is served on)\n',
    );
    expect(existsSync(path.join(dataDir, 'pg'))).toBe(false);
  });
});

describe('npm start with DATABASE_URL', () => {
  it('uses that server and starts no embedded PostgreSQL', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'innozone-url-'));
    const port = await freePort();
    const app = new InnozoneProcess({
      INNOZONE_DATA_DIR: dataDir,
      PORT: String(port),
      DATABASE_URL: await workerDatabaseUrl('url'),
    });
    await app.waitFor('innozone is ready');
    expect(await viewerQuery(port)).toEqual({ status: 200, body: { data: { viewer: null } } });
    app.kill('SIGINT');
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(path.join(dataDir, 'pg'))).toBe(false);
    expect(app.stopSteps).toEqual(['HTTP server stopped', 'jobs stopped', 'events hub stopped', 'ORM stopped']);
    await rm(dataDir, { recursive: true, force: true });
  });
});

/** A test-only field that takes a while, standing for any slow operation under way at shutdown. */
let releaseSlow: () => void = () => undefined;
let slowReached: () => void = () => undefined;
@Resolver()
class SlowResolver {
  @Query(() => String)
  async slow(): Promise<string> {
    slowReached();
    await new Promise<void>((resolve) => (releaseSlow = resolve));
    return 'finished';
  }
}

describe('graceful shutdown', () => {
  it('lets an in-flight request finish, then refuses new connections', async () => {
    const app = await TestApp.start({ extraResolvers: [SlowResolver] });
    const reached = new Promise<void>((resolve) => (slowReached = resolve));
    const inFlight = app.http('{ slow }', {});
    await reached; // the request is in the resolver
    let stopped = false;
    const stopping = app.server.stop().then(() => (stopped = true));
    // The listener closes at once: a new connection is refused while the request in flight goes on.
    await until(() => !app.server.httpServer.listening, 'the listener closed');
    await expect(fetch(`${app.url}/healthz`)).rejects.toThrow();
    expect(stopped).toBe(false); // still waiting for the request
    releaseSlow();
    expect(await inFlight).toEqual({ status: 200, data: { slow: 'finished' } });
    await stopping;
    await expect(fetch(`${app.url}/healthz`)).rejects.toThrow();
    await app.orm.close(true);
  });
});
