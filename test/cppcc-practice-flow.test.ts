import { randomUUID } from 'node:crypto';
import { Role } from '../src/auth/roles';
import type { Viewer } from '../src/auth/viewer';
import { fromGlobalId, toGlobalId } from '../src/common/global-id';
import {
  DecideExtensionDocument,
  FilePolicyRequestDocument,
  PracticeAssignDocument,
  PracticeDraftDocument,
  PracticeProposalDocument,
  PracticeProposalsDocument,
  PracticeReplyDocument,
  PracticeReviewDocument,
  PracticeSubmitDocument,
  type ProposalPracticeFieldsFragment,
  RequestExtensionDocument,
  ReturnProposalDocument,
  SuperviseProposalDocument,
  WithdrawProposalDocument,
} from './support/generated/graphql';
import { as, TestApp } from './support/app';
import { addDays, addMonths, zoneToday } from './support/clock';

/**
 * Issue 16, part A1: CPPCC handling as practised. Proposal numbers (提案号, at 立案) and sessions (届次, 次会议),
 * withdrawal (撤案), return by the lead unit (退办) within PROPOSAL_RETURN_DAYS, extensions (延期) the office decides,
 * supervised key proposals (重点提案督办), the reply's signer and publication, and the national rejection grounds.
 * Its own committee members and units (names unique to this run), so it depends on no other file's data.
 */
const office = as(Role.CPPCC_OFFICE);
const admin = as(Role.ZONE_ADMIN);
const RUN = randomUUID().slice(0, 8);

describe('CPPCC handling as practised', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};
  const member = (name: string): Viewer => as(Role.CPPCC_MEMBER, toGlobalId('CppccMember', ids[name]!));
  const unitId = (name: string) => toGlobalId('HandlingUnit', ids[name]!);
  const unit = (name: string): Viewer => as(Role.HANDLING_UNIT, unitId(name));
  /** Unit names of this run: a real bureau's name, marked with the run so no other file's unit has it. */
  const U = { finance: `武汉市地方金融管理局（${RUN}）`, science: `武汉市科学技术局（${RUN}）`, tax: `国家税务总局武汉市税务局（${RUN}）` };
  const sql = <T>(q: string, p: unknown[] = []) => app.orm.em.fork().execute<T[]>(q, p);

  beforeAll(async () => {
    app = await TestApp.start();
    const sector = randomUUID();
    await sql(`insert into sector (id, code, name) values (?, ?, '经济界')`, [sector, `ECON-${RUN}`]);
    for (const name of ['陈晓东', '刘慧敏', '周国平']) {
      ids[name] = randomUUID();
      await sql(`insert into cppcc_member (id, name, sector_id, levels, term) values (?, ?, ?, '{MUNICIPAL}', 15)`, [ids[name], name, sector]);
    }
    for (const name of Object.values(U)) {
      ids[name] = randomUUID();
      await sql(`insert into handling_unit (id, name, level, former_names) values (?, ?, 'MUNICIPAL', '{}')`, [ids[name], name]);
    }
  }, 60_000);
  afterAll(() => app.close());

  type Fields = ProposalPracticeFieldsFragment;
  const ok = <T extends { errors: unknown[]; proposal: Fields | null }>(payload: T): Fields => {
    expect(payload.errors).toEqual([]);
    return payload.proposal!;
  };

  async function drafted(by: string, subject: string, extra: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
    const d = await app.execute(PracticeDraftDocument, { input: { level: 'MUNICIPAL', subject, reasons: '企业反映突出。', recommendations: '建议研究解决。', ...extra } }, member(by));
    const p = ok(d.data!.draftProposal);
    return { id: p.id, version: d.data!.draftProposal.proposal!.version };
  }
  async function submitted(by: string, subject: string, extra: Record<string, unknown> = {}): Promise<Fields> {
    const d = await drafted(by, subject, extra);
    return ok((await app.execute(PracticeSubmitDocument, { input: { proposalId: d.id, version: d.version } }, member(by))).data!.submitProposal);
  }
  const accept = async (id: string, accept: Record<string, unknown> = {}) =>
    ok((await app.execute(PracticeReviewDocument, { input: { proposalId: id, decision: { accept } } }, office)).data!.reviewProposal);
  const assign = async (id: string, lead: string, co: string[] = [], split: string[] = []) =>
    ok(
      (await app.execute(PracticeAssignDocument, { input: { proposalId: id, leadUnitId: unitId(lead), splitWithUnitIds: split.map(unitId), coHandlerIds: co.map(unitId) } }, office))
        .data!.assignProposal,
    );
  const read = async (id: string, viewer: Viewer = office) => (await app.execute(PracticeProposalDocument, { id }, viewer)).data!.proposal!;
  const timeline = (p: Fields) => p.timeline.edges.map((e) => [e.node.action, e.node.status, e.node.note]);
  const codes = (payload: { errors: { code: string; field: string | null; message: string }[] }) => payload.errors.map((e) => [e.code, e.field, e.message]);

  it('numbers proposals at acceptance (立案), 1, 2, 3 … per level and session, and lists them by number and session', async () => {
    const [{ next }] = (await sql<{ next: number }>(
      `select coalesce(max(number), 0)::int + 1 as next from proposal where level = 'MUNICIPAL' and session_term = 15 and session_number = 5`,
    )) as [{ next: number }];
    // One given its session at the plenary (大会期间); one given none: the level's current session, between sessions.
    const atPlenary = await submitted('陈晓东', '关于完善科技企业首贷续贷支持政策的提案', { session: { term: 15, sessionNumber: 5, isDuringPlenary: true } });
    const between = await submitted('刘慧敏', '关于优化高新技术企业认定辅导服务的提案');
    expect([atPlenary.session, atPlenary.number, between.session, between.number]).toEqual([
      { term: 15, sessionNumber: 5, isDuringPlenary: true },
      null,
      { term: 15, sessionNumber: 5, isDuringPlenary: false },
      null,
    ]);
    // Numbered in the order the office accepts them.
    expect((await accept(between.id)).number).toEqual(next);
    expect((await accept(atPlenary.id)).number).toEqual(next + 1);
    const list = async (filter: Record<string, unknown>) =>
      (await app.execute(PracticeProposalsDocument, { filter: { level: 'MUNICIPAL', ...filter }, first: 10 }, office)).data!.proposals;
    expect(await list({ number: next + 1, session: { term: 15, sessionNumber: 5 } })).toEqual({
      totalCount: 1,
      edges: [{ node: { subject: '关于完善科技企业首贷续贷支持政策的提案', number: next + 1, session: { term: 15, sessionNumber: 5, isDuringPlenary: true } } }],
    });
    expect(await list({ number: next + 1, session: { isDuringPlenary: false } })).toEqual({ totalCount: 0, edges: [] });
    expect(await list({ number: next, session: { term: 14 } })).toEqual({ totalCount: 0, edges: [] });
    // A session that cannot be: refused as data.
    const bad = await app.execute(PracticeDraftDocument, { input: { level: 'MUNICIPAL', subject: '关于届次的提案', reasons: '理由。', recommendations: '建议。', session: { term: 0, sessionNumber: 12 } } }, member('陈晓东'));
    expect(codes(bad.data!.draftProposal)).toEqual([
      ['INVALID_INPUT', 'input.session.term', 'A term (届次) is from 1 to 99.'],
      ['INVALID_INPUT', 'input.session.sessionNumber', 'A session of a term (次会议) is from 1 to 9.'],
    ]);
  });

  it('lets a proposer withdraw (撤案) before assignment, reopening the requests no other submitted proposal carries', async () => {
    const file = async (title: string) =>
      (await app.execute(FilePolicyRequestDocument, { input: { title, need: `${title}，企业普遍反映。`, creditCodes: [] } }, admin)).data!.filePolicyRequest.policyRequest!.id;
    const alone = await file('简化研发费用加计扣除备案');
    const shared = await file('扩大科技保险保费补贴范围');
    const p = await submitted('陈晓东', '关于简化研发费用加计扣除备案的提案', { policyRequestIds: [alone, shared] });
    await submitted('刘慧敏', '关于扩大科技保险保费补贴范围的提案', { policyRequestIds: [shared] });
    const accepted = await accept(p.id);
    // Not by another member; then by its proposer.
    expect(codes((await app.execute(WithdrawProposalDocument, { input: { proposalId: p.id, reason: '撤回。' } }, member('周国平'))).data!.withdrawProposal)).toEqual([
      ['NOT_PERMITTED', 'input.proposalId', 'Only its proposers may do this.'],
    ]);
    const withdrawn = ok((await app.execute(WithdrawProposalDocument, { input: { proposalId: p.id, reason: '相关部门已出台新政策，问题已基本解决。' } }, member('陈晓东'))).data!.withdrawProposal);
    expect({ status: withdrawn.status, number: withdrawn.number, requests: withdrawn.requests, last: timeline(withdrawn).at(-1) }).toEqual({
      status: 'WITHDRAWN',
      number: accepted.number,
      // The one only it carried is open again; the other is still carried by 刘慧敏's.
      requests: [
        { title: '简化研发费用加计扣除备案', status: 'OPEN' },
        { title: '扩大科技保险保费补贴范围', status: 'IN_PROPOSAL' },
      ],
      last: ['WITHDRAWN', 'WITHDRAWN', '相关部门已出台新政策，问题已基本解决。'],
    });
    // Once assigned, too late.
    const assigned = await assign((await accept((await submitted('陈晓东', '关于设立科技金融服务中心的提案')).id)).id, U.finance);
    expect(codes((await app.execute(WithdrawProposalDocument, { input: { proposalId: assigned.id, reason: '撤回。' } }, member('陈晓东'))).data!.withdrawProposal)).toEqual([
      ['TRANSITION_NOT_ALLOWED', 'input.proposalId', 'A ASSIGNED proposal cannot be withdrawn; only a DRAFT or SUBMITTED or ACCEPTED one can.'],
    ]);
  });

  it('lets the lead unit return a proposal (退办) within the window, for the office to reassign; after it, refuses', async () => {
    const p = await assign((await accept((await submitted('刘慧敏', '关于股权奖励个人所得税分期缴纳的提案')).id)).id, U.finance, [U.science]);
    expect({ assignedOn: p.assignedOn, dueOn: p.dueOn }).toEqual({ assignedOn: zoneToday(), dueOn: addMonths(zoneToday(), 3) });
    // A co-handler may not return it.
    const byCoHandler = await app.execute(ReturnProposalDocument, { input: { proposalId: p.id, reason: '不属本单位职责。' } }, unit(U.science));
    expect(codes(byCoHandler.data!.returnProposal)).toEqual([['NOT_PERMITTED', 'input.proposalId', 'Only its lead unit may do this.']]);
    const returned = await app.execute(ReturnProposalDocument, { input: { proposalId: p.id, reason: '个人所得税征管属税务部门职责，建议交国家税务总局武汉市税务局办理。' } }, unit(U.finance));
    // Returned, it is no longer the unit's to see.
    expect(returned.data!.returnProposal).toEqual({ errors: [], proposal: null });
    const back = await read(p.id);
    expect({ status: back.status, leadUnit: back.leadUnit, coHandlers: back.coHandlers, assignedOn: back.assignedOn, dueOn: back.dueOn, last: timeline(back).at(-1) }).toEqual({
      status: 'ACCEPTED',
      leadUnit: null,
      coHandlers: [],
      assignedOn: null,
      dueOn: null,
      last: ['RETURNED', 'ACCEPTED', '个人所得税征管属税务部门职责，建议交国家税务总局武汉市税务局办理。'],
    });
    const again = await assign(p.id, U.tax);
    expect({ status: again.status, leadUnit: again.leadUnit, dueOn: again.dueOn }).toEqual({ status: 'ASSIGNED', leadUnit: { name: U.tax }, dueOn: addMonths(zoneToday(), 3) });

    // Assigned eleven days ago: the 10-day window (PROPOSAL_RETURN_DAYS) has passed.
    const late = await assign((await accept((await submitted('刘慧敏', '关于建设光谷科技人才公寓的提案')).id)).id, U.science);
    const assignedOn = addDays(zoneToday(), -11);
    await sql(`update proposal set assigned_on = ? where id = ?`, [assignedOn, fromGlobalId(late.id)!.id]);
    const refused = await app.execute(ReturnProposalDocument, { input: { proposalId: late.id, reason: '不属本单位职责。' } }, unit(U.science));
    expect(codes(refused.data!.returnProposal)).toEqual([
      ['TRANSITION_NOT_ALLOWED', 'input.proposalId', `A proposal is returned within 10 days of its assignment (${assignedOn}); after that, its lead unit handles it or asks for more time.`],
    ]);
    expect((await read(late.id)).status).toEqual('ASSIGNED');
  });

  it('moves the due date when the office approves an extension (延期), and keeps it when it refuses', async () => {
    const p = await assign((await accept((await submitted('周国平', '关于完善知识产权质押融资风险补偿机制的提案')).id)).id, U.finance);
    const until = addMonths(zoneToday(), 5);
    // Not beyond six months from assignment.
    const far = await app.execute(RequestExtensionDocument, { input: { proposalId: p.id, until: addMonths(zoneToday(), 7), reason: '需调研。' } }, unit(U.finance));
    expect(codes(far.data!.requestExtension)).toEqual([
      ['INVALID_INPUT', 'input.until', `A reply is due at most 6 months from assignment: by ${addMonths(zoneToday(), 6)} at the latest.`],
    ]);
    const asked = ok((await app.execute(RequestExtensionDocument, { input: { proposalId: p.id, until, reason: '需会同财政、银保监部门联合调研。' } }, unit(U.finance))).data!.requestExtension);
    expect({ dueOn: asked.dueOn, extension: asked.extension }).toEqual({
      dueOn: addMonths(zoneToday(), 3),
      extension: { requestedUntil: until, reason: '需会同财政、银保监部门联合调研。', decision: 'PENDING', decidedAt: null, note: null },
    });
    const approved = ok((await app.execute(DecideExtensionDocument, { input: { proposalId: p.id, isApproved: true, note: '同意延期办理。' } }, office)).data!.decideExtension);
    expect({ dueOn: approved.dueOn, extension: approved.extension, last: timeline(approved).slice(-2) }).toEqual({
      dueOn: until,
      extension: { requestedUntil: until, reason: '需会同财政、银保监部门联合调研。', decision: 'APPROVED', decidedAt: expect.any(Date), note: '同意延期办理。' },
      last: [
        ['EXTENSION_REQUESTED', 'ASSIGNED', `${until}：需会同财政、银保监部门联合调研。`],
        ['EXTENSION_APPROVED', 'ASSIGNED', '同意延期办理。'],
      ],
    });
    // Extended once: no second request.
    const twice = await app.execute(RequestExtensionDocument, { input: { proposalId: p.id, until: addMonths(zoneToday(), 6), reason: '仍需时间。' } }, unit(U.finance));
    expect(codes(twice.data!.requestExtension)).toEqual([['INVALID_INPUT', 'input.proposalId', `An extension to ${until} was approved already: a proposal is extended once.`]]);

    const q = await assign((await accept((await submitted('周国平', '关于支持科技企业上市培育的提案')).id)).id, U.science);
    ok((await app.execute(RequestExtensionDocument, { input: { proposalId: q.id, until: addMonths(zoneToday(), 4), reason: '需等待省级政策出台。' } }, unit(U.science))).data!.requestExtension);
    const refused = ok((await app.execute(DecideExtensionDocument, { input: { proposalId: q.id, isApproved: false } }, office)).data!.decideExtension);
    expect({ dueOn: refused.dueOn, decision: refused.extension?.decision, last: timeline(refused).at(-1) }).toEqual({
      dueOn: addMonths(zoneToday(), 3),
      decision: 'REFUSED',
      last: ['EXTENSION_REFUSED', 'ASSIGNED', null],
    });
    // Nothing pending now.
    const nothing = await app.execute(DecideExtensionDocument, { input: { proposalId: q.id, isApproved: true } }, office);
    expect(codes(nothing.data!.decideExtension)).toEqual([['INVALID_INPUT', 'input.proposalId', 'No request for more time is waiting for a decision.']]);
  });

  it('makes a key proposal (重点提案) by supervision with named leaders; the deprecated accept flag makes one without leaders', async () => {
    const p = await accept((await submitted('陈晓东', '关于打造光谷科创金融改革试验区的提案')).id);
    expect({ isKey: p.isKey, supervision: p.supervision }).toEqual({ isKey: false, supervision: null });
    const supervised = ok(
      (await app.execute(SuperviseProposalDocument, { input: { proposalId: p.id, leaders: ['市政协副主席 王建国', '副市长 李明'], note: '市政协主席会议确定为重点提案。' } }, office)).data!
        .superviseProposal,
    );
    expect({ status: supervised.status, isKey: supervised.isKey, supervision: supervised.supervision, last: timeline(supervised).at(-1) }).toEqual({
      status: 'ACCEPTED',
      isKey: true,
      supervision: { leaders: ['市政协副主席 王建国', '副市长 李明'], note: '市政协主席会议确定为重点提案。' },
      last: ['SUPERVISED', 'ACCEPTED', '市政协副主席 王建国、副市长 李明'],
    });
    const twice = await app.execute(SuperviseProposalDocument, { input: { proposalId: p.id, leaders: ['副市长 李明', '副市长 李明'] } }, office);
    expect(codes(twice.data!.superviseProposal)).toEqual([['INVALID_INPUT', 'input.leaders.1', '副市长 李明 is named twice.']]);
    const flagged = await accept((await submitted('陈晓东', '关于加快建设武汉具有全国影响力的科技创新中心的提案')).id, { isKey: true });
    expect({ isKey: flagged.isKey, supervision: flagged.supervision }).toEqual({ isKey: true, supervision: { leaders: [], note: null } });
  });

  it('records who signed each reply (签发人) and whether it is published, as the unit chose', async () => {
    // Split (分办) between two lead units, each replying with its own signer and choice.
    const p = await assign((await accept((await submitted('刘慧敏', '关于推进科技成果转化收益分配改革的提案')).id)).id, U.science, [], [U.finance]);
    const empty = await app.execute(PracticeReplyDocument, { input: { proposalId: p.id, category: 'BEING_ADDRESSED', text: '正在研究。', signedBy: ' ', publication: 'PUBLIC' } }, unit(U.finance));
    expect(codes(empty.data!.replyToProposal)).toEqual([['INVALID_INPUT', 'input.signedBy', 'input.signedBy must not be empty.']]);
    ok((await app.execute(PracticeReplyDocument, { input: { proposalId: p.id, category: 'BEING_ADDRESSED', text: '同意在风险补偿资金中统筹支持。', signedBy: '赵志刚', publication: 'NOT_PUBLIC' } }, unit(U.finance))).data!.replyToProposal);
    const replied = ok(
      (await app.execute(PracticeReplyDocument, { input: { proposalId: p.id, category: 'RESOLVED_OR_ADOPTED', text: '已出台实施细则。', signedBy: '孙丽华', publication: 'ON_REQUEST' } }, unit(U.science))).data!.replyToProposal,
    );
    expect(replied.replies.edges.map((e) => e.node)).toEqual([
      { round: 1, isLead: true, category: 'BEING_ADDRESSED', signedBy: '赵志刚', publication: 'NOT_PUBLIC', unit: { name: U.finance } },
      { round: 1, isLead: true, category: 'RESOLVED_OR_ADOPTED', signedBy: '孙丽华', publication: 'ON_REQUEST', unit: { name: U.science } },
    ]);
  });

  it('rejects on a ground of the national list, and refuses the old grounds as input', async () => {
    const p = await submitted('周国平', '关于推广某品牌智能门锁的提案');
    const rejected = await app.execute(PracticeReviewDocument, { input: { proposalId: p.id, decision: { reject: { ground: 'PROMOTES_SPECIFIC_PRODUCT', reason: '属宣传推介具体产品。' } } } }, office);
    const r = ok(rejected.data!.reviewProposal);
    expect({ status: r.status, number: r.number, rejectionGround: r.rejectionGround, reviewNote: r.reviewNote, last: timeline(r).at(-1) }).toEqual({
      status: 'REJECTED',
      number: null,
      rejectionGround: 'PROMOTES_SPECIFIC_PRODUCT',
      reviewNote: '属宣传推介具体产品。',
      last: ['REJECTED', 'REJECTED', 'PROMOTES_SPECIFIC_PRODUCT'],
    });
    const q = await submitted('周国平', '关于完善科技园区配套设施的提案');
    for (const old of ['VAGUE_CONTENT', 'SEVERAL_ISSUES', 'OUTSIDE_REMIT', 'ALREADY_RESOLVED', 'OTHER_CHANNEL', 'PENDING_LITIGATION', 'PARTY_INTERNAL']) {
      const literal = await app.execute(`mutation { reviewProposal(input: { proposalId: "${q.id}", decision: { reject: { ground: ${old} } } }) { errors { code } } }`, {}, office);
      const variable = await app.execute(PracticeReviewDocument, { input: { proposalId: q.id, decision: { reject: { ground: old as never } } } }, office);
      expect([old, literal.errors?.map((e) => e.extensions?.['code']), variable.errors?.map((e) => e.extensions?.['code'])]).toEqual([old, ['GRAPHQL_VALIDATION_FAILED'], ['BAD_USER_INPUT']]);
    }
    expect((await read(q.id)).status).toEqual('SUBMITTED');
  });
});
