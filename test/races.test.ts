import { Client } from 'pg';
import { Role } from '../src/auth/roles';
import { toGlobalId } from '../src/common/global-id';
import { BANKS } from '../seeds/reference';
import { TestApp } from './support/app';
import { addDays, addMonths, zoneToday } from './support/clock';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

/**
 * The same write sent many times at once, over HTTP, as an unlucky client's retries or a double click would
 * (issue 12): one succeeds, the others end as payload errors, never as a 500, and every one is on the audit trail.
 */
describe('concurrent identical writes', () => {
  let app: TestApp;
  let admin: string;
  let sql: Client;
  const OWN = testCode(1_401);
  const bank = BANKS.find((b) => b.key === 'HANKOU')!;
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    admin = await app.token(Role.ZONE_ADMIN);
    sql = await app.sql();
    const created = await app.http('mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { code } } }', { input: enterpriseInput(OWN, '武汉并发测试有限公司') }, { token: admin });
    expect(created).toEqual({ status: 200, data: { createEnterprise: { errors: [] } } });
  });
  afterAll(() => app.close());

  /** Sends `n` copies at once; answers as [HTTP status, top-level error codes, payload error codes]. */
  async function race(n: number, query: string, variables: Record<string, unknown>, token: string, field: string) {
    const answers = await Promise.all(Array.from({ length: n }, () => app.http<any, any>(query, variables, { token })));
    return answers.map((a) => [a.status, (a.errors ?? []).map((e) => e.extensions?.['code']), (a.data?.[field]?.errors ?? []).map((e: { code: string }) => e.code)]);
  }
  const tally = (rows: unknown[][]) => {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(JSON.stringify(row), (counts.get(JSON.stringify(row)) ?? 0) + 1);
    return Object.fromEntries([...counts].sort());
  };
  const events = async (operation: string) =>
    (await sql.query<{ outcome: string; n: string }>('select outcome, count(*)::text as n from audit_event where operation = $1 group by outcome order by outcome', [operation])).rows;

  it('creates an enterprise once when 20 ask at once; 19 are told DUPLICATE, and all 20 are audited', async () => {
    const code = testCode(1_402);
    const rows = await race(20, 'mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { code } } }', { input: enterpriseInput(code, '武汉并发创建有限公司') }, admin, 'createEnterprise');
    expect(tally(rows)).toEqual({ '[200,[],["DUPLICATE"]]': 19, '[200,[],[]]': 1 });
    expect((await sql.query('select count(*)::int as n from enterprise where credit_code = $1', [code])).rows).toEqual([{ n: 1 }]);
    const audited = await sql.query<{ outcome: string; n: number }>(
      "select outcome, count(*)::int as n from audit_event where operation = 'createEnterprise' and details->>'creditCode' = $1 group by outcome order by outcome",
      [code],
    );
    expect(audited.rows).toEqual([{ outcome: 'DONE', n: 1 }, { outcome: 'REFUSED', n: 19 }]);
  });

  it('records a fiscal year once when 10 ask at once', async () => {
    const before = await events('recordFiscalYear');
    const input = { creditCode: OWN, fiscalYear: 2025, revenue: '10000000.00', rdExpense: '600000.00', rdExpenseInChina: '600000.00', highTechRevenue: '7000000.00', employees: 50, scienceAndTechnologyStaff: 12 };
    const rows = await race(10, 'mutation($input: RecordFiscalYearInput!) { recordFiscalYear(input: $input) { errors { code } } }', { input }, admin, 'recordFiscalYear');
    // Without a version, the first records the year and the others find it recorded already, or meanwhile.
    expect(tally(rows)).toEqual({ '[200,[],["DUPLICATE"]]': 9, '[200,[],[]]': 1 });
    expect((await sql.query('select count(*)::int as n from fiscal_year_financials f join enterprise e on e.id = f.enterprise_id where e.credit_code = $1', [OWN])).rows).toEqual([{ n: 1 }]);
    const after = await events('recordFiscalYear');
    const n = (rows: { outcome: string; n: string }[], outcome: string) => Number(rows.find((r) => r.outcome === outcome)?.n ?? 0);
    expect([n(after, 'DONE') - n(before, 'DONE'), n(after, 'REFUSED') - n(before, 'REFUSED'), n(after, 'FAILED') - n(before, 'FAILED')]).toEqual([1, 9, 0]);
  });

  const GRANT = 'mutation($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { authorization { id } errors { code } } }';
  const grantInput = () => ({
    creditCode: OWN,
    bankCreditCode: bank.creditCode,
    scopes: ['PROFILE'],
    purpose: '并发授权测试',
    validFrom: zoneToday(),
    validUntil: addMonths(zoneToday(), 12),
    signer: '王伟（财务总监）',
  });

  it('leaves one active authorisation when 20 identical grants arrive at once', async () => {
    await sql.query('delete from data_authorization');
    const rep = await app.token(Role.ENTERPRISE_REP, OWN);
    const rows = await race(20, GRANT, { input: grantInput() }, rep, 'grantAuthorization');
    expect(tally(rows)).toEqual({ '[200,[],["DUPLICATE"]]': 19, '[200,[],[]]': 1 });
    expect((await sql.query("select count(*)::int as n from data_authorization where revoked_at is null and purpose = '并发授权测试'")).rows).toEqual([{ n: 1 }]);

    // The rule is per day: one that starts the day after this one ends is taken; one overlapping by a day is not.
    const end = grantInput().validUntil;
    const next = (from: string) => app.http<any, any>(GRANT, { input: { ...grantInput(), validFrom: from, validUntil: addMonths(from, 6) } }, { token: rep });
    expect((await next(end)).data.grantAuthorization.errors).toEqual([{ code: 'DUPLICATE' }]);
    expect((await next(addDays(end, 1))).data.grantAuthorization.errors).toEqual([]);
  });

  it('tries a grant again when PostgreSQL ends it as the victim of a deadlock, and answers it as if nothing had happened', async () => {
    // Two inserts under an exclusion constraint, each waiting for the other's row, are a deadlock: PostgreSQL ends
    // one transaction (40P01). Here another session holds a row overlapping the grant's last day, the grant waits for
    // it, then that session inserts one overlapping the grant's first day: the grant, waiting first, is the victim.
    await sql.query('delete from data_authorization');
    const rep = await app.token(Role.ENTERPRISE_REP, OWN);
    const input = grantInput();
    const before = await events('grantAuthorization');
    const other = new Client({ connectionString: app.orm.config.get('clientUrl') });
    await other.connect();
    const hold = (day: string) =>
      other.query(
        `insert into data_authorization (id, created_at, updated_at, version, enterprise_id, bank_id, scopes, purpose, valid_from, valid_to, signer, granted_by)
         values (gen_random_uuid(), now(), now(), 1, (select id from enterprise where credit_code = $1), (select id from bank where credit_code = $2),
                 '{PROFILE}', $3, $4, $4, '另一会话', 'test')`,
        [OWN, bank.creditCode, input.purpose, day],
      );
    try {
      await other.query('begin');
      await hold(input.validUntil);
      const answer = app.http<any, any>(GRANT, { input }, { token: rep });
      const waiting = async () =>
        (await sql.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like 'insert into \"data_authorization\"%'")).rows[0]!.n;
      for (let i = 0; (await waiting()) === 0; i++) {
        if (i > 500) throw new Error('the grant never waited for the other session');
        await new Promise((r) => setTimeout(r, 10));
      }
      await hold(input.validFrom); // returns once PostgreSQL has ended the grant's first try
      await other.query('rollback');
      const answered = await answer;
      const granted = (await sql.query<{ id: string }>("select id from data_authorization where purpose = '并发授权测试' and revoked_at is null")).rows;
      expect(granted).toHaveLength(1);
      expect(answered).toEqual({ status: 200, data: { grantAuthorization: { authorization: { id: toGlobalId('DataAuthorization', granted[0]!.id) }, errors: [] } } });
    } finally {
      await other.end();
    }
    // One event: the try PostgreSQL ended left nothing, not even its audit event (it was in the same transaction).
    const after = await events('grantAuthorization');
    const n = (rows: { outcome: string; n: string }[], outcome: string) => Number(rows.find((r) => r.outcome === outcome)?.n ?? 0);
    expect(['DONE', 'REFUSED', 'FAILED'].map((o) => n(after, o) - n(before, o))).toEqual([1, 0, 0]);
  });

  it('revokes once when 10 revocations arrive at once; the others are told it is revoked already', async () => {
    await sql.query('delete from data_authorization');
    const rep = await app.token(Role.ENTERPRISE_REP, OWN);
    const granted = await app.http<any, any>(GRANT, { input: grantInput() }, { token: rep });
    const id = granted.data.grantAuthorization.authorization.id as string;
    const rows = await race(10, 'mutation($input: RevokeAuthorizationInput!) { revokeAuthorization(input: $input) { errors { code } } }', { input: { authorizationId: id } }, rep, 'revokeAuthorization');
    // A loser saw it revoked, or lost the race to revoke it: either way it is told so; none fails.
    expect(tally(rows)).toEqual({ '[200,[],["TRANSITION_NOT_ALLOWED"]]': 9, '[200,[],[]]': 1 });
    expect((await sql.query('select count(*)::int as n from data_authorization where revoked_at is not null')).rows).toEqual([{ n: 1 }]);
  });
});
