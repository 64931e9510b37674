import { randomUUID } from 'node:crypto';
import { Role } from '../src/auth/roles';
import { fromGlobalId } from '../src/common/global-id';
import {
  pruneReadNotifications,
  runDailySweeps,
  sweepExpiringAuthorizations,
  sweepOverdueProposals,
  sweepProposalsDueSoon,
  sweepStaleCreditFacts,
} from '../src/events/sweeps';
import { BANKS } from '../seeds/reference';
import { as, TestApp } from './support/app';
import { addDays, addMonths, zoneToday } from './support/clock';
import { ASSIGN, CppccFixture, NOTIFICATIONS, REVIEW } from './support/events';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

/**
 * Issue 17 item 2: the daily sweeps, on a clock moved forward (each sweep takes `today`). Replies due within 14 days
 * and overdue, authorizations ending within 30 days, credit facts going stale: each found once, however often the sweep
 * runs (a second run, or a second instance, writes nothing), and told to whom it concerns. Subjects of this file's own.
 */
const admin = as(Role.ZONE_ADMIN);
const office = as(Role.CPPCC_OFFICE);
const RUN = randomUUID().slice(0, 8);
const CODE = testCode(17_101);
const NAME = `武汉巡检生物${RUN}有限公司`;
const HANKOU = BANKS.find((b) => b.key === 'HANKOU')!;

describe('the daily sweeps', () => {
  let app: TestApp;
  let f: CppccFixture;
  let enterpriseId: string;
  const M = { chen: `陈晓东${RUN}` };
  const U = { finance: `武汉市地方金融管理局（${RUN}）` };
  const today = zoneToday();

  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    const created = await app.execute<any, any>('mutation C($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { enterprise { id } errors { code } } }', { input: enterpriseInput(CODE, NAME) }, admin);
    expect(created.data.createEnterprise.errors).toEqual([]);
    enterpriseId = fromGlobalId(created.data.createEnterprise.enterprise.id)!.id;
    f = new CppccFixture(app, RUN);
    await f.setUp(Object.values(M), Object.values(U));
  }, 60_000);
  afterAll(() => app.close());

  /** Runs a sweep as of `day` in a transaction, as the job does. */
  const sweep = (s: typeof sweepOverdueProposals, day: string) => app.orm.em.fork().transactional((tx) => s(tx as never, day));
  const seen = async (viewer = office) =>
    ((await app.execute<any, any>(NOTIFICATIONS, { first: 100 }, viewer)).data.notifications.edges as { node: { kind: string; title: string } }[])
      .map(({ node: { kind, title } }) => ({ kind, title }))
      .filter((n) => n.title.includes(RUN));

  it('finds a reply due within 14 days, then overdue, once each, and tells the lead unit and the office', async () => {
    const subject = `关于巡检逾期提醒的提案${RUN}`;
    const id = await f.submit(M.chen, subject);
    await f.ok(REVIEW, { proposalId: id, decision: { accept: {} } }, office);
    const assigned = await f.ok(ASSIGN, { proposalId: id, leadUnitId: f.unitId(U.finance) }, office);
    const due = assigned.proposal.dueOn as string;
    expect(due).toBe(addMonths(today, 3));
    const uuid = fromGlobalId(id)!.id;
    const ours = async () => (await f.kindsOf('proposal_id', uuid)).filter((k) => k === 'PROPOSAL_DUE_SOON' || k === 'PROPOSAL_OVERDUE');

    await sweep(sweepProposalsDueSoon, addDays(due, -15));
    expect(await ours()).toEqual([]);
    await sweep(sweepProposalsDueSoon, addDays(due, -14));
    await sweep(sweepProposalsDueSoon, addDays(due, -14));
    await sweep(sweepProposalsDueSoon, addDays(due, -3));
    expect(await ours()).toEqual(['PROPOSAL_DUE_SOON']);
    await sweep(sweepOverdueProposals, due);
    expect(await ours()).toEqual(['PROPOSAL_DUE_SOON']);
    // Two instances sweeping the same day at once: one event.
    await Promise.all([sweep(sweepOverdueProposals, addDays(due, 1)), sweep(sweepOverdueProposals, addDays(due, 1))]);
    await sweep(sweepOverdueProposals, addDays(due, 2));
    expect(await ours()).toEqual(['PROPOSAL_DUE_SOON', 'PROPOSAL_OVERDUE']);

    await f.relay();
    expect(await seen(f.unit(U.finance))).toEqual([
      { kind: 'PROPOSAL_OVERDUE', title: `提案答复已逾期（应于${due}前答复）：《${subject}》` },
      { kind: 'PROPOSAL_DUE_SOON', title: `提案将于${due}到期答复：《${subject}》` },
      { kind: 'PROPOSAL_ASSIGNED', title: `交办提案：《${subject}》，请于${due}前答复` },
    ]);
    expect(await seen(office)).toEqual([
      { kind: 'PROPOSAL_OVERDUE', title: `提案答复已逾期（应于${due}前答复）：《${subject}》` },
      { kind: 'PROPOSAL_SUBMITTED', title: `新提交提案：《${subject}》` },
    ]);
    // The proposer is not chased: the reply is the unit's to give.
    expect((await seen(f.member(M.chen))).map((n) => n.kind)).toEqual(['PROPOSAL_ACCEPTED']);
  });

  it('finds an authorization ending within 30 days once, and tells the representative and the bank', async () => {
    const until = addDays(today, 60);
    const granted = await app.execute<any, any>(
      'mutation G($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { authorization { id } errors { code } } }',
      { input: { creditCode: CODE, bankCreditCode: HANKOU.creditCode, scopes: ['PROFILE'], purpose: `到期提醒测试${RUN}`, validFrom: today, validUntil: until, signer: '王伟', paperReference: `授权书-${RUN}` } },
      admin,
    );
    expect(granted.data.grantAuthorization.errors).toEqual([]);
    const uuid = fromGlobalId(granted.data.grantAuthorization.authorization.id)!.id;
    await sweep(sweepExpiringAuthorizations, addDays(until, -31));
    expect(await f.kindsOf('authorization_id', uuid)).toEqual(['AUTHORIZATION_GRANTED']);
    await sweep(sweepExpiringAuthorizations, addDays(until, -30));
    await sweep(sweepExpiringAuthorizations, addDays(until, -29));
    expect(await f.kindsOf('authorization_id', uuid)).toEqual(['AUTHORIZATION_GRANTED', 'AUTHORIZATION_EXPIRING']);
    await f.relay();
    const expiring = { kind: 'AUTHORIZATION_EXPIRING', title: `${NAME}对${HANKOU.name}的数据授权将于${until}到期` };
    for (const viewer of [as(Role.ENTERPRISE_REP, CODE), as(Role.BANK_OFFICER, HANKOU.creditCode)]) {
      expect((await seen(viewer)).filter((n) => n.kind === 'AUTHORIZATION_EXPIRING')).toEqual([expiring]);
    }
  });

  it('finds a credit rating and a dishonest-debtor check going stale once each, and tells the zone’s administrators', async () => {
    const ratingEnds = addDays(today, 100);
    await f.sql(`insert into credit_rating_record (id, enterprise_id, rating, agency, rated_on, valid_until) values (?, ?, 'AA', '武汉东湖信用评级有限公司', ?, ?)`, [
      randomUUID(),
      enterpriseId,
      today,
      ratingEnds,
    ]);
    await f.sql(`insert into dishonest_debtor_check (id, enterprise_id, checked_on, listed, source) values (?, ?, ?, false, '信用中国')`, [randomUUID(), enterpriseId, today]);
    // The strictest maximum age of the rules in force: the programmes' 365 days.
    const checkStale = addDays(today, 365);
    const kinds = async () => (await f.sql<{ facts: string }>(`select payload->>'facts' as facts from outbox_event where enterprise_id = ? and kind = 'CREDIT_FACTS_STALE' order by seq`, [enterpriseId])).map((r) => r.facts);
    await sweep(sweepStaleCreditFacts, addDays(ratingEnds, -31));
    expect(await kinds()).toEqual([]);
    await sweep(sweepStaleCreditFacts, addDays(ratingEnds, -30));
    await sweep(sweepStaleCreditFacts, addDays(ratingEnds, -1));
    expect(await kinds()).toEqual(['["CREDIT_RATING"]']);
    await sweep(sweepStaleCreditFacts, addDays(checkStale, -10));
    await sweep(sweepStaleCreditFacts, addDays(checkStale, -10));
    expect(await kinds()).toEqual(['["CREDIT_RATING"]', '["DISHONEST_DEBTOR_CHECK"]']);
    await f.relay();
    expect((await seen(admin)).filter((n) => n.kind === 'CREDIT_FACTS_STALE')).toEqual([
      { kind: 'CREDIT_FACTS_STALE', title: `${NAME}的失信被执行人查询将于${checkStale}失效，届时资格判断将为“未知”` },
      { kind: 'CREDIT_FACTS_STALE', title: `${NAME}的信用评级将于${ratingEnds}失效，届时资格判断将为“未知”` },
    ]);
    // Nobody else is told of credit standing (the zone's and the enterprise's business; the enterprise is not chased here).
    expect(await seen(as(Role.ENTERPRISE_REP, CODE)).then((l) => l.filter((n) => n.kind === 'CREDIT_FACTS_STALE'))).toEqual([]);
  });

  it('runs every sweep as the daily job does; a second run writes nothing', async () => {
    const day = addDays(today, 400);
    await runDailySweeps(app.orm.em.fork(), day);
    expect(await runDailySweeps(app.orm.em.fork(), day)).toEqual({ overdueProposals: 0, proposalsDueSoon: 0, expiringAuthorizations: 0, staleCreditFacts: 0 });
  });

  it('deletes notifications read more than the retention period ago, and keeps the unread however old', async () => {
    // Subjects of a tag of their own (not RUN): the other tests' `seen` reads the office's notifications naming RUN.
    const tag = randomUUID().slice(0, 8);
    const subjects = ['读于四百天前', '读于十天前', '未读已五百天'].map((s) => `关于通知保留${s}的提案${tag}`);
    for (const subject of subjects) await f.submit(M.chen, subject);
    await f.relay();
    const mine = () =>
      app.orm.em.fork().execute<{ title: string; read_at: Date | null }[]>(
        `select e.payload->>'title' as title, n.read_at from notification n join outbox_event e on e.id = n.event_id
         where n.recipient_role = 'CPPCC_OFFICE' and e.payload->>'title' = any(?::text[])`,
        [`{${subjects.join(',')}}`],
      ).then((rows) => rows.sort((a, b) => (a.title < b.title ? -1 : 1)));
    expect((await mine()).map((n) => n.title)).toEqual([...subjects].sort());
    const set = (subject: string, readAt: string | null, createdAt: string) =>
      app.orm.em.fork().execute(
        `update notification n set read_at = ?::timestamptz, created_at = ?::timestamptz from outbox_event e
         where e.id = n.event_id and n.recipient_role = 'CPPCC_OFFICE' and e.payload->>'title' = ?`,
        [readAt, createdAt, subject],
      );
    await set(subjects[0]!, `${addDays(today, -400)}T10:00:00+08:00`, `${addDays(today, -401)}T10:00:00+08:00`);
    await set(subjects[1]!, `${addDays(today, -10)}T10:00:00+08:00`, `${addDays(today, -500)}T10:00:00+08:00`);
    await set(subjects[2]!, null, `${addDays(today, -500)}T10:00:00+08:00`);

    expect(await pruneReadNotifications(app.orm.em.fork(), today, 0)).toBe(0);
    expect((await mine()).length).toBe(3);
    await pruneReadNotifications(app.orm.em.fork(), today, 365);
    expect((await mine()).map((n) => ({ title: n.title, read: n.read_at !== null }))).toEqual(
      [
        { title: subjects[1]!, read: true },
        { title: subjects[2]!, read: false },
      ].sort((a, b) => (a.title < b.title ? -1 : 1)),
    );
    // The events stay: the record of what happened.
    const [events] = await app.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from outbox_event where payload->>'title' = any(?::text[])`, [`{${subjects.join(',')}}`]);
    expect(events!.n).toBe('3');
  });
});

