import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import { Role } from '../src/auth/roles';
import { TestApp } from './support/app';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

/**
 * `Idempotency-Key` on mutations (issue 12): the same request with the same key gets the first answer, replayed,
 * and writes nothing more; a different request with that key, or the same one while the first runs, is refused.
 */
describe('Idempotency-Key', () => {
  let app: TestApp;
  let sql: Client;
  let admin: string;
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    admin = await app.token(Role.ZONE_ADMIN);
    sql = await app.sql();
  });
  afterAll(() => app.close());

  const CREATE = 'mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { enterprise { creditCode name } errors { code } } }';
  async function send(key: string | null, variables: Record<string, unknown>, token = admin, query = CREATE) {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(key === null ? {} : { 'idempotency-key': key }) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, replayed: res.headers.get('idempotent-replayed'), retryAfter: res.headers.get('retry-after'), body: (await res.json()) as unknown };
  }
  const rows = async (code: string) => ({
    enterprises: (await sql.query('select count(*)::int as n from enterprise where credit_code = $1', [code])).rows[0].n as number,
    events: (await sql.query("select count(*)::int as n from audit_event where operation = 'createEnterprise' and details->>'creditCode' = $1", [code])).rows[0].n as number,
  });

  it('replays the first answer to the same request with the same key, writing and auditing once', async () => {
    const code = testCode(1_501);
    const input = { input: enterpriseInput(code, '武汉幂等甲有限公司') };
    const first = await send('b7c1f0a2-0001', input);
    const created = { data: { createEnterprise: { enterprise: { creditCode: code, name: '武汉幂等甲有限公司' }, errors: [] } } };
    expect(first).toEqual({ status: 200, replayed: null, retryAfter: null, body: created });
    expect(await send('b7c1f0a2-0001', input)).toEqual({ status: 200, replayed: 'true', retryAfter: null, body: created });
    expect(await rows(code)).toEqual({ enterprises: 1, events: 1 });
    // Without the key the same request is a new write, refused as such.
    expect((await send(null, input)).body).toEqual({ data: { createEnterprise: { enterprise: null, errors: [{ code: 'DUPLICATE' }] } } });
  });

  it('refuses the key with a different request (422), keeps keys apart per viewer, and ignores it on queries', async () => {
    const code = testCode(1_502);
    await send('key-2', { input: enterpriseInput(code, '武汉幂等乙有限公司') });
    expect(await send('key-2', { input: enterpriseInput(testCode(1_503), '武汉幂等丙有限公司') })).toEqual({
      status: 422,
      replayed: null,
      retryAfter: null,
      body: { errors: [{ message: 'This Idempotency-Key was used for a different request in the last 24 hours.', extensions: { code: 'BAD_USER_INPUT' } }] },
    });
    expect(await rows(testCode(1_503))).toEqual({ enterprises: 0, events: 0 });
    // Another viewer's key-2 is its own: the office may not create enterprises, and is told so, not replayed the admin's answer.
    const office = await send('key-2', { input: enterpriseInput(code, '武汉幂等乙有限公司') }, await app.token(Role.CPPCC_OFFICE));
    expect(office.replayed).toBeNull();
    const query = await send('key-2', {}, admin, '{ viewer { role } }');
    expect(query).toEqual({ status: 200, replayed: null, retryAfter: null, body: { data: { viewer: { role: 'ZONE_ADMIN' } } } });
  });

  it('lets exactly one of ten sent at once write; the others are told to wait (409) or get its answer', async () => {
    const code = testCode(1_504);
    const input = { input: enterpriseInput(code, '武汉幂等丁有限公司') };
    const answers = await Promise.all(Array.from({ length: 10 }, () => send('key-concurrent', input)));
    const created = { data: { createEnterprise: { enterprise: { creditCode: code, name: '武汉幂等丁有限公司' }, errors: [] } } };
    const busy = {
      status: 409,
      replayed: null,
      retryAfter: '1',
      body: { errors: [{ message: 'A request with this Idempotency-Key is still being answered; try again shortly.', extensions: { code: 'BAD_USER_INPUT' } }] },
    };
    for (const a of answers) expect([{ status: 200, replayed: null, retryAfter: null, body: created }, { status: 200, replayed: 'true', retryAfter: null, body: created }, busy]).toContainEqual(a);
    expect(answers.filter((a) => a.status === 200 && a.replayed === null)).toHaveLength(1);
    expect(await rows(code)).toEqual({ enterprises: 1, events: 1 });
    // Once answered, a retry gets the answer.
    expect(await send('key-concurrent', input)).toEqual({ status: 200, replayed: 'true', retryAfter: null, body: created });
  });

  it('tells a retry to wait while the first is being answered, and takes over a claim abandoned for 5 minutes', async () => {
    const code = testCode(1_506);
    const variables = { input: enterpriseInput(code, '武汉幂等己有限公司') };
    // A claim as a request being answered leaves it: the request's fingerprint (query, operation name, variables), no answer yet.
    const fingerprint = createHash('sha256').update(JSON.stringify([CREATE, null, variables])).digest('hex');
    await sql.query("insert into idempotency.response (actor, key, fingerprint) values ('ZONE_ADMIN:', 'key-busy', $1)", [fingerprint]);
    expect(await send('key-busy', variables)).toEqual({
      status: 409,
      replayed: null,
      retryAfter: '1',
      body: { errors: [{ message: 'A request with this Idempotency-Key is still being answered; try again shortly.', extensions: { code: 'BAD_USER_INPUT' } }] },
    });
    expect(await rows(code)).toEqual({ enterprises: 0, events: 0 });
    // Its server stopped mid-request: after 5 minutes without an answer the key is taken over.
    await sql.query("update idempotency.response set created_at = now() - interval '6 minutes' where key = 'key-busy'");
    const created = { data: { createEnterprise: { enterprise: { creditCode: code, name: '武汉幂等己有限公司' }, errors: [] } } };
    expect(await send('key-busy', variables)).toEqual({ status: 200, replayed: null, retryAfter: null, body: created });
    expect(await rows(code)).toEqual({ enterprises: 1, events: 1 });
  });

  it('forgets an answer after 24 hours, and refuses a malformed key', async () => {
    const code = testCode(1_505);
    const input = { input: enterpriseInput(code, '武汉幂等戊有限公司') };
    await send('key-old', input);
    await sql.query("update idempotency.response set created_at = created_at - interval '25 hours' where key = 'key-old'");
    // The same request again is a new write: refused as a duplicate, and audited.
    expect(await send('key-old', input)).toEqual({
      status: 200,
      replayed: null,
      retryAfter: null,
      body: { data: { createEnterprise: { enterprise: null, errors: [{ code: 'DUPLICATE' }] } } },
    });
    expect(await rows(code)).toEqual({ enterprises: 1, events: 2 });
    expect(await send('k'.repeat(256), input)).toEqual({
      status: 400,
      replayed: null,
      retryAfter: null,
      body: { errors: [{ message: 'Idempotency-Key must be 1 to 255 printable ASCII characters.', extensions: { code: 'BAD_USER_INPUT' } }] },
    });
  });
});
