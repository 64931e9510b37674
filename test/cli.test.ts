import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createDatabaseIfMissing } from '../src/db/database';
import { projectPath } from '../src/project';
import { databaseUrl, testAdminUrl, testRunPrefix } from './support/database';
import { freePort, InnozoneProcess, postgresProcessesFor } from './support/process';

/**
 * Smoke tests of `npm run migrate`, `npm run seed` and `npm run migration:create`, each run as npm runs it (the built
 * script in its own node process) against a database of its own. `token`, `audit:verify`, `schema`, `codegen`,
 * `bench` and `mutation` have theirs beside the features they serve.
 */
const run = (script: string, args: string[], url: string) => runWith(script, args, { DATABASE_URL: url });

/** The script with the suite's environment, less its DATABASE_URL, plus `env`. */
const runWith = (script: string, args: string[], env: Record<string, string>) => {
  const { DATABASE_URL: _suiteDatabase, ...inherited } = process.env;
  return promisify(execFile)(process.execPath, [projectPath('dist', 'src', 'cli', `${script}.js`), ...args], {
    env: { ...inherited, LOG_LEVEL: 'info', NODE_ENV: 'production', ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  );
};

/** The `msg` of each JSON log line a command printed. */
const messages = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => (JSON.parse(line) as { msg: string }).msg);

describe('the command-line scripts', () => {
  const admin = new Client({ connectionString: testAdminUrl() });
  const created: string[] = [];
  /** An empty database of this file's own (no template: nothing migrated). */
  const emptyDatabase = async (suffix: string) => {
    const name = `${testRunPrefix(Date.now(), process.pid)}_cli_${suffix}`;
    await createDatabaseIfMissing(testAdminUrl(), name);
    created.push(name);
    return databaseUrl(testAdminUrl(), name);
  };
  const count = async (url: string, table: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${client.escapeIdentifier(table)}`);
      return Number(rows[0]!.n);
    } finally {
      await client.end();
    }
  };
  beforeAll(() => admin.connect());
  afterAll(async () => {
    for (const name of created) await admin.query(`drop database if exists ${admin.escapeIdentifier(name)} with (force)`);
    await admin.end();
  });

  it('npm run migrate applies every migration to an empty database, then finds nothing to do', async () => {
    const url = await emptyDatabase('migrate');
    const first = await run('migrate', [], url);
    expect(first.code).toBe(0);
    expect(messages(first.stdout)).toEqual([expect.stringMatching(/^applied \d+ migration\(s\)$/)]);
    const second = await run('migrate', [], url);
    expect({ code: second.code, messages: messages(second.stdout) }).toEqual({ code: 0, messages: ['the database is up to date'] });
  });

  it('npm run seed loads the demo zone into an empty database once, and a synthetic zone only with --reset', async () => {
    const url = await emptyDatabase('seed');
    const demo = await run('seed', [], url);
    expect(demo.code).toBe(0);
    expect(messages(demo.stdout)).toContain('demo zone loaded');
    expect(await count(url, 'enterprise')).toBe(200);

    // A registry that holds enterprises is not overwritten by accident.
    const refused = await run('seed', ['--synthetic', '25'], url);
    expect({ code: refused.code, messages: messages(refused.stdout) }).toEqual({
      code: 1,
      messages: ['The registry holds 200 enterprises; add --reset to replace them with a synthetic zone.'],
    });
    expect(await count(url, 'enterprise')).toBe(200);

    const synthetic = await run('seed', ['--synthetic', '25', '--reset'], url);
    expect(synthetic.code).toBe(0);
    expect(messages(synthetic.stdout)).toEqual(['registry emptied', 'synthetic zone loaded']);
    expect(await count(url, 'enterprise')).toBe(25);
    // The CPPCC registers emptied with the registry are loaded again, the committee whole.
    expect(await count(url, 'cppcc_member')).toBe(550);
    expect(await count(url, 'proposal')).toBeGreaterThan(0);
  });

  it('npm run seed gives the same synthetic zone for the same size and seed', async () => {
    const [a, b] = [await emptyDatabase('seed_a'), await emptyDatabase('seed_b')];
    expect((await run('seed', ['--synthetic', '40', '--seed', '7'], a)).code).toBe(0);
    expect((await run('seed', ['--synthetic', '40', '--seed', '7'], b)).code).toBe(0);
    const tables = ['enterprise', 'financing_instrument', 'instrument_holder', 'research_project', 'project_participant', 'patent'];
    const counts = async (url: string) => Promise.all(tables.map((t) => count(url, t)));
    const [ca, cb] = [await counts(a), await counts(b)];
    expect(ca[0]).toBe(40);
    expect(ca).toEqual(cb);
  });

  it('npm run seed refuses bad options with its usage and exit code 2', async () => {
    const url = await emptyDatabase('seed_bad');
    const bad = await run('seed', ['--synthetic', 'many'], url);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^--synthetic takes a whole number from 5 to 1000000 and --seed a whole number\.\nusage: npm run seed/);
    // Fewer than the five named enterprises the demo CPPCC cites.
    expect((await run('seed', ['--synthetic', '4'], url)).code).toBe(2);
    // A day before the generated data, or no day at all.
    const early = await run('seed', ['--as-of', '2025-10-31'], url);
    expect({ code: early.code, first: early.stderr.split('\n')[0] }).toEqual({
      code: 2,
      first: "--as-of: as of 2025-10-31: the generated zone's data run to 2025-11-01; choose that day or a later one.",
    });
    expect((await run('seed', ['--as-of', 'tomorrow'], url)).code).toBe(2);
  });

  it('npm run seed -- --as-of loads the demo as of that day: its newest checks are days old then', async () => {
    const url = await emptyDatabase('seed_as_of');
    const loaded = await run('seed', ['--as-of', '2030-03-15'], url);
    expect(loaded.code).toBe(0);
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ newest: string; latest_year: number }>(
        `select (select max(checked_on)::text from dishonest_debtor_check) as newest,
                (select max(fiscal_year) from fiscal_year_financials) as latest_year`,
      );
      // 2025-11-01 plus the 226 whole weeks to 2030-03-15: 2030-03-09; the checks ran to 2025-10-31 or so.
      expect(rows[0]!.newest > '2030-02-28' && rows[0]!.newest <= '2030-03-09').toBe(true);
      // The figures are of the years closed when the data were drawn (to 2024), moved by four years: 2028, which a
      // three-year criterion may read on that day (the latest it reads is 2029's or 2028's).
      expect(rows[0]!.latest_year).toBe(2028);
    } finally {
      await client.end();
    }
  });

  it('npm run migration:create finds the entities and the migrations in agreement', async () => {
    const result = await run('migration-create', [], testAdminUrl());
    // When they disagree the command writes a migration; it is the test's to report, not to leave in src.
    const written = /^wrote (src\/db\/migrations\/\S+)$/m.exec(result.stdout)?.[1];
    if (written) await rm(projectPath(written), { force: true });
    expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 0, stdout: 'No changes: the entities match the migrations.\n' });
  });
});

describe('npm run audit:verify beside a running server on the embedded PostgreSQL', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'innozone-verify-'));
  });
  afterEach(async () => {
    await InnozoneProcess.killAll();
    for (const pid of postgresProcessesFor(dataDir)) process.kill(pid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('walks 150 events in number order, names the 120th when it is changed, and leaves the server running', async () => {
    const port = await freePort();
    const server = new InnozoneProcess({ INNOZONE_DATA_DIR: dataDir, PORT: String(port) });
    await server.waitFor('innozone is ready');
    const pgPort = (await server.waitFor('embedded PostgreSQL started'))['port'] as number;
    const password = (await readFile(path.join(dataDir, 'pg-password'), 'utf8')).trim();
    const sql = new Client({ connectionString: `postgres://innozone:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/innozone` });
    await sql.connect();
    try {
      // 150 events in one statement: the trigger numbers and chains them one by one, as it does for the server's.
      await sql.query(
        `insert into audit_event (actor_role, actor_org, operation, outcome, prev_hash, hash)
         select 'ZONE_ADMIN', null, 'createEnterprise', 'DONE', '', '' from generate_series(1, 150)`,
      );
      const seqs = (await sql.query<{ seq: string; hash: string }>('select seq::text, hash from audit_event order by audit_event.seq')).rows;
      expect(seqs.length).toBe(150);
      const verify = () => runWith('audit-verify', [], { INNOZONE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });

      expect(await verify()).toEqual({
        code: 0,
        stdout:
          `audit chain intact: 150 events, head ${seqs[149]!.hash}\n` +
          'Keep the head hash somewhere else (a daily note, a ticket): a chain rewritten from some event on is only\n' +
          'evident against a head recorded before.\n',
        stderr: '',
      });

      // The 120th event changed by hand (as a superuser can, with the triggers off): named exactly, by its number.
      const tampered = seqs[119]!.seq;
      await sql.query('alter table audit_event disable trigger audit_event_append_only');
      await sql.query("update audit_event set outcome = 'DENIED' where seq = $1", [tampered]);
      await sql.query('alter table audit_event enable trigger audit_event_append_only');
      expect(await verify()).toEqual({
        code: 1,
        stdout: `audit chain broken at event ${tampered}: its fields do not match its hash (120 events read)\n`,
        stderr: '',
      });

      // The command used the server's cluster and left it running.
      const answer = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ viewer { role } }' }),
      });
      expect({ status: answer.status, body: await answer.json() }).toEqual({ status: 200, body: { data: { viewer: null } } });
    } finally {
      await sql.end();
    }
    server.kill('SIGINT');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  });
});

describe('npm run build beside running processes', () => {
  it('never leaves dist/ missing: the build goes to a fresh folder swapped in when complete', async () => {
    const main = projectPath('dist', 'src', 'main.js');
    expect(existsSync(main)).toBe(true);
    const build = spawn('npm', ['run', 'build'], { cwd: projectPath(), stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => build.on('exit', resolve));
    let done = false;
    void exited.then(() => (done = true));
    // What a process started beside the build would find, looked at every few milliseconds while it runs.
    let looks = 0;
    let missing = 0;
    while (!done) {
      looks++;
      if (!existsSync(main)) missing++;
      await new Promise((r) => setTimeout(r, 2));
    }
    expect({ exit: await exited, missing, looked: looks > 50 }).toEqual({ exit: 0, missing: 0, looked: true });
    expect(existsSync(main)).toBe(true);
    // The web console is built with it, into the same folder, so `npm start` serves the build it runs beside.
    expect(existsSync(projectPath('dist', 'web', 'index.html'))).toBe(true);
    expect(readdirSync(projectPath()).filter((name) => /^dist\.(next|old)-/.test(name))).toEqual([]);
  });
});

describe('every npm run script', () => {
  /** Each script, the file that runs it as npm would, and what in that file shows it does. */
  const SMOKE: Record<string, [file: string, marker: string]> = {
    build: ['test/cli.test.ts', "['run', 'build']"],
    start: ['test/support/process.ts', "'dist', 'src', 'main.js'"],
    test: ['.ci/run', 'npm test --'],
    typecheck: ['.ci/run', 'npm run -s typecheck'],
    token: ['test/auth.test.ts', "'cli', 'token.js'"],
    user: ['test/accounts.test.ts', "'cli', 'user.js'"],
    migrate: ['test/cli.test.ts', "run('migrate'"],
    'migration:create': ['test/cli.test.ts', "run('migration-create'"],
    seed: ['test/cli.test.ts', "run('seed'"],
    schema: ['test/schema.test.ts', 'buildInnozoneSchema'],
    codegen: ['test/schema.test.ts', "'--config', 'codegen.yml'"],
    bench: ['test/bench.test.ts', "'dist', 'bench', 'registry.js'"],
    'bench:imports': ['test/bench.test.ts', "'dist', 'bench', 'imports.js'"],
    'bench:instances': ['test/bench.test.ts', "'dist', 'bench', 'instances.js'"],
    'audit:verify': ['test/cli.test.ts', "runWith('audit-verify'"],
    mutation: ['test/mutation-config.test.ts', 'stryker.config.json'],
  };

  it('has a smoke test, so a script added without one fails here', async () => {
    const scripts = (JSON.parse(await readFile(projectPath('package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    // pre-scripts only build first (`npm run build`), which has its own.
    const named = Object.keys(scripts).filter((name) => !(name.startsWith('pre') && scripts[name] === 'npm run build'));
    expect(named.sort()).toEqual(Object.keys(SMOKE).sort());
    for (const [script, [file, marker]] of Object.entries(SMOKE)) {
      expect([script, (await readFile(projectPath(file), 'utf8')).includes(marker)]).toEqual([script, true]);
    }
  });
});
