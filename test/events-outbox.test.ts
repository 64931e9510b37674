import { randomUUID } from 'node:crypto';
import { Role } from '../src/auth/roles';
import { fromGlobalId } from '../src/common/global-id';
import { jobQueueGauges, startJobs } from '../src/events/jobs';
import { Metrics } from '../src/metrics';
import { InMemoryEventPublisher, type RelayedEvent } from '../src/events/publisher';
import { relayPending } from '../src/events/relay';
import { BANKS } from '../seeds/reference';
import { as, TestApp } from './support/app';
import { addMonths, zoneToday } from './support/clock';
import { CppccFixture, NOTIFICATIONS, REVIEW, SUBMIT } from './support/events';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

/**
 * Issue 17 items 1 and 2: the outbox is written in the transaction of the change it announces, so a refused or failed
 * mutation announces nothing; the relay delivers each event once however many relays run at the same time; the jobs
 * (pg-boss, and the relay woken at commit) deliver without being called; authorizations and imports are announced to
 * whom they concern.
 */
const admin = as(Role.ZONE_ADMIN);
const office = as(Role.CPPCC_OFFICE);
const RUN = randomUUID().slice(0, 8);
const CODE = testCode(17_001);
const rep = as(Role.ENTERPRISE_REP, CODE);
const HANKOU = BANKS.find((b) => b.key === 'HANKOU')!;
const bank = as(Role.BANK_OFFICER, HANKOU.creditCode);

const GRANT = 'mutation G($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { authorization { id } errors { code } } }';
const REVOKE = 'mutation V($input: RevokeAuthorizationInput!) { revokeAuthorization(input: $input) { authorization { id } errors { code } } }';

describe('the outbox and its relay', () => {
  let app: TestApp;
  let f: CppccFixture;
  const M = { chen: `陈晓东${RUN}` };

  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    const created = await app.execute<any, any>('mutation C($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { code } } }', { input: enterpriseInput(CODE, `武汉事件光电${RUN}有限公司`) }, admin);
    expect(created.data.createEnterprise.errors).toEqual([]);
    f = new CppccFixture(app, RUN);
    await f.setUp(Object.values(M), []);
  }, 60_000);
  afterAll(() => app.close());

  const titles = async (viewer = office) =>
    ((await app.execute<any, any>(NOTIFICATIONS, { first: 100 }, viewer)).data.notifications.edges as { node: { kind: string; title: string; subjectId: string | null } }[])
      .map(({ node: { kind, title, subjectId } }) => ({ kind, title, subjectId }))
      .filter((n) => n.title.includes(RUN));

  it('writes no event for a refused mutation, nor for one that fails after its flush', async () => {
    const d = await f.draft(M.chen, `关于拒绝与失败不留事件的提案${RUN}`);
    const uuid = fromGlobalId(d.id)!.id;
    // Refused as data: a stale version (the flush is not even tried) ...
    const stale = await app.execute<any, any>(SUBMIT, { input: { proposalId: d.id, version: d.version + 5 } }, f.member(M.chen));
    expect(stale.data.submitProposal.errors.map((e: any) => e.code)).toEqual(['STALE_VERSION']);
    // ... and a review by the wrong role.
    const wrong = await app.execute<any, any>(REVIEW, { input: { proposalId: d.id, decision: { accept: {} } } }, f.member(M.chen));
    expect(wrong.data.reviewProposal.errors.map((e: any) => e.code)).toEqual(['NOT_PERMITTED']);
    expect(await f.kindsOf('proposal_id', uuid)).toEqual([]);
    // Failing after its flush: the audit event, written after the step and its outbox row, is refused by the database.
    const sql = await app.sql();
    await sql.query(`create or replace function events_test_fail() returns trigger language plpgsql as $$
      begin if new.operation = 'submitProposal' and new.actor_org = '${f.member(M.chen).organisation}' then raise exception 'injected failure'; end if; return new; end $$`);
    await sql.query('create trigger events_test_fail before insert on audit_event for each row execute function events_test_fail()');
    try {
      const failed = await app.execute<any, any>(SUBMIT, { input: { proposalId: d.id, version: d.version } }, f.member(M.chen));
      expect(failed.errors?.map((e) => e.extensions?.['code'])).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      await sql.query('drop trigger events_test_fail on audit_event');
      await sql.query('drop function events_test_fail()');
    }
    expect(await f.kindsOf('proposal_id', uuid)).toEqual([]);
    const status = await f.sql<{ status: string }>('select status from proposal where id = ?', [uuid]);
    expect(status).toEqual([{ status: 'DRAFT' }]);
    // Done, it is announced.
    await f.ok(SUBMIT, { proposalId: d.id, version: d.version }, f.member(M.chen));
    expect(await f.kindsOf('proposal_id', uuid)).toEqual(['PROPOSAL_SUBMITTED']);
  });

  it('relays each event once when two relays run at the same time', async () => {
    const subjects = [1, 2, 3, 4, 5].map((n) => `关于并发转发第${n}件的提案${RUN}`);
    for (const s of subjects) await f.submit(M.chen, s);
    const seen: RelayedEvent[][] = [[], []];
    const publishers = seen.map((list) => Object.assign(new InMemoryEventPublisher(), {}).on('event', (e: RelayedEvent) => list.push(e)) as InMemoryEventPublisher);
    const counts = await Promise.all(publishers.map((p) => relayPending(app.orm.em.fork(), p)));
    const ours = seen.map((list) => list.filter((e) => subjects.includes(e.payload.title!)));
    // Every event of ours published once, by one relay or the other; the counts add up.
    expect(ours.flat().map((e) => e.payload.title).sort()).toEqual([...subjects].sort());
    expect(counts[0]! + counts[1]!).toBe(seen[0]!.length + seen[1]!.length);
    expect(ours.flat()[0]).toEqual({
      id: expect.any(String),
      seq: expect.stringMatching(/^\d+$/),
      kind: 'PROPOSAL_SUBMITTED',
      subject: { type: 'PROPOSAL', id: expect.any(String) },
      occurredAt: expect.anything(),
      payload: { title: expect.any(String), proposerIds: [f.ids[M.chen]], unitIds: [], date: null, detail: null },
      recipients: [{ role: 'CPPCC_OFFICE', org: null, account: null }],
    });
    // One notification each for the office.
    const told = (await titles()).filter((n) => n.title.includes('并发转发'));
    expect(told.map((n) => n.title).sort()).toEqual(subjects.map((s) => `新提交提案：《${s}》`).sort());
  });

  it('announces a granted and a revoked authorization to the representative and the bank, linking it while the bank may see it', async () => {
    const today = zoneToday();
    const input = { creditCode: CODE, bankCreditCode: HANKOU.creditCode, scopes: ['PROFILE'], purpose: `授权通知测试${RUN}`, validFrom: today, validUntil: addMonths(today, 12), signer: '王伟', paperReference: `授权书-${RUN}` };
    const granted = await app.execute<any, any>(GRANT, { input }, admin);
    expect(granted.data.grantAuthorization.errors).toEqual([]);
    const id = granted.data.grantAuthorization.authorization.id as string;
    await f.relay();
    const name = `武汉事件光电${RUN}有限公司`;
    const grantedNote = { kind: 'AUTHORIZATION_GRANTED', title: `${name}已向${HANKOU.name}授权查询数据`, subjectId: id };
    // The representative's notifications about this bank (the paper import test, in any order, grants to another).
    const repTitles = async () => (await titles(rep)).filter((n) => n.title.includes(HANKOU.name));
    expect(await repTitles()).toEqual([grantedNote]);
    expect(await titles(bank)).toEqual([grantedNote]);
    // A bank no test of this file grants to is told nothing.
    expect(await titles(as(Role.BANK_OFFICER, BANKS.find((b) => b.key !== 'HANKOU' && b.key !== 'CMB')!.creditCode))).toEqual([]);
    const revoked = await app.execute<any, any>(REVOKE, { input: { authorizationId: id } }, rep);
    expect(revoked.data.revokeAuthorization.errors).toEqual([]);
    await f.relay();
    const revokedTitle = `${name}已撤销对${HANKOU.name}的数据授权`;
    expect(await repTitles()).toEqual([{ kind: 'AUTHORIZATION_REVOKED', title: revokedTitle, subjectId: id }, grantedNote]);
    // The bank no longer sees the enterprise, so neither the authorization: no link, in either notification.
    expect(await titles(bank)).toEqual([
      { kind: 'AUTHORIZATION_REVOKED', title: revokedTitle, subjectId: null },
      { ...grantedNote, subjectId: null },
    ]);
  });

  it('announces the end of an import to the administrator who ran it', async () => {
    const fileName = `信用评级${RUN}.csv`;
    const csv = Buffer.from(`\ufeff统一社会信用代码,信用等级,评级机构,评级日期\r\n${CODE},AA,武汉东湖信用评级有限公司,${zoneToday()}\r\n`, 'utf8');
    const result = await app.execute<any, any>(
      'mutation I($input: ImportRecordsInput!) { importRecords(input: $input) { import { id status } errors { code } } }',
      { input: { kind: 'CREDIT_RATINGS', fileName, content: csv.toString('base64'), isDryRun: false } },
      admin,
    );
    expect(result.data.importRecords).toEqual({ import: { id: expect.any(String), status: 'SUCCEEDED' }, errors: [] });
    await f.relay();
    // This import's (the paper import test, in any order, announces its own).
    expect((await titles(admin)).filter((n) => n.title.includes(fileName))).toEqual([{ kind: 'IMPORT_FINISHED', title: `导入完成：${fileName}`, subjectId: result.data.importRecords.import.id }]);
  });

  it('announces authorizations recorded from paper by an import as granted ones', async () => {
    const cmb = BANKS.find((b) => b.key === 'CMB')!;
    const today = zoneToday();
    const until = addMonths(today, 6);
    const csv = Buffer.from(
      `\ufeff统一社会信用代码,被授权银行,授权范围,用途,生效日期,截止日期,签字人,授权书编号\r\n${CODE},${cmb.creditCode},基本信息,纸质授权通知${RUN},${today},${until},王伟,纸质-${RUN}\r\n`,
      'utf8',
    );
    const result = await app.execute<any, any>(
      'mutation I($input: ImportRecordsInput!) { importRecords(input: $input) { import { status } errors { code } } }',
      { input: { kind: 'PAPER_AUTHORIZATIONS', fileName: `授权书${RUN}.csv`, content: csv.toString('base64'), isDryRun: false } },
      admin,
    );
    expect(result.data.importRecords).toEqual({ import: { status: 'SUCCEEDED' }, errors: [] });
    await f.relay();
    const told = { kind: 'AUTHORIZATION_GRANTED', title: `武汉事件光电${RUN}有限公司已向${cmb.name}授权查询数据`, subjectId: expect.any(String) };
    expect(await titles(as(Role.BANK_OFFICER, cmb.creditCode))).toEqual([told]);
    expect((await titles(rep)).filter((n) => n.title.includes(cmb.name))).toEqual([told]);
  });

  it('delivers without being called once the jobs run: the relay is woken by the commit', async () => {
    const publisher = new InMemoryEventPublisher();
    const url = app.orm.config.get('clientUrl')!;
    const jobs = await startJobs({ config: { jobs: { enabled: true, sweepCron: '0 2 * * *', notificationRetentionDays: 365 } }, orm: app.orm, ownerUrl: url, listenUrl: url, publisher, log: (await import('pino')).default({ level: 'silent' }) });
    try {
      const subject = `关于事件即时送达的提案${RUN}`;
      const delivered = new Promise<RelayedEvent>((resolve) => publisher.on('event', (e: RelayedEvent) => e.payload.title === subject && resolve(e)));
      const started = Date.now();
      await f.submit(M.chen, subject);
      const event = await delivered;
      expect([event.kind, Date.now() - started < 5_000]).toEqual(['PROPOSAL_SUBMITTED', true]);
      expect((await titles()).filter((n) => n.title.includes('即时送达'))).toEqual([{ kind: 'PROPOSAL_SUBMITTED', title: `新提交提案：《${subject}》`, subjectId: expect.any(String) }]);
      // pg-boss holds both schedules, in the zone's time.
      const schedules = await f.sql<{ name: string; cron: string; timezone: string }>('select name, cron, timezone from pgboss.schedule order by name');
      expect(schedules).toEqual([
        { name: 'daily-sweeps', cron: '0 2 * * *', timezone: 'Asia/Shanghai' },
        { name: 'outbox-relay', cron: '* * * * *', timezone: 'Asia/Shanghai' },
      ]);
      // GET /metrics reads each queue's depth from pg-boss at the scrape (jobs waiting for a worker: none left here).
      const metrics = new Metrics({ maxOperationNames: 10 });
      jobQueueGauges(metrics, jobs);
      const depth = (await metrics.registry.getSingleMetric('innozone_job_queue_depth')!.get()).values.map((v) => [v.labels['queue'], Number.isInteger(v.value) && v.value >= 0]);
      expect(depth.sort()).toEqual([['daily-sweeps', true], ['outbox-relay', true], ['webhook-delivery', true]]);
    } finally {
      await jobs.stop(5_000);
    }
  }, 60_000);
});
