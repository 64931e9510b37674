import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { Role } from '../src/auth/roles';
import { projectPath } from '../src/project';
import { AuditEventsDocument, CreateEnterpriseDocument } from './support/generated/graphql';
import { workerDatabaseUrl } from './support/database';
import { as, TestApp } from './support/app';
import { ADMIN_ACTOR } from './support/actors';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

const admin = as(Role.ZONE_ADMIN);

describe('the audit trail', () => {
  let app: TestApp;
  let url: string;
  let sql: Client;
  beforeAll(async () => {
    // A database of its own: this file tampers with the chain on purpose.
    url = await workerDatabaseUrl('audit');
    app = await TestApp.start({ databaseUrl: url });
    await resetRegistry(app.orm);
    sql = new Client({ connectionString: url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await app.close();
  });

  const verify = () =>
    promisify(execFile)(process.execPath, [projectPath('dist', 'src', 'cli', 'audit-verify.js')], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
    }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (err: { code: number; stdout: string }) => ({ code: err.code, stdout: err.stdout }),
    );

  const code = testCode(401);
  /** Three events (done, refused, denied), written once by whichever test needs them first. */
  let written: Promise<void> | undefined;
  const threeEvents = () =>
    (written ??= (async () => {
      await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(code, '武汉审计测试有限公司') }, admin);
      await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(code, '重复') }, admin);
      await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(testCode(402), '银行不可') }, as(Role.BANK_OFFICER, code));
    })());

  it('records every mutation with its outcome, including refused and forbidden ones', async () => {
    await threeEvents();
    const { data } = await app.execute(AuditEventsDocument, { filter: { operation: 'createEnterprise' } }, admin);
    expect(data!.auditEvents).toEqual({
      totalCount: 3,
      edges: [
        { node: { actor: { role: 'BANK_OFFICER', name: 'A bank', organization: null }, operation: 'createEnterprise', outcome: 'DENIED', enterprise: null } },
        { node: { actor: ADMIN_ACTOR, operation: 'createEnterprise', outcome: 'REFUSED', enterprise: null } },
        { node: { actor: ADMIN_ACTOR, operation: 'createEnterprise', outcome: 'DONE', enterprise: { creditCode: code } } },
      ],
    });
    const byEnterprise = await app.execute(AuditEventsDocument, { filter: { creditCode: code } }, admin);
    expect(byEnterprise.data!.auditEvents.totalCount).toBe(1);

    // The enterprise's representative sees the events concerning it, and no others.
    const own = await app.execute(AuditEventsDocument, {}, as(Role.ENTERPRISE_REP, code));
    expect(own.data!.auditEvents).toEqual({
      totalCount: 1,
      edges: [{ node: { actor: ADMIN_ACTOR, operation: 'createEnterprise', outcome: 'DONE', enterprise: { creditCode: code } } }],
    });
    const others = await app.execute(AuditEventsDocument, { filter: { creditCode: testCode(402) } }, as(Role.ENTERPRISE_REP, code));
    expect(others.data!.auditEvents).toEqual({ totalCount: 0, edges: [] });
  });

  it('is append-only in PostgreSQL itself: UPDATE, DELETE and TRUNCATE are refused', async () => {
    await threeEvents(); // row triggers fire only on rows
    await expect(sql.query(`update audit_event set outcome = 'DONE'`)).rejects.toThrow('audit_event is append-only: UPDATE is refused');
    await expect(sql.query('delete from audit_event')).rejects.toThrow('audit_event is append-only: DELETE is refused');
    await expect(sql.query('truncate audit_event')).rejects.toThrow('audit_event is append-only: TRUNCATE is refused');
  });

  it('chains the events so that npm run audit:verify names the first one changed by hand', async () => {
    await threeEvents();
    const intact = await verify();
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/^audit chain intact: 3 events, head [0-9a-f]{64}\n/);

    const { rows } = await sql.query<{ seq: string }>(`select seq::text from audit_event where outcome = 'REFUSED'`);
    // A superuser can get past the trigger; the chain still tells.
    await sql.query('alter table audit_event disable trigger audit_event_append_only');
    await sql.query(`update audit_event set outcome = 'DONE' where seq = $1`, [rows[0]!.seq]);
    await sql.query('alter table audit_event enable trigger audit_event_append_only');

    const broken = await verify();
    const position = (await sql.query<{ n: string }>('select count(*) as n from audit_event where seq <= $1', [rows[0]!.seq])).rows[0]!.n;
    expect(broken).toEqual({
      code: 1,
      stdout: `audit chain broken at event ${rows[0]!.seq}: its fields do not match its hash (${position} events read)\n`,
    });

    // Put back as it was, the chain is whole again (and the other tests read the trail as written).
    await sql.query('alter table audit_event disable trigger audit_event_append_only');
    await sql.query(`update audit_event set outcome = 'REFUSED' where seq = $1`, [rows[0]!.seq]);
    await sql.query('alter table audit_event enable trigger audit_event_append_only');
    expect((await verify()).code).toBe(0);
  });
});
