import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import { Role } from '../src/auth/roles';
import { TokenService } from '../src/auth/tokens';
import { toGlobalId } from '../src/common/global-id';
import { createDatabaseIfMissing } from '../src/db/database';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { migrate, openOrm } from '../src/db/orm';
import { projectPath } from '../src/project';
import { loadZone } from '../seeds/zone';
import { autocannon, freePort, median, QUERY_A, type Server, spawnServer, startFlags, stopProcess, waitReady } from './side-by-side';

/**
 * `npm run bench:instances -- [--enterprises 20000] [--events 200] [--seconds 5] [--rounds 3] [--connections 10]`:
 * issue 17's two figures of many instances, in one run on one scratch database.
 * (a) Subscription fan-out across two instances through Redis: instances A and B (`node dist/src/main.js` each, one
 *     PostgreSQL, one Redis, a channel prefix of this run's own), a subscriber on B to `proposalEvents`, and
 *     `--events` proposals submitted one after another on A: for each, the time from A's answer to the mutation (its
 *     transaction committed) to the event on B's socket; p50/p95/p99/max. Target: p99 under 200 ms. Skipped, saying
 *     so, when no Redis answers at REDIS_URL (default redis://127.0.0.1:6379).
 * (b) Throughput of query A (first 50, the side-by-side bench's) with WEB_CONCURRENCY=2 against WEB_CONCURRENCY=1:
 *     both servers up at once on the same database, loaded in turn by autocannon at `--connections`, the order
 *     alternating each round; the ratio is the median of each round's pair.
 * Uses DATABASE_URL's server when set (a scratch database is created and dropped), else an embedded PostgreSQL.
 */
const { values } = parseArgs({
  options: {
    enterprises: { type: 'string', default: '20000' },
    events: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
  },
});
const [N, EVENTS, SECONDS, ROUNDS, CONNECTIONS] = [values.enterprises, values.events, values.seconds, values.rounds, values.connections].map(Number) as [
  number,
  number,
  number,
  number,
  number,
];
if (![N, EVENTS, ROUNDS, CONNECTIONS].every((n) => Number.isInteger(n) && n > 0) || !(SECONDS > 0)) {
  process.stderr.write('--enterprises, --events, --rounds and --connections must be whole numbers of 1 or more, --seconds a positive number\n');
  process.exit(2);
}
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const FIRST = 50;
const SUBMIT = 'mutation S($input: SubmitProposalInput!) { submitProposal(input: $input) { proposal { id } errors { code } } }';
const DRAFT = 'mutation D($input: DraftProposalInput!) { draftProposal(input: $input) { proposal { id version } errors { code } } }';

const log = (line: string) => process.stdout.write(`${line}\n`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const fmt = (n: number) => (!Number.isFinite(n) ? '–' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379), timeout: 1_000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/** GET /healthz on a connection of its own; the worker that answered (`Innozone-Worker`, clustered only). */
function workerOf(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    http
      .get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
        res.resume();
        resolve(res.headers['innozone-worker'] as string | undefined);
      })
      .on('error', () => resolve(undefined));
  });
}

async function graphql(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  if (res.status !== 200 || body.errors) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body).slice(0, 2000)}`);
  return body.data;
}

async function main() {
  const dir = process.env['DATABASE_URL'] ? undefined : await mkdtemp(path.join(os.tmpdir(), 'innozone-bench-'));
  const cluster = dir ? await startEmbeddedPostgres({ dataDir: dir, port: 0 }) : undefined;
  const adminUrl = cluster?.adminUrl ?? process.env['DATABASE_URL']!;
  const dbName = `innozone_bench_instances_${process.pid}`;
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const servers: Server[] = [];
  try {
    await createDatabaseIfMissing(adminUrl, dbName);
    const orm = await openOrm(url.toString());
    try {
      await migrate(orm);
    } finally {
      await orm.close(true);
    }
    log(
      `# innozone instances benchmark: ${N.toLocaleString('en')} enterprises, PostgreSQL ${cluster ? 'embedded' : 'from DATABASE_URL'}, ` +
        `${os.availableParallelism()} cores`,
    );
    const start = Date.now();
    await loadZone(url.toString(), { enterprises: N, seed: 1, named: false, incentiveRate: 0.05 });
    log(`load: ${((Date.now() - start) / 1000).toFixed(1)} s`);

    const secret = randomBytes(32).toString('base64url');
    const tokens = new TokenService(new TextEncoder().encode(secret), '12h');
    const { DATABASE_URL: _own, REDIS_URL: _redis, ...inherited } = process.env;
    const env = (port: number, extra: Record<string, string>) => ({
      ...inherited,
      NODE_ENV: 'production',
      DATABASE_URL: url.toString(),
      PORT: String(port),
      HOST: '127.0.0.1',
      INNOZONE_TOKEN_SECRET: secret,
      // Request logs off, as in the side-by-side bench; one token sends thousands of requests: no rate limit.
      LOG_LEVEL: 'warn',
      SEED_DEMO_ZONE: 'false',
      RATE_LIMIT_PER_MINUTE: '0',
      ...extra,
    });
    const spawn = async (name: string, extra: Record<string, string>) => {
      const port = await freePort();
      const server = spawnServer(name, [...startFlags(), projectPath('dist', 'src', 'main.js')], env(port, extra), port, '/readyz', {
        'content-type': 'application/json',
        authorization: `Bearer ${await tokens.sign({ role: Role.ZONE_ADMIN })}`,
      });
      servers.push(server);
      return { server, port };
    };

    // (a) Fan-out across two instances through Redis.
    if (!(await reachable(REDIS_URL))) {
      log(`fan-out: skipped, no Redis answers at ${REDIS_URL}`);
    } else {
      const prefix = `innozone-bench:${randomUUID()}:`;
      // One after the other: the first creates pg-boss's queues, the second finds them.
      const a = await spawn('instance A', { REDIS_URL, REDIS_KEY_PREFIX: prefix });
      await waitReady(a.server);
      const b = await spawn('instance B', { REDIS_URL, REDIS_KEY_PREFIX: prefix });
      await waitReady(b.server);
      await fanOut(url.toString(), tokens, a.server.url, b.port);
      await Promise.all([stopProcess(a.server), stopProcess(b.server)]);
    }

    // (b) Query A with two workers against one, on the same database.
    const one = await spawn('WEB_CONCURRENCY=1', { WEB_CONCURRENCY: '1' });
    await waitReady(one.server);
    const two = await spawn('WEB_CONCURRENCY=2', { WEB_CONCURRENCY: '2' });
    await waitReady(two.server);
    const deadline = Date.now() + 120_000;
    while (new Set(await Promise.all([1, 2, 3, 4].map(() => workerOf(two.port)))).size < 2) {
      if (Date.now() > deadline) throw new Error(`the second worker of WEB_CONCURRENCY=2 did not serve in 120 s:\n${two.server.output.join('')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await throughput([one.server, two.server]);
  } finally {
    await Promise.all(servers.map(stopProcess));
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`drop database if exists "${dbName}" with (force)`);
    await client.end();
    await cluster?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

/** (a): `EVENTS` submissions on A, each timed from A's answer to the event on a subscriber of B. */
async function fanOut(databaseUrl: string, tokens: TokenService, aUrl: string, bPort: number): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const sector = randomUUID();
  const memberId = randomUUID();
  try {
    await db.query(`insert into sector (id, code, name) values ($1, $2, '经济界')`, [sector, `BENCH-${sector.slice(0, 8)}`]);
    await db.query(`insert into cppcc_member (id, name, sector_id, levels, term) values ($1, '测试委员', $2, '{MUNICIPAL}', 15)`, [memberId, sector]);
  } finally {
    await db.end();
  }
  const member = await tokens.sign({ role: Role.CPPCC_MEMBER, org: toGlobalId('CppccMember', memberId) });
  const office = await tokens.sign({ role: Role.CPPCC_OFFICE });
  const drafts: { id: string; version: number }[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const data = await graphql(aUrl, member, DRAFT, { input: { level: 'MUNICIPAL', subject: `关于测试第${i}号的建议`, reasons: '企业反映突出。', recommendations: '建议研究解决。' } });
    drafts.push(data.draftProposal.proposal);
  }

  const arrivals = new Map<string, number>();
  const client = createClient({
    url: `ws://127.0.0.1:${bPort}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${office}` },
    lazy: false,
    retryAttempts: 0,
  });
  const subscribed = new Promise<void>((resolve) => client.on('connected', () => resolve()));
  const stop = client.subscribe<any>(
    { query: 'subscription { proposalEvents { kind proposal { id } } }' },
    {
      next: (value) => {
        const id = value.data?.proposalEvents?.proposal?.id as string | undefined;
        if (id && !arrivals.has(id)) arrivals.set(id, performance.now());
      },
      error: (err) => log(`subscriber error: ${JSON.stringify(err)}`),
      complete: () => undefined,
    },
  );
  try {
    await subscribed;
    await new Promise((r) => setTimeout(r, 500)); // the subscription registered on B
    const latencies: number[] = [];
    for (const draft of drafts) {
      const data = await graphql(aUrl, member, SUBMIT, { input: { proposalId: draft.id, version: draft.version } });
      const answered = performance.now();
      if (data.submitProposal.errors.length) throw new Error(`submitProposal: ${JSON.stringify(data.submitProposal.errors)}`);
      const until = Date.now() + 10_000;
      while (!arrivals.has(draft.id) && Date.now() < until) await new Promise((r) => setTimeout(r, 1));
      if (!arrivals.has(draft.id)) throw new Error(`the event of proposal ${draft.id} did not reach B in 10 s`);
      latencies.push(arrivals.get(draft.id)! - answered);
    }
    const sorted = latencies.sort((x, y) => x - y);
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(sorted, p)) as [number, number, number];
    log(
      `fan-out A → Redis → B, ${sorted.length} events, from A's answer to the event on B: p50 ${fmt(p50)} ms, p95 ${fmt(p95)} ms, ` +
        `p99 ${fmt(p99)} ms, max ${fmt(sorted.at(-1)!)} ms (target p99 < 200 ms: ${p99 < 200 ? 'met' : 'MISSED'})`,
    );
  } finally {
    stop();
    await client.dispose();
  }
}

/** (b): query A on each server in turn, `ROUNDS` rounds, the order alternating; a warm-up and a calibration first. */
async function throughput(servers: [Server, Server]): Promise<void> {
  const body = JSON.stringify({ query: QUERY_A, variables: { first: FIRST } });
  const load = async (s: Server, run: { duration: number } | { amount: number }) => {
    const r = await autocannon({ url: s.url, method: 'POST', headers: s.headers, body, connections: CONNECTIONS, timeout: 120, ...run });
    if (r.errors || r.timeouts || r.non2xx) throw new Error(`${s.name}: ${r['2xx']} answers, ${r.non2xx} not 2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
    return { rps: r['2xx'] / r.duration, p50: r.latency.p50, p99: r.latency.p99 };
  };
  const rate = new Map<string, number>();
  for (const s of servers) await load(s, { duration: Math.min(SECONDS, 3) }); // warm-up
  for (const s of servers) rate.set(s.name, (await load(s, { duration: Math.min(SECONDS, 3) })).rps); // calibration
  const rounds = new Map<string, { rps: number; p50: number; p99: number }[]>(servers.map((s) => [s.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? servers : ([servers[1], servers[0]] as const);
    for (const s of order) {
      const measured = await load(s, { amount: Math.max(3 * CONNECTIONS, Math.ceil(rate.get(s.name)! * SECONDS)) });
      rate.set(s.name, measured.rps);
      rounds.get(s.name)!.push(measured);
    }
    log(`round ${round + 1}/${ROUNDS} (${order[0].name} first): ${servers.map((s) => `${s.name} ${fmt(rounds.get(s.name)![round]!.rps)} req/s`).join(', ')}`);
  }
  const [one, two] = servers.map((s) => rounds.get(s.name)!) as [{ rps: number; p50: number; p99: number }[], { rps: number; p50: number; p99: number }[]];
  const ratio = median(two.map((r, k) => r.rps / one[k]!.rps));
  log('');
  log(`query A, first ${FIRST}, ${CONNECTIONS} connections, ${ROUNDS} round(s) of about ${SECONDS} s per server; medians of the rounds`);
  log('');
  log('| workers | req/s | p50/p99 ms |');
  log('| --- | --- | --- |');
  for (const [name, rows] of [['1', one], ['2', two]] as const) {
    log(`| ${name} | ${fmt(median(rows.map((r) => r.rps)))} | ${fmt(median(rows.map((r) => r.p50)))} / ${fmt(median(rows.map((r) => r.p99)))} |`);
  }
  log('');
  log(`throughput, 2 workers over 1: ${Number.isFinite(ratio) ? ratio.toFixed(3) : 'n/a'}`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
