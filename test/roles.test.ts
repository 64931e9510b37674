import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Role } from '../src/auth/roles';
import { createDatabaseIfMissing } from '../src/db/database';
import { migrate, openOrm } from '../src/db/orm';
import { grantRuntimeRole } from '../src/db/runtime-role';
import { BANKS } from '../seeds/reference';
import { TestApp } from './support/app';
import { addMonths, zoneToday } from './support/clock';
import { databaseUrl, testAdminUrl, testRunPrefix } from './support/database';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

/**
 * Two PostgreSQL roles (issue 12): the owner migrates; the server runs as a role that reads and writes the registry,
 * may only SELECT and INSERT on the audit trail, and can neither alter a table nor disable a trigger. The server
 * works as that role through every kind of write, and the role itself is refused what it must not do.
 */
describe('the runtime role', () => {
  const admin = new Client({ connectionString: testAdminUrl() });
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const database = `${testRunPrefix(Date.now(), process.pid)}_roles`;
  const role = `innozone_rt_${suffix}`;
  const password = randomBytes(12).toString('hex');
  let ownerUrl: string;
  let runtimeUrl: string;
  let app: TestApp;
  let asRuntime: Client;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create role ${role} login password '${password}'`);
    await createDatabaseIfMissing(testAdminUrl(), database);
    ownerUrl = databaseUrl(testAdminUrl(), database);
    const runtime = new URL(ownerUrl);
    runtime.username = role;
    runtime.password = password;
    runtimeUrl = runtime.toString();
    const owner = await openOrm(ownerUrl);
    await migrate(owner);
    await resetRegistry(owner);
    await owner.close(true);
    await grantRuntimeRole(ownerUrl, role);
    app = await TestApp.start({ databaseUrl: runtimeUrl });
    asRuntime = new Client({ connectionString: runtimeUrl });
    await asRuntime.connect();
  });
  afterAll(async () => {
    await asRuntime?.end();
    await app?.close();
    await admin.query(`drop database if exists ${admin.escapeIdentifier(database)} with (force)`);
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  });

  it('runs the server: writes of every kind (triggers, rollups, audit, idempotency), and a bank’s audited read', async () => {
    const code = testCode(1_601);
    const adminToken = await app.token(Role.ZONE_ADMIN);
    const ok = (r: { status?: number; data?: unknown; errors?: unknown }) => expect({ status: r.status, errors: r.errors, text: JSON.stringify(r.data) }).toEqual({ status: 200, errors: undefined, text: expect.not.stringMatching(/"code"/) });
    ok(await app.http('mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { code } } }', { input: enterpriseInput(code, '武汉角色测试有限公司') }, { token: adminToken }));
    ok(
      await app.http(
        'mutation($input: RecordFiscalYearInput!) { recordFiscalYear(input: $input) { errors { code } } }',
        { input: { creditCode: code, fiscalYear: 2025, revenue: '1000000.00', rdExpense: '60000.00', rdExpenseInChina: '60000.00', highTechRevenue: '700000.00', employees: 20, scienceAndTechnologyStaff: 5 } },
        { token: adminToken },
      ),
    );
    const bank = BANKS.find((b) => b.key === 'HANKOU')!;
    ok(
      await app.http(
        'mutation($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { errors { code } } }',
        { input: { creditCode: code, bankCreditCode: bank.creditCode, scopes: ['PROFILE'], purpose: '角色测试', validFrom: zoneToday(), validUntil: addMonths(zoneToday(), 6), signer: '王伟' } },
        { token: await app.token(Role.ENTERPRISE_REP, code) },
      ),
    );
    const read = await app.http<any, any>('query($c: CreditCode!) { enterprise(creditCode: $c) { name } }', { c: code }, { token: await app.token(Role.BANK_OFFICER, bank.creditCode) });
    expect(read).toEqual({ status: 200, data: { enterprise: { name: '武汉角色测试有限公司' } } });
    // A write with an Idempotency-Key: its answer kept in the idempotency schema, replayed.
    const keyed = () =>
      fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}`, 'idempotency-key': 'roles-1' },
        body: JSON.stringify({
          query: 'mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { code } } }',
          variables: { input: enterpriseInput(testCode(1_602), '武汉角色幂等有限公司') },
        }),
      }).then(async (r) => [r.status, r.headers.get('idempotent-replayed'), await r.json()]);
    expect([await keyed(), await keyed()]).toEqual([
      [200, null, { data: { createEnterprise: { errors: [] } } }],
      [200, 'true', { data: { createEnterprise: { errors: [] } } }],
    ]);
    const summary = await app.http<any, any>('{ portfolioSummary { enterpriseCount } }', {}, { token: adminToken });
    expect(summary).toEqual({ status: 200, data: { portfolioSummary: { enterpriseCount: 2 } } });
    const events = await asRuntime.query("select operation, outcome from audit_event order by seq");
    expect(events.rows).toEqual([
      { operation: 'createEnterprise', outcome: 'DONE' },
      { operation: 'recordFiscalYear', outcome: 'DONE' },
      { operation: 'grantAuthorization', outcome: 'DONE' },
      { operation: 'enterprise', outcome: 'DONE' },
      { operation: 'createEnterprise', outcome: 'DONE' },
    ]);
  });

  it.each([
    ['change an audit event', 'update audit_event set outcome = outcome', 'permission denied for table audit_event'],
    ['delete an audit event', 'delete from audit_event', 'permission denied for table audit_event'],
    ['truncate the audit trail', 'truncate audit_event', 'permission denied for table audit_event'],
    ['disable the audit triggers', 'alter table audit_event disable trigger audit_event_chain', 'must be owner of table audit_event'],
    ['drop a table', 'drop table enterprise cascade', 'must be owner of table enterprise'],
    ['create a table', 'create table intruder (id int)', 'permission denied for schema public'],
    ['rewrite the migrations', 'delete from mikro_orm_migrations', 'permission denied for table mikro_orm_migrations'],
  ])('may not %s', async (_what, statement, refusal) => {
    await expect(asRuntime.query(statement)).rejects.toThrow(refusal);
  });
});
