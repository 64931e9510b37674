import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { MikroORM } from '@mikro-orm/postgresql';
import pino from 'pino';
import { Role } from '../src/auth/roles';
import { TokenService } from '../src/auth/tokens';
import { loadConfig } from '../src/config';
import { projectPath } from '../src/project';
import { differences } from './json-diff';
import { buildInnozoneSchema } from '../src/schema';
import { createServer } from '../src/server';

/** The part of autocannon 9's programmatic API used here (the package ships no types). */
export interface LoadResult {
  /** Seconds the run took. */
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  /** Whole milliseconds, of 2xx answers only. */
  latency: { p50: number; p99: number };
}
export const autocannon = require('autocannon') as (options: {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  connections: number;
  /** Seconds, unless `amount` is given. */
  duration?: number;
  /** Requests to answer before the run ends (then `duration` is ignored). */
  amount?: number;
  /** Seconds before a request counts as timed out. */
  timeout: number;
}) => Promise<LoadResult>;

/** Query A of issue 11: a zone administrator's portfolio page. */
export const QUERY_A = `query A($first: Int!) {
  enterprises(first: $first) {
    pageInfo { hasNextPage }
    edges { node {
      creditCode name
      university { name }
      financials { fiscalYear revenue rdExpense employees }
      instruments(first: 10) { edges { node {
        __typename
        ... on FinancingInstrument { kind status amount }
        ... on CreditLoan { lender { name } }
        ... on IpPledgeLoan { lender { name } loanToValue pledges { patent { number } } }
        ... on FinancingInstrument { holders { share amount enterprise { creditCode name } } }
      } } }
      projects(first: 5) { nodes { title participants { role institution { name } } } }
    } }
  }
}`;

/** Page sizes whose answers must be equal both ways; the rounds use 50. */
const CHECKED_PAGES = [5, 50, 100];
const FIRST = 50;

export interface SideBySideOptions {
  /** The scratch database, loaded and migrated. */
  url: string;
  /** innozone's ORM on that database (for counting its statements in-process). */
  orm: MikroORM;
  /** Seconds each server is loaded per round and concurrency. */
  seconds: number;
  rounds: number;
  /** Concurrencies, each its own row of the table (issue 11: 1, 10 and 50). */
  connections: number[];
  log: (line: string) => void;
}

export interface Server {
  name: string;
  url: string;
  /** GET answers 200 once it serves. */
  ready: string;
  headers: Record<string, string>;
  child: ChildProcess;
  exited: Promise<void>;
  output: string[];
  peakRss: number;
}

interface Round {
  rps: number;
  p50: number;
  p99: number;
  /** Milliseconds of CPU the server's own process spent per answer (PostgreSQL's not included). */
  cpu: number;
}

/** The median of the finite values (NaN when there are none). */
export const median = (xs: number[]) => {
  const sorted = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Milliseconds of CPU (user and system) a process has used; NaN where /proc is not there. */
function procCpuMs(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in ticks of 10 ms.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** kB of a /proc/<pid>/status line (VmRSS, VmHWM); 0 where /proc is not there. */
function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * The Node options `npm start` gives innozone (package.json's start script: `node <options> dist/src/main.js`), so
 * the server measured is the one users run, V8's young generation size included.
 */
export function startFlags(): string[] {
  const start = (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start']!;
  const match = /^node((?:\s+--\S+)*)\s+dist\/src\/main\.js$/.exec(start);
  if (!match) throw new Error(`package.json's start script is not "node [--options] dist/src/main.js": ${start}`);
  return match[1]!.trim().split(/\s+/).filter(Boolean);
}

/** Starts a server process (its readiness: `ready`). */
export function spawnServer(
  name: Server['name'],
  args: string[],
  env: Record<string, string | undefined>,
  port: number,
  ready: string,
  headers: Record<string, string>,
): Server {
  const child = spawn(process.execPath, args, { cwd: projectPath(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { name, url: `http://127.0.0.1:${port}/graphql`, ready: `http://127.0.0.1:${port}${ready}`, headers, child, exited, output, peakRss: 0 };
}

/** Waits until GET `server.ready` answers 200; throws with the process's output if it exits first or takes 120 s. */
export async function waitReady(server: Server): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`${server.name} exited before it was ready:\n${server.output.join('')}`);
    }
    const status = await new Promise<number>((resolve) => {
      http.get(server.ready, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on('error', () => resolve(0));
    });
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`${server.name} was not ready in 120 s:\n${server.output.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function stopProcess(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const killed = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
  await server.exited;
  clearTimeout(killed);
}

async function post(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}

/**
 * `npm run bench -- --side-by-side`: query A from innozone (`node dist/src/main.js`, production mode) and from the
 * hand-written baseline (bench/baseline.ts), each its own process on the same database. Checks the answers are
 * deep-equal, counts innozone's statements, then loads each in turn with autocannon and prints one table.
 */
export async function benchSideBySide({ url, orm, seconds, rounds, connections: CONNECTIONS, log }: SideBySideOptions): Promise<void> {
  const secret = randomBytes(32).toString('base64url');
  const token = await new TokenService(new TextEncoder().encode(secret), '12h').sign({ role: Role.ZONE_ADMIN });
  const body = (first: number) => JSON.stringify({ query: QUERY_A, variables: { first } });
  const { DATABASE_URL: _own, ...inherited } = process.env;
  const servers: Server[] = [];
  let sampler: NodeJS.Timeout | undefined;
  try {
    const [basePort, innoPort] = [await freePort(), await freePort()];
    const json = { 'content-type': 'application/json' };
    servers.push(
      spawnServer(
        'baseline',
        [path.join(__dirname, 'baseline.js')],
        { ...inherited, DATABASE_URL: url, PORT: String(basePort), HOST: '127.0.0.1' },
        basePort,
        '/healthz',
        json,
      ),
      // As `npm start` starts it, in production; request logs off (LOG_LEVEL=warn), as the baseline writes none.
      spawnServer(
        'innozone',
        [...startFlags(), projectPath('dist', 'src', 'main.js')],
        {
          ...inherited,
          NODE_ENV: 'production',
          DATABASE_URL: url,
          PORT: String(innoPort),
          HOST: '127.0.0.1',
          INNOZONE_TOKEN_SECRET: secret,
          LOG_LEVEL: 'warn',
          SEED_DEMO_ZONE: 'false',
          // One token sends thousands of requests a minute here: the per-token limit would measure itself.
          RATE_LIMIT_PER_MINUTE: '0',
        },
        innoPort,
        '/readyz',
        { ...json, authorization: `Bearer ${token}` },
      ),
    );
    await Promise.all(servers.map(waitReady));
    const [baseline, innozone] = servers as [Server, Server];
    sampler = setInterval(() => {
      for (const s of servers) s.peakRss = Math.max(s.peakRss, procStatus(s.child.pid!, 'VmRSS'));
    }, 250);
    log(`servers: baseline (node:http + pg, one statement) pid ${baseline.child.pid}, innozone (production) pid ${innozone.child.pid}`);

    // 1. The same answer both ways, for several page sizes.
    for (const first of CHECKED_PAGES) {
      const [a, b] = await Promise.all([post(innozone.url, innozone.headers, body(first)), post(baseline.url, baseline.headers, body(first))]);
      if (a.status !== 200 || b.status !== 200) throw new Error(`first ${first}: innozone HTTP ${a.status}, baseline HTTP ${b.status}\n${a.text.slice(0, 2000)}\n${b.text.slice(0, 2000)}`);
      const [ia, ba] = [JSON.parse(a.text) as { data?: unknown; errors?: unknown }, JSON.parse(b.text) as unknown];
      if (ia.errors) throw new Error(`first ${first}: innozone answered with errors: ${JSON.stringify(ia.errors).slice(0, 2000)}`);
      if (!isDeepStrictEqual(ia, ba)) {
        log(`answers for first ${first} DIFFER (innozone vs baseline):`);
        for (const line of differences(ia, ba)) log(`  ${line}`);
        throw new Error(`innozone and the baseline answer query A (first ${first}) differently`);
      }
      const edges = (ia.data as { enterprises: { edges: { node: { instruments: { edges: unknown[] } } }[] } }).enterprises.edges;
      const instruments = edges.reduce((n, e) => n + e.node.instruments.edges.length, 0);
      log(
        `answers for first ${first}: deep-equal (${edges.length} enterprises, ${instruments} instruments, ` +
          `${Buffer.byteLength(a.text)} and ${Buffer.byteLength(b.text)} bytes` +
          `${JSON.stringify(ia) === JSON.stringify(ba) ? ', same key order' : ', key order differs'})`,
      );
    }

    // 2. innozone's statements per request, counted in this process on the same code over HTTP (the baseline: 1).
    const statements = await countStatements(orm, secret, token, body);
    log(`statements per request: baseline 1; innozone ${CHECKED_PAGES.map((n) => `${statements.get(n)} (first ${n})`).join(', ')}`);

    // 3. Interleaved rounds: each concurrency, each round both servers, the order alternating. A run answers a fixed
    //    number of requests, so none is cut off in flight when a duration ends (at 50 connections a slow server's
    //    answers take seconds): as many as the server answered in --seconds in its last run at this concurrency,
    //    at least 3 per connection. After a warm-up, the first run at each concurrency is a calibration of --seconds
    //    (at most 3 s), not counted.
    const load = async (s: Server, connections: number, run: { duration: number } | { amount: number }): Promise<Round> => {
      const cpu = procCpuMs(s.child.pid!);
      const r = await autocannon({ url: s.url, method: 'POST', headers: s.headers, body: body(FIRST), connections, timeout: 120, ...run });
      const cpuPerAnswer = (procCpuMs(s.child.pid!) - cpu) / r['2xx'];
      if (r.errors || r.timeouts || r.non2xx) {
        throw new Error(`${s.name} at ${connections} connections: ${r['2xx']} answers, ${r.non2xx} not 2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
      }
      // A calibration too short for any answer to finish has no latency to show.
      if (!r['2xx']) return { rps: 0, p50: NaN, p99: NaN, cpu: NaN };
      return { rps: r['2xx'] / r.duration, p50: r.latency.p50, p99: r.latency.p99, cpu: cpuPerAnswer };
    };
    const fmt = (n: number) => (!Number.isFinite(n) ? '–' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
    for (const s of servers) await load(s, 10, { duration: Math.min(seconds, 3) }); // warm-up (JIT, caches)
    const results = new Map<number, { baseline: Round[]; innozone: Round[] }>();
    for (const connections of CONNECTIONS) {
      const rate = new Map<string, number>();
      for (const s of servers) rate.set(s.name, (await load(s, connections, { duration: Math.min(seconds, 3) })).rps);
      const rows = { baseline: [] as Round[], innozone: [] as Round[] };
      results.set(connections, rows);
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? [baseline, innozone] : [innozone, baseline];
        for (const s of order) {
          const amount = Math.max(3 * connections, Math.ceil(rate.get(s.name)! * seconds));
          const measured = await load(s, connections, { amount });
          rate.set(s.name, measured.rps);
          rows[s.name as 'baseline' | 'innozone'].push(measured);
        }
        const [b, i] = [rows.baseline[round]!, rows.innozone[round]!];
        log(
          `round ${round + 1}/${rounds}, ${connections} connections (${order[0]!.name} first): ` +
            `baseline ${fmt(b.rps)} req/s, innozone ${fmt(i.rps)} req/s`,
        );
      }
    }
    clearInterval(sampler);
    sampler = undefined;
    const hwm = new Map(servers.map((s) => [s.name, Math.max(s.peakRss, procStatus(s.child.pid!, 'VmHWM'))]));
    const rss = new Map(servers.map((s) => [s.name, procStatus(s.child.pid!, 'VmRSS')]));
    const mb = (kB: number) => `${(kB / 1024).toFixed(0)} MB`;

    // 4. One table.
    log('');
    log(
      `query A, first ${FIRST}, ${rounds} round(s) of about ${seconds} s per server and concurrency (at least 3 requests ` +
        'a connection), the order alternating; ' +
        'medians of the rounds (the ratio: of each round\'s pair)',
    );
    log('');
    log('| connections | baseline req/s | innozone req/s | innozone/baseline | baseline p50/p99 ms | innozone p50/p99 ms |');
    log('| --- | --- | --- | --- | --- | --- |');
    for (const [connections, rows] of results) {
      const m = (name: 'baseline' | 'innozone', key: keyof Round) => median(rows[name].map((r) => r[key]));
      const ratio = median(rows.innozone.map((r, k) => r.rps / rows.baseline[k]!.rps));
      log(
        `| ${connections} | ${fmt(m('baseline', 'rps'))} | ${fmt(m('innozone', 'rps'))} | ${Number.isFinite(ratio) ? ratio.toFixed(3) : 'n/a'} | ` +
          `${fmt(m('baseline', 'p50'))} / ${fmt(m('baseline', 'p99'))} | ${fmt(m('innozone', 'p50'))} / ${fmt(m('innozone', 'p99'))} |`,
      );
    }
    log('');
    log(`statements per request (first ${FIRST}): baseline 1, innozone ${statements.get(FIRST)}`);
    const cpu = (name: 'baseline' | 'innozone') => fmt(median([...results.values()].flatMap((rows) => rows[name].map((r) => r.cpu))));
    log(`CPU of the server's own process per answer (median of the runs; PostgreSQL's not included): baseline ${cpu('baseline')} ms, innozone ${cpu('innozone')} ms`);
    log(`peak RSS (VmHWM, each server its own process): baseline ${mb(hwm.get('baseline')!)}, innozone ${mb(hwm.get('innozone')!)}`);
    log(`RSS after the rounds: baseline ${mb(rss.get('baseline')!)}, innozone ${mb(rss.get('innozone')!)}`);
  } finally {
    if (sampler) clearInterval(sampler);
    await Promise.all(servers.map(stopProcess));
  }
}

/**
 * Statements innozone runs for query A, per page size: the same server code in this process, asked over HTTP with
 * the same token, counting what knex sends to PostgreSQL.
 */
async function countStatements(
  orm: MikroORM,
  secret: string,
  token: string,
  body: (first: number) => string,
): Promise<Map<number, number>> {
  const server = await createServer({
    config: loadConfig({ NODE_ENV: 'production', INNOZONE_TOKEN_SECRET: secret }),
    orm,
    tokens: new TokenService(new TextEncoder().encode(secret), '12h'),
    logger: pino({ level: 'silent' }),
    schema: await buildInnozoneSchema(),
  });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/graphql`;
  const knex = orm.em.getConnection().getKnex();
  let statements = 0;
  const count = () => statements++;
  knex.on('query', count);
  try {
    const counted = new Map<number, number>();
    for (const first of CHECKED_PAGES) {
      statements = 0;
      const res = await post(url, { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body(first));
      if (res.status !== 200 || (JSON.parse(res.text) as { errors?: unknown }).errors) throw new Error(`counting statements: ${res.text.slice(0, 2000)}`);
      counted.set(first, statements);
    }
    return counted;
  } finally {
    knex.removeListener('query', count);
    await server.stop();
  }
}
