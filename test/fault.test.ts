import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { Role } from '../src/auth/roles';
import { createDatabaseIfMissing } from '../src/db/database';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { migrate, openOrm } from '../src/db/orm';
import { TestApp } from './support/app';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

/**
 * PostgreSQL stopped under a read and write load, then started again (issue 12): no request is answered with
 * INTERNAL_SERVER_ERROR; while it is down every request is refused as SERVICE_UNAVAILABLE (HTTP 503, with
 * Retry-After) within a second; within 5 s of its return requests are answered again; every write that was
 * acknowledged is there afterwards. On a cluster of this test's own, so the suite's is never stopped.
 */
describe('PostgreSQL stopped under load', () => {
  let dataDir: string;
  let cluster: EmbeddedPostgres;
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'innozone-fault-'));
    cluster = await startEmbeddedPostgres({ dataDir, port: 0 });
    await createDatabaseIfMissing(cluster.adminUrl, 'innozone');
    const orm = await openOrm(cluster.urlFor('innozone'));
    await migrate(orm);
    await resetRegistry(orm); // parks and the other reference data an enterprise names
    await orm.close(true);
    app = await TestApp.start({ databaseUrl: cluster.urlFor('innozone'), env: { NODE_ENV: 'production' } });
    admin = await app.token(Role.ZONE_ADMIN);
  });
  afterAll(async () => {
    await app?.close();
    await cluster?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const CREATE = 'mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { code } } }';
  const READ = '{ enterprises(first: 5) { totalCount edges { node { creditCode name } } } }';

  interface Answer {
    kind: 'read' | 'write';
    status: number;
    codes: string[];
    ms: number;
    retryAfter: string | null;
    /** The code written, when the write was acknowledged. */
    acknowledged?: string;
  }

  async function send(kind: 'read' | 'write', n: number): Promise<Answer> {
    const code = testCode(20_000 + n);
    const body = kind === 'read' ? { query: READ } : { query: CREATE, variables: { input: enterpriseInput(code, `武汉故障测试${n}号有限公司`) } };
    const started = Date.now();
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { data?: { createEnterprise?: { errors: unknown[] } } | null; errors?: { extensions?: { code?: string } }[] };
    const answer: Answer = {
      kind,
      status: res.status,
      codes: (json.errors ?? []).map((e) => String(e.extensions?.code)),
      ms: Date.now() - started,
      retryAfter: res.headers.get('retry-after'),
    };
    if (kind === 'write' && res.status === 200 && json.data?.createEnterprise?.errors.length === 0) answer.acknowledged = code;
    return answer;
  }

  it('refuses as 503 within a second while it is down, answers within 5 s of its return, and loses no acknowledged write', async () => {
    const answers: Answer[] = [];
    let n = 0;
    let running = true;
    // Four clients, reads and writes alternating, until told to stop.
    const clients = Array.from({ length: 4 }, (_, c) =>
      (async () => {
        while (running) answers.push(await send(c % 2 ? 'read' : 'write', n++));
      })(),
    );
    await new Promise((r) => setTimeout(r, 1_000));
    const port = cluster.port;
    await cluster.stop();
    const down = answers.length;
    await new Promise((r) => setTimeout(r, 2_000));
    const whileDown = answers.slice(down);
    const restarted = Date.now();
    cluster = await startEmbeddedPostgres({ dataDir, port });
    // Answered again: the first successful read after the restart.
    let back: number | undefined;
    while (back === undefined && Date.now() - restarted < 15_000) {
      const a = await send('read', n++);
      if (a.status === 200 && a.codes.length === 0) back = Date.now() - restarted;
      else await new Promise((r) => setTimeout(r, 100));
    }
    running = false;
    await Promise.all(clients);

    expect(answers.filter((a) => a.codes.includes('INTERNAL_SERVER_ERROR') || a.status === 500)).toEqual([]);
    expect(answers.length).toBeGreaterThan(20);
    // While it was down: refused, quickly, and told when to come back.
    const refusedWhileDown = whileDown.filter((a) => a.status !== 200);
    expect(refusedWhileDown.length).toBeGreaterThan(4);
    for (const a of refusedWhileDown) {
      expect({ status: a.status, codes: a.codes, retryAfter: a.retryAfter, fast: a.ms < 1_000 }).toEqual({
        status: 503,
        codes: ['SERVICE_UNAVAILABLE'],
        retryAfter: '1',
        fast: true,
      });
    }
    expect(back).toBeDefined();
    expect(back!).toBeLessThan(5_000);

    // Every acknowledged write is there.
    const acknowledged = answers.flatMap((a) => (a.acknowledged ? [a.acknowledged] : []));
    expect(acknowledged.length).toBeGreaterThan(2);
    const sql = new Client({ connectionString: cluster.urlFor('innozone') });
    await sql.connect();
    try {
      const { rows } = await sql.query<{ credit_code: string }>('select credit_code from enterprise where credit_code = any($1)', [acknowledged]);
      expect(rows.map((r) => r.credit_code).sort()).toEqual([...acknowledged].sort());
    } finally {
      await sql.end();
    }
  });
});
