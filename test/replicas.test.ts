import { Client } from 'pg';
import { BANKS } from '../seeds/reference';
import { Role } from '../src/auth/roles';
import { fromGlobalId } from '../src/common/global-id';
import { migrate, openOrm } from '../src/db/orm';
import { TestApp } from './support/app';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';
import { replicaKitMissing, type ReplicaPair, startReplicaPair } from './support/replica';

/**
 * Read replicas (DATABASE_REPLICA_URLS, README "Read replicas") against a real streaming replica of a primary the
 * test kit starts (test/support/replica.ts). Which server answered shows in the value read: with WAL replay paused on
 * the replica, it still holds the old name of an enterprise the primary has renamed.
 */

const missing = replicaKitMissing();
/** CI (`CI`, or .ci/run's INNOZONE_REPLICA_TESTS=required) has the binaries: their absence there is a failure, not a skip. */
const REQUIRED = !!process.env['CI'] || process.env['INNOZONE_REPLICA_TESTS'] === 'required';
const describeWithReplica = missing ? describe.skip : describe;

it('has PostgreSQL server binaries to start a replica with, where CI requires them', () => {
  if (missing && !REQUIRED) console.warn(`Skipping the read-replica tests: ${missing}`);
  expect({ missing: REQUIRED ? missing : null }).toEqual({ missing: null });
});

const HANKOU = BANKS.find((b) => b.key === 'HANKOU')!;
const ENTERPRISE = `query ReplicaEnterprise($creditCode: CreditCode!) { enterprise(creditCode: $creditCode) { creditCode name version } }`;
const CREATE = `mutation ReplicaCreate($input: CreateEnterpriseInput!) {
  createEnterprise(input: $input) { enterprise { id creditCode name version } errors { code } }
}`;
const UPDATE = `mutation ReplicaUpdate($input: UpdateEnterpriseInput!) {
  updateEnterprise(input: $input) { enterprise { creditCode name version } errors { code } }
}`;

interface Answer {
  status: number;
  data: Record<string, any> | null;
  errors?: unknown[];
  /** The WAL position after the request's write (Innozone-Lsn), if it wrote. */
  lsn: string | null;
}

/** POSTs an operation as a client does, with its own headers, and keeps the response's Innozone-Lsn. */
async function post(app: TestApp, token: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: Record<string, any> | null; errors?: unknown[] };
  return { status: res.status, ...body, lsn: res.headers.get('innozone-lsn') };
}

const readyz = async (app: TestApp) => {
  const res = await fetch(`${app.url}/readyz`);
  return { status: res.status, body: (await res.json()) as { replicas?: { state: string; lagSeconds: number | null }[] } };
};

/** Waits until `probe` gives what `done` accepts (at most 20 s), and returns it. */
async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until `app` reads its replica, caught up (a test before may have stopped it or held its replay). */
const streaming = (app: TestApp) => until(() => readyz(app), (r) => r.body.replicas?.[0]?.state === 'STREAMING' && r.body.replicas[0].lagSeconds === 0);

describeWithReplica('read replicas', () => {
  let pair: ReplicaPair;
  /** Two instances on the pair, as behind a balancer. */
  let app: TestApp;
  let other: TestApp;
  /** One that reads no replica further behind than a second. */
  let strict: TestApp;
  /** One whose replica is out of reach from the start. */
  let orphan: TestApp;
  let writer: string;
  let reader: string;
  let next = 0;

  beforeAll(async () => {
    pair = await startReplicaPair();
    const owner = await openOrm(pair.primaryUrl);
    try {
      await migrate(owner);
      await resetRegistry(owner);
    } finally {
      await owner.close(true);
    }
    const start = (replicas: string, extra: Record<string, string> = {}) =>
      TestApp.start({ databaseUrl: pair.primaryUrl, env: { DATABASE_URL: pair.primaryUrl, DATABASE_REPLICA_URLS: replicas, ...extra } });
    [app, other, strict, orphan] = await Promise.all([
      start(pair.replicaUrl),
      start(pair.replicaUrl),
      start(pair.replicaUrl, { DATABASE_REPLICA_MAX_LAG_SECONDS: '1' }),
      start(pair.deadUrl),
    ]);
    // Two zone administrators' tokens (their lifetimes differ, so they are two tokens): one writes, one only reads.
    writer = await app.tokens.sign({ role: Role.ZONE_ADMIN, org: null }, '1h');
    reader = await app.tokens.sign({ role: Role.ZONE_ADMIN, org: null }, '30m');
  }, 120_000);

  afterAll(async () => {
    await Promise.all([app, other, strict, orphan].map((a) => a?.close()));
    await pair?.stop();
  });

  /** A new enterprise of this test's own, named `name`, already on the replica. */
  async function enterprise(name: string): Promise<{ id: string; creditCode: string; version: number }> {
    // The pair's database is this file's alone: numbering is enough to keep each test's enterprise its own.
    const code = testCode(900_000 + next++);
    const created = await post(app, writer, CREATE, { input: enterpriseInput(code, name) });
    expect(created.data!['createEnterprise'].errors).toEqual([]);
    await until(() => post(app, reader, ENTERPRISE, { creditCode: code }), (r) => r.data?.['enterprise'] !== null);
    return created.data!['createEnterprise'].enterprise;
  }

  it('reports the replica streaming in /readyz, and the database ready', async () => {
    expect(await streaming(app)).toEqual({ status: 200, body: { status: 'ready', database: 'ok', replicas: [{ replica: 1, state: 'STREAMING', lagSeconds: 0 }] } });
  });

  it('answers a lagging replica’s reads with what it holds, the writer’s own reads and the payload from the primary, and everyone alike once it catches up', async () => {
    await Promise.all([streaming(app), streaming(other)]);
    const e = await enterprise('光谷复制一号');
    await pair.pauseReplay();
    try {
      const renamed = await post(app, writer, UPDATE, { input: { id: e.id, version: e.version, name: '光谷复制一号（新）' } });
      // The payload is read on the primary, after the mutation's transaction committed.
      expect(renamed).toEqual({
        status: 200,
        data: { updateEnterprise: { enterprise: { creditCode: e.creditCode, name: '光谷复制一号（新）', version: e.version + 1 }, errors: [] } },
        lsn: expect.stringMatching(/^[0-9A-F]+\/[0-9A-F]+$/),
      });
      const old = { status: 200, data: { enterprise: { creditCode: e.creditCode, name: '光谷复制一号', version: e.version } }, lsn: null };
      const fresh = { status: 200, data: { enterprise: { creditCode: e.creditCode, name: '光谷复制一号（新）', version: e.version + 1 } }, lsn: null };
      // Another viewer reads the replica, which has not replayed the rename.
      expect(await post(app, reader, ENTERPRISE, { creditCode: e.creditCode })).toEqual(old);
      // The writer reads its own write: the replica has not replayed it, so the primary answers.
      expect(await post(app, writer, ENTERPRISE, { creditCode: e.creditCode })).toEqual(fresh);
      // On another instance, which did not see the write, the writer's client sends back the position it was given.
      expect(await post(other, writer, ENTERPRISE, { creditCode: e.creditCode })).toEqual(old);
      expect(await post(other, writer, ENTERPRISE, { creditCode: e.creditCode }, { 'innozone-min-lsn': renamed.lsn! })).toEqual(fresh);
      // A position that is not one is ignored, as an unknown header.
      expect(await post(other, reader, ENTERPRISE, { creditCode: e.creditCode }, { 'innozone-min-lsn': 'latest' })).toEqual(old);
      await pair.resumeReplay();
      expect(await until(() => post(app, reader, ENTERPRISE, { creditCode: e.creditCode }), (r) => r.data?.['enterprise'].name !== '光谷复制一号')).toEqual(fresh);
      expect(await post(other, reader, ENTERPRISE, { creditCode: e.creditCode })).toEqual(fresh);
    } finally {
      await pair.resumeReplay();
    }
  });

  it('reads the primary when the replica is further behind than DATABASE_REPLICA_MAX_LAG_SECONDS, and the replica again once it catches up', async () => {
    await Promise.all([streaming(app), streaming(strict)]);
    const e = await enterprise('光谷复制二号');
    await pair.pauseReplay();
    try {
      await post(app, writer, UPDATE, { input: { id: e.id, version: e.version, name: '光谷复制二号（新）' } });
      const lagging = await until(() => readyz(strict), (r) => r.body.replicas?.[0]?.state === 'LAGGING');
      expect(lagging).toEqual({
        status: 200,
        body: { status: 'ready', database: 'ok', replicas: [{ replica: 1, state: 'LAGGING', lagSeconds: expect.any(Number) }] },
      });
      expect(lagging.body.replicas![0]!.lagSeconds).toBeGreaterThanOrEqual(1);
      // The instance that tolerates 10 s still reads the replica; the strict one the primary.
      expect((await post(app, reader, ENTERPRISE, { creditCode: e.creditCode })).data).toEqual({
        enterprise: { creditCode: e.creditCode, name: '光谷复制二号', version: e.version },
      });
      expect((await post(strict, reader, ENTERPRISE, { creditCode: e.creditCode })).data).toEqual({
        enterprise: { creditCode: e.creditCode, name: '光谷复制二号（新）', version: e.version + 1 },
      });
    } finally {
      await pair.resumeReplay();
    }
    expect(await streaming(strict)).toEqual({ status: 200, body: { status: 'ready', database: 'ok', replicas: [{ replica: 1, state: 'STREAMING', lagSeconds: 0 }] } });
  });

  it('answers from the primary when the replica is out of reach from the start, ready all the same', async () => {
    const e = await enterprise('光谷复制三号');
    expect(await readyz(orphan)).toEqual({ status: 200, body: { status: 'ready', database: 'ok', replicas: [{ replica: 1, state: 'UNREACHABLE', lagSeconds: null }] } });
    const renamed = await post(orphan, writer, UPDATE, { input: { id: e.id, version: e.version, name: '光谷复制三号（新）' } });
    expect(renamed.data).toEqual({ updateEnterprise: { enterprise: { creditCode: e.creditCode, name: '光谷复制三号（新）', version: e.version + 1 }, errors: [] } });
    expect(await post(orphan, reader, ENTERPRISE, { creditCode: e.creditCode })).toEqual({
      status: 200,
      data: { enterprise: { creditCode: e.creditCode, name: '光谷复制三号（新）', version: e.version + 1 } },
      lsn: null,
    });
  });

  it('answers from the primary when the replica goes down under it, and reads the replica again once it is back', async () => {
    await streaming(app);
    const e = await enterprise('光谷复制四号');
    await pair.stopReplica();
    try {
      const renamed = await post(app, writer, UPDATE, { input: { id: e.id, version: e.version, name: '光谷复制四号（新）' } });
      expect(renamed.data).toEqual({ updateEnterprise: { enterprise: { creditCode: e.creditCode, name: '光谷复制四号（新）', version: e.version + 1 }, errors: [] } });
      // At once (before the next check may have noticed: the read itself fails over) and after.
      const fresh = { status: 200, data: { enterprise: { creditCode: e.creditCode, name: '光谷复制四号（新）', version: e.version + 1 } }, lsn: null };
      expect(await post(app, reader, ENTERPRISE, { creditCode: e.creditCode })).toEqual(fresh);
      expect(await until(() => readyz(app), (r) => r.body.replicas?.[0]?.state === 'UNREACHABLE')).toEqual({
        status: 200,
        body: { status: 'ready', database: 'ok', replicas: [{ replica: 1, state: 'UNREACHABLE', lagSeconds: null }] },
      });
      expect(await post(app, reader, ENTERPRISE, { creditCode: e.creditCode })).toEqual(fresh);
    } finally {
      await pair.startReplica();
    }
    await streaming(app);
    // Back in use: with replay held, a new rename shows to the reader only as the replica has it.
    await pair.pauseReplay();
    try {
      await post(app, writer, UPDATE, { input: { id: e.id, version: e.version + 1, name: '光谷复制四号（再新）' } });
      expect((await post(app, reader, ENTERPRISE, { creditCode: e.creditCode })).data).toEqual({
        enterprise: { creditCode: e.creditCode, name: '光谷复制四号（新）', version: e.version + 1 },
      });
    } finally {
      await pair.resumeReplay();
    }
  });

  it('reads a bank’s queries on the primary: a revoked authorisation hides its enterprise at once', async () => {
    const e = await enterprise('光谷复制六号');
    const rep = await app.token(Role.ENTERPRISE_REP, e.creditCode);
    const bank = await app.token(Role.BANK_OFFICER, HANKOU.creditCode);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const granted = await post(
      app,
      rep,
      `mutation ReplicaGrant($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { authorization { id } errors { code } } }`,
      { input: { creditCode: e.creditCode, bankCreditCode: HANKOU.creditCode, scopes: ['PROFILE'], purpose: '科技信用贷款授信审查', validFrom: today, validUntil: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`, signer: '李娜（财务总监）' } },
    );
    expect(granted.data!['grantAuthorization'].errors).toEqual([]);
    const seen = { enterprise: { creditCode: e.creditCode, name: '光谷复制六号', version: e.version } };
    expect((await until(() => post(app, bank, ENTERPRISE, { creditCode: e.creditCode }), (r) => r.data?.['enterprise'] !== null)).data).toEqual(seen);
    await pair.pauseReplay();
    try {
      const revoked = await post(
        app,
        rep,
        `mutation ReplicaRevoke($input: RevokeAuthorizationInput!) { revokeAuthorization(input: $input) { errors { code } } }`,
        { input: { authorizationId: granted.data!['grantAuthorization'].authorization.id } },
      );
      expect(revoked.data).toEqual({ revokeAuthorization: { errors: [] } });
      // The replica still holds the authorisation in force; the bank is answered from the primary, which does not.
      const onReplica = new Client({ connectionString: pair.replicaUrl });
      await onReplica.connect();
      try {
        const { rows } = await onReplica.query('select revoked_at from data_authorization where id = $1', [fromGlobalId(granted.data!['grantAuthorization'].authorization.id)!.id]);
        expect(rows).toEqual([{ revoked_at: null }]);
      } finally {
        await onReplica.end();
      }
      expect(await post(app, bank, ENTERPRISE, { creditCode: e.creditCode })).toEqual({ status: 200, data: { enterprise: null }, lsn: null });
    } finally {
      await pair.resumeReplay();
    }
  });

  it('reads the audit trail, and a bank’s eligibility answers (written as receipts) and their receipts, on the primary', async () => {
    const e = await enterprise('光谷复制五号');
    await pair.pauseReplay();
    try {
      await post(app, writer, UPDATE, { input: { id: e.id, version: e.version, name: '光谷复制五号（新）' } });
      // The audit trail shows the rename at once, to a viewer that did not write it.
      const trail = await post(app, reader, `query ReplicaTrail($code: CreditCode!) { auditEvents(filter: { creditCode: $code }, first: 5) { edges { node { operation outcome } } } }`, {
        code: e.creditCode,
      });
      expect(trail.data).toEqual({
        auditEvents: { edges: [{ node: { operation: 'updateEnterprise', outcome: 'DONE' } }, { node: { operation: 'createEnterprise', outcome: 'DONE' } }] },
      });
      // A bank's eligibility answer is written as a receipt: it reads the primary (the new name's enterprise, though it
      // learns nothing of it without an authorisation), says where the primary's WAL stood, and its receipt reads back.
      const bank = await app.token(Role.BANK_OFFICER, HANKOU.creditCode);
      const asked = await post(app, bank, `query ReplicaEligibility($codes: [String!]!) { eligibility(program: "CREDIT_LOAN", creditCodes: $codes, asOf: "2026-06-30") { creditCode isEligible receiptId } }`, {
        codes: [e.creditCode],
      });
      expect(asked).toEqual({
        status: 200,
        data: { eligibility: [{ creditCode: e.creditCode, isEligible: false, receiptId: expect.any(String) }] },
        lsn: expect.stringMatching(/^[0-9A-F]+\/[0-9A-F]+$/),
      });
      const receiptId = asked.data!['eligibility'][0].receiptId;
      expect((await post(app, bank, `query ReplicaReceipt($id: ID!) { eligibilityReceipt(id: $id) { id isEligible } }`, { id: receiptId })).data).toEqual({
        eligibilityReceipt: { id: receiptId, isEligible: false },
      });
    } finally {
      await pair.resumeReplay();
    }
  });
});
