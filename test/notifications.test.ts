import { randomUUID } from 'node:crypto';
import { Role } from '../src/auth/roles';
import type { Viewer } from '../src/auth/viewer';
import { toGlobalId } from '../src/common/global-id';
import { as, TestApp } from './support/app';
import { addMonths, zoneToday } from './support/clock';
import { ASSIGN, CppccFixture, MARK_READ, NOTIFICATIONS, RATE, REPLY, REVIEW } from './support/events';

/**
 * Issue 17 item 4: notifications through GraphQL. A proposal from submission to rating tells exactly whom it should,
 * in Chinese (English on request); notifications page, filter unread and are marked read, another's id being
 * NOT_FOUND as an unknown one. Members and units of this run only, so their notifications are this file's; the
 * office's (every office viewer's) are told apart by the run's mark in their titles.
 */
const office = as(Role.CPPCC_OFFICE);
const RUN = randomUUID().slice(0, 8);

describe('notifications', () => {
  let app: TestApp;
  let f: CppccFixture;
  const M = { chen: `陈晓东${RUN}`, liu: `刘慧敏${RUN}` };
  const U = { finance: `武汉市地方金融管理局（${RUN}）`, science: `武汉市科学技术局（${RUN}）` };

  beforeAll(async () => {
    app = await TestApp.start();
    f = new CppccFixture(app, RUN);
    await f.setUp(Object.values(M), Object.values(U));
  }, 60_000);
  afterAll(() => app.close());

  type Seen = { kind: string; title: string; isRead: boolean; subjectId: string | null };
  async function seen(viewer: Viewer, extra: Record<string, unknown> = {}): Promise<Seen[]> {
    const r = await app.execute<any, any>(NOTIFICATIONS, { first: 100, ...extra }, viewer);
    expect(r.errors).toBeUndefined();
    return r.data.notifications.edges.map((e: any) => ({ kind: e.node.kind, title: e.node.title, isRead: e.node.isRead, subjectId: e.node.subjectId }));
  }
  const mine = (list: Seen[], mark: string) => list.filter((n) => n.title.includes(mark));

  /** A proposal of this run taken from submission through assignment, a reply and its rating. */
  async function handled(subject: string): Promise<string> {
    const id = await f.submit(M.chen, subject, [M.liu]);
    await f.ok(REVIEW, { proposalId: id, decision: { accept: {} } }, office);
    await f.ok(ASSIGN, { proposalId: id, leadUnitId: f.unitId(U.finance), coHandlerIds: [f.unitId(U.science)] }, office);
    const replied = await f.ok(REPLY, { proposalId: id, category: 'RESOLVED_OR_ADOPTED', text: '已出台专项政策。', signedBy: '张明', publication: 'PUBLIC' }, f.unit(U.finance));
    await f.ok(RATE, { replyId: replied.proposal.answer.id, rating: 'SATISFIED' }, f.member(M.chen));
    return id;
  }

  it('tells each recipient of a proposal’s steps, from submission to rating, exactly once, in Chinese', async () => {
    const subject = `关于完善科技企业首贷续贷支持政策的提案${RUN}`;
    const id = await handled(subject);
    const uuid = (await f.sql<{ id: string }>('select id from proposal where subject = ?', [subject]))[0]!.id;
    expect(await f.kindsOf('proposal_id', uuid)).toEqual(['PROPOSAL_SUBMITTED', 'PROPOSAL_ACCEPTED', 'PROPOSAL_ASSIGNED', 'PROPOSAL_REPLIED', 'PROPOSAL_RATED']);
    await f.relay();
    const due = addMonths(zoneToday(), 3);
    const proposer = [
      { kind: 'PROPOSAL_REPLIED', title: `提案已答复：《${subject}》`, isRead: false, subjectId: id },
      { kind: 'PROPOSAL_ACCEPTED', title: `提案已立案：《${subject}》`, isRead: false, subjectId: id },
    ];
    expect(await seen(f.member(M.chen))).toEqual(proposer);
    expect(await seen(f.member(M.liu))).toEqual(proposer);
    expect(await seen(f.unit(U.finance))).toEqual([
      { kind: 'PROPOSAL_RATED', title: `答复已测评：《${subject}》`, isRead: false, subjectId: id },
      { kind: 'PROPOSAL_ASSIGNED', title: `交办提案：《${subject}》，请于${due}前答复`, isRead: false, subjectId: id },
    ]);
    expect(await seen(f.unit(U.science))).toEqual([{ kind: 'PROPOSAL_ASSIGNED', title: `交办提案：《${subject}》，请于${due}前答复`, isRead: false, subjectId: id }]);
    expect(mine(await seen(office), subject)).toEqual([{ kind: 'PROPOSAL_SUBMITTED', title: `新提交提案：《${subject}》`, isRead: false, subjectId: id }]);
    // Nobody else: the zone's administrators, a bank, a representative are told nothing of it.
    for (const other of [as(Role.ZONE_ADMIN), as(Role.BANK_OFFICER, '914403001922038216'), as(Role.ENTERPRISE_REP, '914403001922038216')]) {
      expect(mine(await seen(other), subject)).toEqual([]);
    }
    // In English on request.
    const english = await app.execute<any, any>('query { notifications(first: 1) { nodes { title(language: ENGLISH) } } }', {}, f.member(M.liu));
    expect(english.data.notifications.nodes).toEqual([{ title: `Proposal replied to: ${subject}` }]);
    // Relayed once: a second relay finds nothing of it.
    await f.relay();
    expect(await seen(f.member(M.liu))).toEqual(proposer);
  });

  it('pages newest first, counts, filters unread and marks read; another’s notification is NOT_FOUND as an unknown one', async () => {
    // A member of its own, so the list is this test's alone.
    const [solo, other] = [`周国平${RUN}`, `王立新${RUN}`];
    await f.setUp([solo, other], []);
    const subjects = [1, 2, 3].map((n) => `关于第${n}项科技金融改革的提案${RUN}`);
    for (const s of subjects) {
      const id = await f.submit(solo, s);
      await f.ok(REVIEW, { proposalId: id, decision: { accept: {} } }, office);
    }
    await f.relay();
    const viewer = f.member(solo);
    const page1 = await app.execute<any, any>(NOTIFICATIONS, { first: 2 }, viewer);
    expect(page1.data.notifications.totalCount).toBe(3);
    expect(page1.data.notifications.edges.map((e: any) => e.node.title)).toEqual([`提案已立案：《${subjects[2]}》`, `提案已立案：《${subjects[1]}》`]);
    expect(page1.data.notifications.nodes).toEqual(page1.data.notifications.edges.map((e: any) => ({ id: e.node.id })));
    expect(page1.data.notifications.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const page2 = await app.execute<any, any>(NOTIFICATIONS, { first: 2, after: page1.data.notifications.pageInfo.endCursor }, viewer);
    expect(page2.data.notifications.edges.map((e: any) => e.node.title)).toEqual([`提案已立案：《${subjects[0]}》`]);
    expect(page2.data.notifications.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const [newest, middle] = page1.data.notifications.edges.map((e: any) => e.node.id as string);
    const marked = await app.execute<any, any>(MARK_READ, { input: { ids: [newest, middle] } }, viewer);
    expect(marked.data.markNotificationsRead).toEqual({
      notifications: [
        { id: newest, kind: 'PROPOSAL_ACCEPTED', isRead: true },
        { id: middle, kind: 'PROPOSAL_ACCEPTED', isRead: true },
      ],
      errors: [],
    });
    const unread = await app.execute<any, any>(NOTIFICATIONS, { first: 10, unreadOnly: true }, viewer);
    expect([unread.data.notifications.totalCount, unread.data.notifications.edges.map((e: any) => e.node.title)]).toEqual([1, [`提案已立案：《${subjects[0]}》`]]);
    const read = (await app.execute<any, any>(NOTIFICATIONS, { first: 1 }, viewer)).data.notifications.edges[0].node;
    expect([read.isRead, read.readAt !== null]).toEqual([true, true]);

    // Another member's id, and an id of nothing: the same NOT_FOUND, and nothing is marked.
    const oldest = page2.data.notifications.edges[0].node.id as string;
    const unknown = `NTF_${Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url')}`;
    const refused = await app.execute<any, any>(MARK_READ, { input: { ids: [oldest, unknown, 'PRO_nonsense'] } }, f.member(other));
    expect(refused.data.markNotificationsRead).toEqual({
      notifications: null,
      errors: [0, 1, 2].map((i) => ({ __typename: 'NotFoundError', code: 'NOT_FOUND', field: `input.ids.${i}`, message: 'No such notification.' })),
    });
    expect((await app.execute<any, any>(NOTIFICATIONS, { first: 10, unreadOnly: true }, viewer)).data.notifications.totalCount).toBe(1);
    // Audited, as every mutation: done by the member, refused for the other.
    const trail = await f.sql<{ actor_org: string; outcome: string }>(
      `select actor_org, outcome from audit_event where operation = 'markNotificationsRead' and actor_org in (?, ?) order by seq`,
      [toGlobalId('CppccMember', f.ids[solo]!), toGlobalId('CppccMember', f.ids[other]!)],
    );
    expect(trail).toEqual([
      { actor_org: toGlobalId('CppccMember', f.ids[solo]!), outcome: 'DONE' },
      { actor_org: toGlobalId('CppccMember', f.ids[other]!), outcome: 'REFUSED' },
    ]);
  });

  it('reads a page of notifications in a bounded number of statements, however many there are', async () => {
    const reader = `郑志刚${RUN}`;
    await f.setUp([reader], []);
    for (let n = 1; n <= 6; n++) {
      const id = await f.submit(reader, `关于第${n}项知识产权质押融资改革的提案${RUN}`);
      await f.ok(REVIEW, { proposalId: id, decision: { accept: {} } }, office);
    }
    await f.relay();
    const count = async (first: number) =>
      (await app.countStatements(() => app.execute<any, any>(NOTIFICATIONS, { first }, f.member(reader)))).statements;
    // The page and its count: two statements (the viewer's organization is resolved without one).
    expect([await count(1), await count(6)]).toEqual([2, 2]);
  });
});
