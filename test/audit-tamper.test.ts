import { Client } from 'pg';
import { Role } from '../src/auth/roles';
import { verifyAuditChain } from '../src/modules/audit/audit.service';
import { workerDatabaseUrl } from './support/database';
import { as, TestApp } from './support/app';
import { enterpriseInput, resetRegistry } from './support/registry';

/**
 * DOMAIN.md: an audit event holds the actor, its organisation, the operation, the enterprise, the purpose, the
 * authorisation, the outcome and the time; hash-chaining makes tampering evident. Each of those columns (and the
 * event's place and link) is changed by hand in turn, past the append-only trigger as a superuser could, and the
 * verifier must name that very event; put back, the chain is intact again.
 */

/** The columns every event's hash covers, written by hand (not read from the trigger or the verifier). */
const HASHED = ['seq', 'at', 'actor_role', 'actor_org', 'operation', 'enterprise_id', 'purpose', 'authorization_id', 'outcome', 'details', 'prev_hash'];

const E1 = '91420100MA9001101N';
const OTHERS = ['91420100MA9001102R', '91420100MA9001103W', '91420100MA90011040', '91420100MA90011053', '91420100MA90011066', '91420100MA90011079', '91420100MA9001108C', '91420100MA9001109F'];
/** 汉口银行 and 招商银行 of the reference data. */
const HANKOU = '9142010010000005X6';
const CMB = '9144030010000004XP';

const FIELDS = 'its fields do not match its hash';
const LINK = 'its link to the event before does not match (an event was changed or removed)';

/** Today in the zone (Asia/Shanghai), YYYY-MM-DD. */
const zoneDate = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

describe('the audit chain names the first event changed by hand', () => {
  let app: TestApp;
  let sql: Client;

  beforeAll(async () => {
    // A database of its own: this file changes events on purpose.
    const url = await workerDatabaseUrl('audit_tamper');
    app = await TestApp.start({ databaseUrl: url });
    await resetRegistry(app.orm);
    sql = new Client({ connectionString: url });
    await sql.connect();
    const admin = as(Role.ZONE_ADMIN);
    const create = `mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { code } } }`;
    // Twelve events: 1, an enterprise; 2, its representative lets 汉口银行 see it; 3–10, eight more enterprises; 11, the
    // bank reads the first (an event with every column filled: organisation, enterprise, purpose, authorisation,
    // details); 12, a refused duplicate. Each event takes two numbers of the sequence (the column default's, then the
    // trigger's), so they are at 2 … 24: past 10, where text order and number order part.
    await app.execute(create, { input: enterpriseInput(E1, '武汉链审计光电有限公司') }, admin);
    const today = zoneDate();
    const granted = await app.execute<{ grantAuthorization: { errors: unknown[] } }, Record<string, unknown>>(
      `mutation($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { errors { code } } }`,
      {
        input: {
          creditCode: E1, bankCreditCode: HANKOU, scopes: ['PROFILE'], purpose: '知识产权质押贷款资格审核',
          validFrom: today, validUntil: `${Number(today.slice(0, 4)) + 1}-01-01`, signer: '王伟（财务总监）',
        },
      },
      as(Role.ENTERPRISE_REP, E1),
    );
    expect(granted.data!.grantAuthorization.errors).toEqual([]);
    for (const [i, code] of OTHERS.entries()) await app.execute(create, { input: enterpriseInput(code, `武汉链审计${i + 2}号有限公司`) }, admin);
    const read = await app.execute(`query($c: CreditCode!) { enterprise(creditCode: $c) { name } }`, { c: E1 }, as(Role.BANK_OFFICER, HANKOU));
    expect(read.data).toEqual({ enterprise: { name: '武汉链审计光电有限公司' } });
    await app.execute(create, { input: enterpriseInput(E1, '重复') }, admin);
  });
  afterAll(async () => {
    await sql.end();
    await app.close();
  });

  const verify = () => verifyAuditChain(app.orm.em.fork());
  /** The hash of the last event, as stored. */
  const head = async () => (await sql.query<{ hash: string }>('select hash from audit_event where seq = 24')).rows[0]!.hash;
  /** Runs `statement` past the append-only trigger (and the chain trigger, which would rewrite an inserted row). */
  async function asSuperuser(statement: string, params: unknown[] = []): Promise<void> {
    await sql.query('alter table audit_event disable trigger audit_event_append_only');
    await sql.query('alter table audit_event disable trigger audit_event_chain');
    try {
      await sql.query(statement, params);
    } finally {
      await sql.query('alter table audit_event enable trigger audit_event_chain');
      await sql.query('alter table audit_event enable trigger audit_event_append_only');
    }
  }

  it('holds the twelve events made above, at 2, 4 … 24, the eleventh (22) with every column filled', async () => {
    const { rows } = await sql.query(
      // The node id a done event records is left out: it is not known in advance.
      `select seq::int, actor_role, actor_org, operation, outcome, purpose, e.credit_code, authorization_id is not null as authorized,
              details - 'record' as details
       from audit_event a left join enterprise e on e.id = a.enterprise_id order by a.seq`,
    );
    const created = (seq: number, code: string) => ({
      seq, actor_role: 'ZONE_ADMIN', actor_org: null, operation: 'createEnterprise', outcome: 'DONE', purpose: null, credit_code: code,
      authorized: false, details: { creditCode: code },
    });
    expect(rows).toEqual([
      created(2, E1),
      {
        seq: 4, actor_role: 'ENTERPRISE_REP', actor_org: E1, operation: 'grantAuthorization', outcome: 'DONE', purpose: null, credit_code: E1,
        authorized: true, details: { creditCode: E1 },
      },
      ...OTHERS.map((code, i) => created(2 * (i + 3), code)),
      {
        seq: 22, actor_role: 'BANK_OFFICER', actor_org: HANKOU, operation: 'enterprise', outcome: 'DONE', purpose: '知识产权质押贷款资格审核',
        credit_code: E1, authorized: true, details: { read: true },
      },
      {
        seq: 24, actor_role: 'ZONE_ADMIN', actor_org: null, operation: 'createEnterprise', outcome: 'REFUSED', purpose: null, credit_code: null,
        authorized: false, details: { creditCode: E1, errors: ['DUPLICATE'] },
      },
    ]);
  });

  it('hashes exactly the columns listed by hand, and keeps nothing else', async () => {
    const { rows } = await sql.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'audit_event' order by column_name`,
    );
    expect(rows.map((r) => r.column_name)).toEqual([...HASHED, 'hash'].sort());
  });

  it('is intact over more than ten events, walked in batches of any size', async () => {
    const last = await head();
    for (const batch of [1, 5, 12, 5000]) {
      expect([batch, await verifyAuditChain(app.orm.em.fork(), batch)]).toEqual([batch, { intact: true, events: 12, head: last }]);
    }
  });

  /** Each hashed column of the eleventh event (22) changed to another plausible value; seq: the last one (24), renumbered. */
  const TAMPERS: [column: string, seq: number, value: string, broken: { firstTampered: string; events: number; reason: string }][] = [
    ['at', 22, `at + interval '1 microsecond'`, { firstTampered: '22', events: 11, reason: FIELDS }],
    ['actor_role', 22, `'ZONE_ADMIN'`, { firstTampered: '22', events: 11, reason: FIELDS }],
    ['actor_org', 22, `'${CMB}'`, { firstTampered: '22', events: 11, reason: FIELDS }],
    ['operation', 22, `'enterprises'`, { firstTampered: '22', events: 11, reason: FIELDS }],
    ['enterprise_id', 22, `(select id from enterprise where credit_code = '${OTHERS[0]}')`, { firstTampered: '22', events: 11, reason: FIELDS }],
    ['purpose', 22, `'营销推广'`, { firstTampered: '22', events: 11, reason: FIELDS }],
    ['authorization_id', 22, `'00000000-0000-4000-8000-000000000000'`, { firstTampered: '22', events: 11, reason: FIELDS }],
    ['outcome', 22, `'DENIED'`, { firstTampered: '22', events: 11, reason: FIELDS }],
    ['details', 22, `'{"read": false}'`, { firstTampered: '22', events: 11, reason: FIELDS }],
    ['prev_hash', 22, `repeat('0', 64)`, { firstTampered: '22', events: 11, reason: LINK }],
    ['hash', 22, `repeat('f', 64)`, { firstTampered: '22', events: 11, reason: FIELDS }],
    ['seq', 24, '25', { firstTampered: '25', events: 12, reason: FIELDS }],
  ];

  it('tampers every hashed column below, and the hash itself', () => {
    expect(TAMPERS.map(([column]) => column).sort()).toEqual([...HASHED, 'hash'].sort());
  });

  it.each(TAMPERS)('names the event whose %s was changed', async (column, seq, value, broken) => {
    const last = await head();
    const valueOf = async (at: number) => (await sql.query<{ v: string | null }>(`select ${column}::text as v from audit_event where seq = $1`, [at])).rows;
    const [{ v: original }] = (await valueOf(seq)) as [{ v: string | null }];
    // Where the event is after the change (only a changed seq moves it).
    const moved = column === 'seq' ? Number(value) : seq;
    await asSuperuser(`update audit_event set ${column} = ${value} where seq = $1`, [seq]);
    try {
      expect((await valueOf(moved)).length).toBe(1);
      expect((await valueOf(moved))[0]!.v).not.toBe(original);
      expect(await verify()).toEqual({ intact: false, ...broken });
    } finally {
      // Put back as it was, to the microsecond (the text of each value, cast back by PostgreSQL).
      await asSuperuser(`update audit_event set ${column} = $1 where seq = $2`, [original, moved]);
    }
    expect(await verify()).toEqual({ intact: true, events: 12, head: last });
  });

  it('names the event after one that was removed', async () => {
    const last = await head();
    const { rows } = await sql.query<{ row: unknown }>('select row_to_json(a) as row from audit_event a where seq = 22');
    await asSuperuser('delete from audit_event where seq = 22');
    try {
      expect(await verify()).toEqual({ intact: false, firstTampered: '24', events: 11, reason: LINK });
    } finally {
      await asSuperuser('insert into audit_event select * from json_populate_record(null::audit_event, $1)', [rows[0]!.row]);
    }
    expect(await verify()).toEqual({ intact: true, events: 12, head: last });
  });
});
