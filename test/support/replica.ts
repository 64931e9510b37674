import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { appendFile, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from '../../src/db/embedded-postgres';

/** The machine's Redis: a cluster of the kit never takes its port. */
const REDIS_PORT = [6379];

/**
 * A PostgreSQL primary with a streaming replica of its own, for the read-replica tests (test/replicas.test.ts): the
 * machine's PostgreSQL 15 server binaries (initdb, pg_ctl, pg_basebackup), clusters in a temporary folder, on free
 * ports (never 5432), trust on 127.0.0.1. As root the binaries run as the OS user `postgres` (PostgreSQL refuses root).
 */

const run = promisify(execFile);

/** Where the binaries are: PG_BIN, else Debian's PostgreSQL 15. */
export const PG_BIN = process.env['PG_BIN'] ?? '/usr/lib/postgresql/15/bin';
const NEEDED = ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'];
const PREFIX = 'innozone-replica-';
const OWNER_FILE = 'owner.pid';

/** Why the replica tests cannot run here (null: they can). */
export function replicaKitMissing(): string | null {
  const missing = NEEDED.filter((b) => !existsSync(path.join(PG_BIN, b)));
  if (missing.length) return `PostgreSQL server binaries not found in ${PG_BIN} (${missing.join(', ')}): set PG_BIN or install postgresql-15`;
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root, and there is no OS user postgres to run PostgreSQL as';
    }
  }
  return null;
}

const asRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as `postgres` when we are root. */
async function pg(binary: string, args: string[]): Promise<string> {
  const file = path.join(PG_BIN, binary);
  const [cmd, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    const { stdout } = await run(cmd, argv, { env: { ...process.env, LC_ALL: 'C' }, timeout: 60_000 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`${binary} ${args.join(' ')} failed: ${e.stderr || e.message}`);
  }
}


const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Stops and removes the pairs of test processes that died before their teardown. */
function sweepOrphans(): void {
  for (const name of readdirSync(os.tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(os.tmpdir(), name);
    let owner = 0;
    try {
      owner = Number(readFileSync(path.join(dir, OWNER_FILE), 'utf8'));
    } catch {
      continue; // still being made, or not ours
    }
    if (owner && alive(owner)) continue;
    stopSync(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Stops both clusters of a pair at once (no waiting on clients), synchronously: also from an exit handler. */
function stopSync(dir: string): void {
  for (const cluster of ['standby', 'primary']) {
    const data = path.join(dir, cluster);
    if (!existsSync(path.join(data, 'postmaster.pid'))) continue;
    const file = path.join(PG_BIN, 'pg_ctl');
    const args = ['stop', '-D', data, '-m', 'immediate', '-w'];
    try {
      if (asRoot()) execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'ignore' });
      else execFileSync(file, args, { stdio: 'ignore' });
    } catch {
      // already stopped
    }
  }
}

export interface ReplicaPair {
  /** The primary's database `innozone`, as the superuser postgres. */
  primaryUrl: string;
  /** The same database on the streaming replica. */
  replicaUrl: string;
  /** A URL on a port nothing listens on: a replica out of reach. */
  deadUrl: string;
  /** Holds WAL replay on the replica (it keeps receiving, but shows nothing new) until `resumeReplay`. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Stops the replica at once, as a crash would. */
  stopReplica(): Promise<void>;
  /** Starts it again and waits until it streams. */
  startReplica(): Promise<void>;
  stop(): Promise<void>;
}

const urlOf = (port: number, database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Starts a primary (wal_level replica) with database `innozone`, takes a base backup of it for the standby
 * (`pg_basebackup -R`), starts that, and waits until the primary sees it streaming. One per test file: two clusters
 * take a few seconds.
 */
export async function startReplicaPair(): Promise<ReplicaPair> {
  sweepOrphans();
  const dir = await mkdtemp(path.join(os.tmpdir(), PREFIX));
  const primary = path.join(dir, 'primary');
  const standby = path.join(dir, 'standby');
  const [primaryPort, replicaPort, deadPort] = [await freePort(REDIS_PORT), await freePort(REDIS_PORT), await freePort(REDIS_PORT)];
  if (asRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    await chown(dir, uid, gid);
  }
  await writeFile(path.join(dir, OWNER_FILE), String(process.pid));
  // Whatever happens to this process, no cluster outlives it (jest may exit without afterAll on a crash).
  const onExit = () => stopSync(dir);
  process.once('exit', onExit);
  const stop = async () => {
    process.removeListener('exit', onExit);
    stopSync(dir);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await pg('initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await appendFile(
      path.join(primary, 'postgresql.conf'),
      [
        `port = ${primaryPort}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        'wal_level = replica',
        'max_wal_senders = 4',
        'hot_standby = on',
        'fsync = off',
        'max_connections = 60',
        "shared_buffers = '32MB'",
        '',
      ].join('\n'),
    );
    await appendFile(path.join(primary, 'pg_hba.conf'), 'host replication all 127.0.0.1/32 trust\n');
    await pg('pg_ctl', ['start', '-D', primary, '-l', path.join(dir, 'primary.log'), '-w', '-t', '60']);
    await query(urlOf(primaryPort, 'postgres'), "create database innozone encoding 'UTF8' template template0");
    await pg('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', standby, '-R', '-X', 'stream', '-c', 'fast']);
    const startStandby = async () => {
      await pg('pg_ctl', ['start', '-D', standby, '-l', path.join(dir, 'standby.log'), '-w', '-t', '60', '-o', `-p ${replicaPort}`]);
      // Streaming: the primary sees its WAL sender in that state.
      for (let i = 0; ; i++) {
        const rows = await query<{ state: string }>(urlOf(primaryPort, 'postgres'), 'select state from pg_stat_replication');
        if (rows.some((r) => r.state === 'streaming')) return;
        if (i > 300) throw new Error(`the replica did not start streaming: ${readFileSync(path.join(dir, 'standby.log'), 'utf8').slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await startStandby();
    const replicaUrl = urlOf(replicaPort, 'innozone');
    return {
      primaryUrl: urlOf(primaryPort, 'innozone'),
      replicaUrl,
      deadUrl: urlOf(deadPort, 'innozone'),
      pauseReplay: async () => void (await query(replicaUrl, 'select pg_wal_replay_pause()')),
      resumeReplay: async () => void (await query(replicaUrl, 'select pg_wal_replay_resume()')),
      stopReplica: async () => void (await pg('pg_ctl', ['stop', '-D', standby, '-m', 'immediate', '-w'])),
      startReplica: startStandby,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
