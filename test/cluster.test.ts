import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Role } from '../src/auth/roles';
import { TokenService } from '../src/auth/tokens';
import { workerDatabaseUrl } from './support/database';
import { LiveClient } from './support/live';
import { freePort, InnozoneProcess, type LogLine, postgresProcessesFor } from './support/process';

/**
 * `WEB_CONCURRENCY=2` as `npm start` runs it (node dist/src/main.js): a node:cluster primary that prepares the database
 * once (the embedded PostgreSQL by default; on CI's second run the machine's, through DATABASE_URL) and two workers on
 * one port. Without REDIS_URL: events pass between the workers through the primary, rate limits are counted by it.
 */

const EVENTS = 'subscription { proposalEvents { kind proposal { id subject status } } }';
const DRAFT = 'mutation D($input: DraftProposalInput!) { draftProposal(input: $input) { proposal { id version } errors { code } } }';
const SUBMIT = 'mutation S($input: SubmitProposalInput!) { submitProposal(input: $input) { proposal { id status } errors { code } } }';

interface Answer {
  status: number;
  worker: string | undefined;
  body: any;
}

/** One request; `agent` false: a connection of its own, which node:cluster hands to the next worker in turn. */
function request(port: number, method: 'GET' | 'POST', route: string, body?: unknown, headers: Record<string, string> = {}, agent: http.Agent | false = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: route, agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON: kept as text
        }
        resolve({ status: res.statusCode!, worker: res.headers['innozone-worker'] as string | undefined, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** A keep-alive connection held by the worker `worker` (new connections are tried until one lands there). */
async function connectionTo(port: number, worker: string): Promise<http.Agent> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const answer = await request(port, 'GET', '/healthz', undefined, {}, agent);
    if (answer.worker === worker) return agent;
    agent.destroy();
  }
  throw new Error(`no connection reached worker ${worker} in 20 attempts`);
}

/** The primary's lines (a worker's carry `worker`, its id, from its own logger). */
const primaryLines = (app: InnozoneProcess): LogLine[] => app.lines.filter((l) => !('worker' in l) || l.msg.startsWith('worker'));

async function waitUntil(what: string, condition: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('WEB_CONCURRENCY=2: a primary and two workers on one port', () => {
  let dataDir: string;
  let app: InnozoneProcess;
  let port: number;
  const secret = randomBytes(32).toString('base64url');
  const tokens = new TokenService(new TextEncoder().encode(secret), '1h');
  const embedded = !process.env['DATABASE_URL'];
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'innozone-cluster-'));
    port = await freePort();
    app = new InnozoneProcess({
      INNOZONE_DATA_DIR: dataDir,
      PORT: String(port),
      WEB_CONCURRENCY: '2',
      INNOZONE_TOKEN_SECRET: secret,
      // The demo zone gives the CPPCC members and sectors the proposals below need.
      SEED_DEMO_ZONE: 'true',
      SIGN_IN_PER_MINUTE: '4',
      ...(embedded ? {} : { DATABASE_URL: await workerDatabaseUrl('cluster') }),
    });
    await app.waitFor('innozone is ready', 240_000);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await InnozoneProcess.killAll();
    for (const pid of postgresProcessesFor(dataDir)) process.kill(pid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prepares the database once, answers from both workers, carries events between them, replaces a dead worker, and stops everything on SIGTERM', async () => {
    const ready = primaryLines(app).find((l) => l.msg === 'innozone is ready')!;
    expect([ready['url'], ready['workers']]).toEqual([`http://localhost:${port}/graphql`, 2]);
    // Migrations ran once, in the primary, before the workers: none of their lines is about the database's start.
    expect(app.lines.filter((l) => l.msg === 'migrations applied' || l.msg === 'embedded PostgreSQL started').every((l) => !('worker' in l))).toBe(true);
    const started = () => primaryLines(app).filter((l) => l.msg === 'worker ready').map((l) => [l['worker'], l['pid']] as [number, number]);
    expect(started().map(([id]) => id)).toEqual([1, 2]);

    // 1. Both workers answer: new connections go to each in turn.
    const answers = await Promise.all(Array.from({ length: 6 }, () => request(port, 'POST', '/graphql', { query: '{ viewer { role } }' })));
    expect(answers.map((a) => [a.status, a.body])).toEqual(Array(6).fill([200, { data: { viewer: null } }]));
    expect(new Set(answers.map((a) => a.worker))).toEqual(new Set(['1', '2']));

    // Either worker's /metrics counts the instance: the six answers above, three from each worker, summed.
    const scrapes: Answer[] = [];
    for (const worker of ['1', '2']) {
      const agent = await connectionTo(port, worker);
      scrapes.push(await request(port, 'GET', '/metrics', undefined, {}, agent));
      agent.destroy();
    }
    const graphqlAnswers = (text: string) => /^innozone_http_requests_total\{method="POST",route="\/graphql",status="200"\} (\d+)$/m.exec(text)?.[1];
    expect(scrapes.map((a) => [a.worker, a.status, graphqlAnswers(a.body)])).toEqual([['1', 200, '6'], ['2', 200, '6']]);

    // 2. A subscriber held by one worker hears of a mutation answered by the other.
    const office = await tokens.sign({ role: Role.CPPCC_OFFICE });
    const members = await request(port, 'POST', '/graphql', { query: '{ cppccMembers(first: 1) { nodes { id } } }' }, { authorization: `Bearer ${office}` });
    const memberId = members.body.data.cppccMembers.nodes[0].id as string;
    const member = `Bearer ${await tokens.sign({ role: Role.CPPCC_MEMBER, org: memberId })}`;
    const subject = `关于多进程${randomBytes(3).toString('hex')}的建议`;
    const draft = await request(port, 'POST', '/graphql', {
      query: DRAFT,
      variables: { input: { level: 'MUNICIPAL', subject, reasons: '企业反映突出。', recommendations: '建议研究解决。' } },
    }, { authorization: member });
    const { id, version } = draft.body.data.draftProposal.proposal;

    const subscriber = new LiveClient(`http://127.0.0.1:${port}`, { authorization: `Bearer ${office}` });
    clients.push(subscriber);
    const events = subscriber.subscribe<any>(EVENTS);
    await waitUntil('the subscriber is connected', () => subscriber.upgradeHeaders !== null, 10_000);
    const heldBy = subscriber.upgradeHeaders!['innozone-worker'] as string;
    const other = heldBy === '1' ? '2' : '1';
    expect(['1', '2']).toContain(heldBy);
    await new Promise((r) => setTimeout(r, 300)); // the subscription registered on its worker
    const onOther = await connectionTo(port, other);
    const submitted = await request(port, 'POST', '/graphql', { query: SUBMIT, variables: { input: { proposalId: id, version } } }, { authorization: member }, onOther);
    onOther.destroy();
    expect([submitted.worker, submitted.body]).toEqual([other, { data: { submitProposal: { proposal: { id, status: 'SUBMITTED' }, errors: [] } } }]);
    const mine = (v: any) => v.data?.proposalEvents?.proposal?.id === id;
    await waitUntil('the event reached the subscriber', () => events.values.some(mine), 30_000);
    expect(events.values.filter(mine)).toEqual([{ data: { proposalEvents: { kind: 'PROPOSAL_SUBMITTED', proposal: { id, subject, status: 'SUBMITTED' } } } }]);
    expect(events.errors).toEqual([]);

    // 3. Rate limits are counted for the machine, not per worker: 4 sign-in attempts a minute from one address, over both.
    const attempts: Answer[] = [];
    for (let i = 0; i < 6; i++) attempts.push(await request(port, 'POST', '/auth/sign-in', {}));
    expect(new Set(attempts.map((a) => a.worker))).toEqual(new Set(['1', '2']));
    expect(attempts.map((a) => a.status)).toEqual([400, 400, 400, 400, 429, 429]);

    // 4. A worker killed is replaced (the next id), and the port is served by both again.
    const [, victimPid] = started().find(([wid]) => String(wid) === other)!;
    process.kill(victimPid, 'SIGKILL');
    await app.waitFor('worker died; starting another');
    const died = primaryLines(app).find((l) => l.msg === 'worker died; starting another')!;
    expect([died['worker'], died['pid'], died['signal']]).toEqual([Number(other), victimPid, 'SIGKILL']);
    await waitUntil('a third worker is ready', () => started().some(([wid]) => wid === 3));
    await waitUntil('the replacement serves', () => app.lines.some((l) => l['worker'] === 3 && l.msg === 'worker is serving'));
    const after = await Promise.all(Array.from({ length: 6 }, () => request(port, 'GET', '/healthz')));
    expect(new Set(after.map((a) => a.worker))).toEqual(new Set([heldBy, '3']));
    // Dying again within the minute, a worker is replaced after twice the wait: a crash loop does not spin.
    process.kill(started().find(([wid]) => wid === 3)![1], 'SIGKILL');
    await waitUntil('a fourth worker is ready', () => started().some(([wid]) => wid === 4));
    const waits = primaryLines(app).filter((l) => l.msg === 'worker died; starting another').map((l) => [l['worker'], l['restartInMs']]);
    expect(waits).toEqual([[Number(other), 500], [3, 1000]]);
    await waitUntil('the fourth worker serves', () => app.lines.some((l) => l['worker'] === 4 && l.msg === 'worker is serving'));

    // 5. SIGTERM: each worker drains and exits, then the primary stops the embedded PostgreSQL, and exits 0.
    app.kill('SIGTERM');
    expect(await app.exited).toEqual({ code: 0, signal: null });
    // Log lines can reach the pipe out of order (three processes write to it), their `step` numbers cannot.
    const steps = (of: (l: LogLine) => boolean) =>
      app.lines.filter((l) => of(l) && typeof l['step'] === 'number').sort((a, b) => (a['step'] as number) - (b['step'] as number)).map((l) => l.msg);
    expect(steps((l) => !('worker' in l))).toEqual(embedded ? ['workers stopped', 'embedded PostgreSQL stopped'] : ['workers stopped']);
    const exits = primaryLines(app).filter((l) => l.msg === 'worker exited').map((l) => [l['worker'], l['code'], l['signal']]);
    expect(exits.sort()).toEqual([[4, 0, null], [Number(heldBy), 0, null]].sort());
    for (const worker of [Number(heldBy), 4]) {
      expect(steps((l) => l['worker'] === worker)).toEqual(['HTTP server stopped', 'jobs stopped', 'events hub stopped', 'ORM stopped']);
    }
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  }, 300_000);

  it('fails the start when a worker cannot listen (the port taken): exits 1, leaving no worker and no PostgreSQL', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '0.0.0.0', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    const ownDir = await mkdtemp(path.join(os.tmpdir(), 'innozone-cluster-taken-'));
    try {
      const failing = new InnozoneProcess({ INNOZONE_DATA_DIR: ownDir, PORT: String(taken), WEB_CONCURRENCY: '2', INNOZONE_TOKEN_SECRET: secret });
      expect(await failing.exited).toEqual({ code: 1, signal: null });
      const fatal = failing.lines.find((l) => l.msg === 'innozone could not start' && !('worker' in l));
      expect((fatal?.['err'] as { message?: string } | undefined)?.message).toMatch(/^worker 1 \(pid \d+\) exited during start-up \(code 1, signal null\)$/);
      const workerFatal = failing.lines.find((l) => l.msg === 'innozone could not start' && l['worker'] === 1);
      expect((workerFatal?.['err'] as { code?: string } | undefined)?.code).toBe('EADDRINUSE');
      // The second worker was never forked, and the embedded PostgreSQL was stopped.
      expect(failing.lines.some((l) => l['worker'] === 2)).toBe(false);
      expect(postgresProcessesFor(ownDir)).toEqual([]);
    } finally {
      blocker.close();
      for (const pid of postgresProcessesFor(ownDir)) process.kill(pid, 'SIGKILL');
      await rm(ownDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses WEB_CONCURRENCY that is not a whole number from 1 to 64, starting nothing', async () => {
    const refused = new InnozoneProcess({ INNOZONE_DATA_DIR: dataDir, PORT: String(await freePort()), WEB_CONCURRENCY: '0' });
    expect(await refused.exited).toEqual({ code: 78, signal: null });
    expect(refused.stderr.join('')).toBe(
      'innozone cannot start, the environment is invalid:\n' + '  - WEB_CONCURRENCY="0": must be at least 1 (one process, no workers)\n',
    );
  });
});
