import { Role } from '../src/auth/roles';
import type { Viewer } from '../src/auth/viewer';
import { toGlobalId } from '../src/common/global-id';
import { CppccLevel, CppccMember, HandlingUnit, Sector } from '../src/modules/cppcc/cppcc.entity';
import {
  AssignProposalDocument,
  CoHandlerOpinionsDocument,
  DraftProposalDocument,
  HandlingProposalDocument,
  HandlingProposalForMemberDocument,
  MergeProposalsDocument,
  MyProposalSubjectsDocument,
  RateReplyHandlingDocument,
  ReplyHandlingDocument,
  ReplyToProposalDocument,
  ReviewProposalDocument,
  SubmitCoHandlerOpinionDocument,
  SubmitProposalDocument,
  UnitEvaluationDocument,
} from './support/generated/graphql';
import { as, TestApp } from './support/app';
import { addDays, zoneToday } from './support/clock';

/**
 * CPPCC handling as practised (issue 16, part A2): merging (并案), split handling (分办), co-handler opinions (会办意见),
 * the one re-handling round (重新办理), attitude and result rated separately and the yearly democratic evaluation
 * (民主评议). Its own sector, members and units (a tag keeps their names apart from other files' on the worker's database).
 */
describe('CPPCC handling as practised', () => {
  let app: TestApp;
  const tag = `${process.pid}${Date.now().toString(36)}`;
  const office = as(Role.CPPCC_OFFICE);
  const NAMES = ['张明远', '李慧敏', '王建华', '赵思齐', '陈立新'] as const;
  const members: Record<string, string> = {};
  const units: Record<string, string> = {};
  const UNIT_NAMES = ['经济和信息化局', '科学技术局', '财政局', '人力资源和社会保障局', '市场监督管理局', '商务局'] as const;
  const unitName = (short: string) => `武汉市${short}（办理${tag}）`;
  const member = (name: string): Viewer => as(Role.CPPCC_MEMBER, members[name]!);
  const unit = (short: string): Viewer => as(Role.HANDLING_UNIT, units[short]!);
  const sql = <T>(q: string, p: unknown[] = []) => app.orm.em.fork().execute<T[]>(q, p);
  const today = zoneToday();

  beforeAll(async () => {
    app = await TestApp.start();
    const em = app.orm.em.fork();
    const sector = em.create(Sector, { code: `HANDLING${tag}`, name: `办理测试界${tag}` } as never);
    for (const name of NAMES) members[name] = toGlobalId('CppccMember', em.create(CppccMember, { name, sector, levels: [CppccLevel.MUNICIPAL], term: 15 } as never).id);
    for (const short of UNIT_NAMES) units[short] = toGlobalId('HandlingUnit', em.create(HandlingUnit, { name: unitName(short), level: CppccLevel.MUNICIPAL } as never).id);
    await em.flush();
  }, 60_000);
  afterAll(() => app.close());

  /** A proposal of `by`, submitted and accepted (立案). */
  async function accepted(by: string, subject: string): Promise<string> {
    const d = await app.execute(DraftProposalDocument, { input: { level: 'MUNICIPAL', subject, reasons: '企业反映较多。', recommendations: '建议统筹研究。' } }, member(by));
    const p = d.data!.draftProposal.proposal!;
    expect((await app.execute(SubmitProposalDocument, { input: { proposalId: p.id, version: p.version } }, member(by))).data!.submitProposal.errors).toEqual([]);
    const r = await app.execute(ReviewProposalDocument, { input: { proposalId: p.id, decision: { accept: { isKey: false } } } }, office);
    expect(r.data!.reviewProposal.errors).toEqual([]);
    return p.id;
  }

  async function assign(id: string, lead: string, options: { split?: string[]; co?: string[] } = {}) {
    const r = await app.execute(
      AssignProposalDocument,
      { input: { proposalId: id, leadUnitId: units[lead]!, splitWithUnitIds: (options.split ?? []).map((u) => units[u]!), coHandlerIds: (options.co ?? []).map((u) => units[u]!) } },
      office,
    );
    expect(r.data!.assignProposal.errors).toEqual([]);
  }

  async function reply(id: string, by: string, category: 'RESOLVED_OR_ADOPTED' | 'BEING_ADDRESSED' | 'FOR_REFERENCE', text: string) {
    const r = await app.execute(ReplyHandlingDocument, { input: { proposalId: id, category, text, signedBy: '王建华', publication: 'PUBLIC' } }, unit(by));
    expect(r.data!.replyToProposal.errors).toEqual([]);
    return r.data!.replyToProposal.proposal!;
  }

  const rate = (replyId: string, by: string, rating: string, attitude?: string, result?: string) =>
    app.execute(RateReplyHandlingDocument, { input: { replyId, rating, ...(attitude ? { attitude } : {}), ...(result ? { result } : {}) } } as never, member(by));

  const handling = async (id: string, viewer: Viewer = office) => (await app.execute(HandlingProposalDocument, { id }, viewer)).data!.proposal!;

  it('answers a merged proposal’s proposers with the reply of the one it was merged into, and each rates it', async () => {
    const into = await accepted('张明远', `关于降低中小企业融资成本的提案（${tag}）`);
    const second = await accepted('李慧敏', `关于完善科技企业贷款贴息的提案（${tag}）`);
    const third = await accepted('王建华', `关于扩大知识产权质押融资的提案（${tag}）`);

    const merged = await app.execute(MergeProposalsDocument, { input: { intoId: into, ids: [second, third] } }, office);
    expect(merged.data!.mergeProposals.errors).toEqual([]);
    expect(merged.data!.mergeProposals.proposal).toMatchObject({
      status: 'ACCEPTED',
      mergedInto: null,
      merged: [
        { subject: `关于完善科技企业贷款贴息的提案（${tag}）`, status: 'MERGED' },
        { subject: `关于扩大知识产权质押融资的提案（${tag}）`, status: 'MERGED' },
      ],
    });
    // Merged once: not again, and not into another; a proposal with its units is not merged into another.
    const again = await app.execute(MergeProposalsDocument, { input: { intoId: into, ids: [second] } }, office);
    expect(again.data!.mergeProposals.errors.map((e) => [e.code, e.field])).toEqual([['TRANSITION_NOT_ALLOWED', 'input.ids.0']]);
    const byMember = await app.execute(MergeProposalsDocument, { input: { intoId: into, ids: [second] } }, member('张明远'));
    expect(byMember.data!.mergeProposals.errors.map((e) => [e.code, e.field])).toEqual([['NOT_PERMITTED', 'input.intoId']]);

    await assign(into, '经济和信息化局');
    await reply(into, '经济和信息化局', 'BEING_ADDRESSED', '已会同金融机构研究降低融资成本的措施。');
    // The merged proposal shows the reply, and it is in its proposer's own list, with the proposal answering it.
    const seenResult = await app.execute(HandlingProposalForMemberDocument, { id: second }, member('李慧敏'));
    expect(seenResult.errors).toBeUndefined();
    const seen = seenResult.data!.proposal!;
    expect([seen.status, seen.mergedInto, seen.answers.map((a) => [a.unit.name, a.category, a.text])]).toEqual([
      'MERGED',
      { subject: `关于降低中小企业融资成本的提案（${tag}）` },
      [[unitName('经济和信息化局'), 'BEING_ADDRESSED', '已会同金融机构研究降低融资成本的措施。']],
    ]);
    const mine = (await app.execute(MyProposalSubjectsDocument, { first: 100 }, member('李慧敏'))).data!.proposals.edges.map((e) => e.node);
    // This test's three proposals (others of the file's, run before it in a random order, are not its business).
    const ours = new Set([`关于降低中小企业融资成本的提案（${tag}）`, `关于完善科技企业贷款贴息的提案（${tag}）`, `关于扩大知识产权质押融资的提案（${tag}）`]);
    expect(mine.filter((n) => ours.has(n.subject)).sort((a, b) => a.subject.localeCompare(b.subject))).toEqual(
      [
        { subject: `关于降低中小企业融资成本的提案（${tag}）`, status: 'REPLIED' },
        { subject: `关于完善科技企业贷款贴息的提案（${tag}）`, status: 'MERGED' },
      ].sort((a, b) => a.subject.localeCompare(b.subject)),
    );

    const replyId = seen.answers[0]!.id;
    // Its own proposers close it; the merged proposals' proposers rate it for theirs, before or after.
    const first = await rate(replyId, '张明远', 'SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED');
    expect([first.data!.rateReply.errors, first.data!.rateReply.proposal!.status]).toEqual([[], 'CLOSED']);
    expect((await rate(replyId, '李慧敏', 'BASICALLY_SATISFIED')).data!.rateReply.errors).toEqual([]);
    expect((await rate(replyId, '王建华', 'DISSATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')).data!.rateReply.errors).toEqual([]);
    const twice = await rate(replyId, '李慧敏', 'SATISFIED');
    expect(twice.data!.rateReply.errors.map((e) => [e.code, e.field])).toEqual([['DUPLICATE', 'input.replyId']]);
    const outsider = await rate(replyId, '赵思齐', 'SATISFIED');
    expect(outsider.data!.rateReply.errors.map((e) => [e.code, e.field])).toEqual([['TRANSITION_NOT_ALLOWED', 'input.replyId']]);

    const after = await handling(into);
    expect([after.status, after.answers[0]!.rating, after.answers[0]!.ratings]).toEqual([
      'CLOSED',
      'SATISFIED',
      [
        { rating: 'SATISFIED', attitude: 'SATISFIED', result: 'BASICALLY_SATISFIED', proposal: { subject: `关于降低中小企业融资成本的提案（${tag}）` } },
        { rating: 'BASICALLY_SATISFIED', attitude: 'BASICALLY_SATISFIED', result: 'BASICALLY_SATISFIED', proposal: { subject: `关于完善科技企业贷款贴息的提案（${tag}）` } },
        { rating: 'DISSATISFIED', attitude: 'BASICALLY_SATISFIED', result: 'DISSATISFIED', proposal: { subject: `关于扩大知识产权质押融资的提案（${tag}）` } },
      ],
    ]);
    const timeline = (await handling(second)).timeline.edges.map((e) => [e.node.action, e.node.status]);
    expect(timeline.slice(-2)).toEqual([
      ['MERGED', 'MERGED'],
      ['RATED_BASICALLY_SATISFIED', 'MERGED'],
    ]);
  });

  it('has each lead unit of a split proposal reply and be rated on its own; closed only when both are', async () => {
    const id = await accepted('赵思齐', `关于统筹推进人才公寓与科技园区建设的提案（${tag}）`);
    await assign(id, '科学技术局', { split: ['人力资源和社会保障局'] });
    const one = await reply(id, '科学技术局', 'RESOLVED_OR_ADOPTED', '科技园区建设已纳入年度计划。');
    expect([one.status, one.leadUnits.map((u) => u.name), one.answers.map((a) => a.unit.name)]).toEqual([
      'ASSIGNED',
      [unitName('科学技术局'), unitName('人力资源和社会保障局')],
      [unitName('科学技术局')],
    ]);
    const both = await reply(id, '人力资源和社会保障局', 'BEING_ADDRESSED', '人才公寓正在筹建。');
    expect([both.status, both.answers.map((a) => [a.unit.name, a.category])]).toEqual([
      'REPLIED',
      [
        [unitName('科学技术局'), 'RESOLVED_OR_ADOPTED'],
        [unitName('人力资源和社会保障局'), 'BEING_ADDRESSED'],
      ],
    ]);
    const [science, talent] = both.answers;
    const first = await rate(science!.id, '赵思齐', 'SATISFIED');
    expect([first.data!.rateReply.errors, first.data!.rateReply.proposal!.status]).toEqual([[], 'REPLIED']);
    const second = await rate(talent!.id, '赵思齐', 'BASICALLY_SATISFIED');
    expect([second.data!.rateReply.errors, second.data!.rateReply.proposal!.status]).toEqual([[], 'CLOSED']);
    expect((await handling(id)).answers.map((a) => [a.unit.name, a.rating])).toEqual([
      [unitName('科学技术局'), 'SATISFIED'],
      [unitName('人力资源和社会保障局'), 'BASICALLY_SATISFIED'],
    ]);
  });

  it('takes a co-handler’s opinion for the lead unit and the office, not for the members; a co-handler no longer replies', async () => {
    const id = await accepted('陈立新', `关于加快中试平台建设的提案（${tag}）`);
    await assign(id, '经济和信息化局', { co: ['财政局', '市场监督管理局'] });
    const replied = await app.execute(ReplyToProposalDocument, { input: { proposalId: id, category: 'BEING_ADDRESSED', text: '同意。', signedBy: '王建华', publication: 'PUBLIC' } }, unit('财政局'));
    expect(replied.data!.replyToProposal.errors).toEqual([
      {
        __typename: 'NotPermittedError',
        code: 'NOT_PERMITTED',
        field: 'input.proposalId',
        message: 'Only a lead unit it is assigned to (a co-handling unit sends its opinion with submitCoHandlerOpinion) may do this.',
      },
    ]);
    const sent = await app.execute(SubmitCoHandlerOpinionDocument, { input: { proposalId: id, text: '建议安排专项资金支持中试平台。' } }, unit('财政局'));
    expect(sent.data!.submitCoHandlerOpinion).toEqual({ proposal: { id, status: 'ASSIGNED' }, errors: [] });
    const twice = await app.execute(SubmitCoHandlerOpinionDocument, { input: { proposalId: id, text: '再次意见。' } }, unit('财政局'));
    expect(twice.data!.submitCoHandlerOpinion.errors.map((e) => e.code)).toEqual(['DUPLICATE']);
    const byLead = await app.execute(SubmitCoHandlerOpinionDocument, { input: { proposalId: id, text: '主办意见。' } }, unit('经济和信息化局'));
    expect(byLead.data!.submitCoHandlerOpinion.errors.map((e) => e.code)).toEqual(['NOT_PERMITTED']);
    // After the window (30 days from assignment): accepted, marked late.
    await sql(`update proposal set round_started_on = ?::date where id = ?`, [addDays(today, -31), (await sql<{ id: string }>(`select id from proposal where subject = ?`, [`关于加快中试平台建设的提案（${tag}）`]))[0]!.id]);
    const late = await app.execute(SubmitCoHandlerOpinionDocument, { input: { proposalId: id, text: '建议简化检验检测认证流程。' } }, unit('市场监督管理局'));
    expect(late.data!.submitCoHandlerOpinion.errors).toEqual([]);

    const opinions = [
      { round: 1, text: '建议安排专项资金支持中试平台。', isLate: false, unit: { name: unitName('财政局') } },
      { round: 1, text: '建议简化检验检测认证流程。', isLate: true, unit: { name: unitName('市场监督管理局') } },
    ];
    expect((await handling(id, unit('经济和信息化局'))).coHandlerOpinions).toEqual(opinions);
    expect((await handling(id, office)).coHandlerOpinions).toEqual(opinions);
    // A co-handler reads its own only.
    expect((await app.execute(CoHandlerOpinionsDocument, { id }, unit('财政局'))).data!.proposal!.coHandlerOpinions).toEqual([
      { text: '建议安排专项资金支持中试平台。', unit: { name: unitName('财政局') } },
    ]);
    const asMember = await app.execute(CoHandlerOpinionsDocument, { id }, member('陈立新'));
    expect(asMember.data!.proposal).toEqual({ id, coHandlerOpinions: null });
    expect(asMember.errors!.map((e) => [e.path, e.extensions?.['code']])).toEqual([[['proposal', 'coHandlerOpinions'], 'FORBIDDEN']]);
    // The timeline names the unit, not the opinion.
    const steps = (await handling(id)).timeline.edges.map((e) => [e.node.action, e.node.note]).slice(-2);
    expect(steps).toEqual([
      ['CO_HANDLER_OPINION_SUBMITTED', unitName('财政局')],
      ['CO_HANDLER_OPINION_SUBMITTED', unitName('市场监督管理局')],
    ]);
  });

  it('re-handles once after a dissatisfied rating, for about a month; dissatisfied again closes it', async () => {
    const id = await accepted('王建华', `关于优化高新技术企业认定服务的提案（${tag}）`);
    await assign(id, '科学技术局');
    const replied = await reply(id, '科学技术局', 'FOR_REFERENCE', '认定标准由国家规定。');
    const first = await rate(replied.answers[0]!.id, '王建华', 'DISSATISFIED');
    expect(first.data!.rateReply.errors).toEqual([]);
    expect(first.data!.rateReply.proposal).toMatchObject({ status: 'ASSIGNED', round: 2, roundStartedOn: today, dueOn: addDays(today, 30) });
    const again = await reply(id, '科学技术局', 'BEING_ADDRESSED', '将开设认定服务专窗。');
    expect([again.status, again.round, again.answers.map((a) => [a.round, a.category])]).toEqual(['REPLIED', 2, [[2, 'BEING_ADDRESSED']]]);
    const second = await rate(again.answers[0]!.id, '王建华', 'DISSATISFIED');
    expect(second.data!.rateReply.errors).toEqual([]);
    expect(second.data!.rateReply.proposal).toMatchObject({ status: 'CLOSED', round: 2, answers: [{ round: 2, rating: 'DISSATISFIED' }] });
    const steps = (await handling(id)).timeline.edges.map((e) => [e.node.action, e.node.status]).slice(-4);
    expect(steps).toEqual([
      ['REPLIED', 'REPLIED'],
      ['RATED_DISSATISFIED', 'ASSIGNED'],
      ['REPLIED', 'REPLIED'],
      ['RATED_DISSATISFIED', 'CLOSED'],
    ]);
  });

  it('reports each unit’s year: proposals, categories, on time, attitude and result, and its score', async () => {
    const year = Number(today.slice(0, 4));
    // 商务局: two proposals, one re-handled (three replies: A, C late, then B); 财政局 of this file: none as lead.
    const p1 = await accepted('张明远', `关于支持外贸企业出口信用保险的提案（${tag}）`);
    await assign(p1, '商务局');
    const r1 = await reply(p1, '商务局', 'RESOLVED_OR_ADOPTED', '已扩大出口信用保险覆盖面。');
    expect((await rate(r1.answers[0]!.id, '张明远', 'BASICALLY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED')).data!.rateReply.errors).toEqual([]);
    const p2 = await accepted('李慧敏', `关于建设跨境电商综合服务平台的提案（${tag}）`);
    await assign(p2, '商务局');
    await sql(`update proposal set due_on = ?::date where subject = ?`, [addDays(today, -1), `关于建设跨境电商综合服务平台的提案（${tag}）`]);
    const r2 = await reply(p2, '商务局', 'FOR_REFERENCE', '平台建设需统筹考虑。');
    expect((await rate(r2.answers[0]!.id, '李慧敏', 'DISSATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')).data!.rateReply.errors).toEqual([]);
    const r3 = await reply(p2, '商务局', 'BEING_ADDRESSED', '平台已列入明年计划。');
    expect((await rate(r3.answers[0]!.id, '李慧敏', 'SATISFIED', 'SATISFIED', 'SATISFIED')).data!.rateReply.errors).toEqual([]);
    // 人力资源和社会保障局 (split above): one reply, rated basically satisfied overall.
    const report = (await app.execute(UnitEvaluationDocument, { year }, office)).data!.unitEvaluation;
    const ours = report.filter((r) => r.unit.name.includes(`（办理${tag}）`) && r.unit.name.includes('商务局'));
    // By hand: attitude S S B → (100 + 100 + 80) / 3; result B D S → (80 + 0 + 100) / 3; 0.4 × 93.33… + 0.6 × 60 = 73.33.
    expect(ours).toEqual([
      {
        unit: { name: unitName('商务局') },
        year,
        proposalsHandled: 2,
        replies: 3,
        categoryA: 1,
        categoryB: 1,
        categoryC: 1,
        onTime: 2,
        ratings: 3,
        attitudeSatisfied: 2,
        attitudeBasicallySatisfied: 1,
        attitudeDissatisfied: 0,
        resultSatisfied: 1,
        resultBasicallySatisfied: 1,
        resultDissatisfied: 1,
        score: '73.33',
      },
    ]);
    // Ordered by score, the unrated last.
    const scores = report.map((r) => r.score);
    const rated = scores.filter((s): s is string => s !== null).map(Number);
    expect(rated).toEqual([...rated].sort((a, b) => b - a));
    expect(scores.slice(rated.length).every((s) => s === null)).toBe(true);
    // The office's and the administrators' report: a member or a unit is refused before it runs.
    for (const viewer of [member('张明远'), unit('商务局')]) {
      const refused = await app.execute(UnitEvaluationDocument, { year }, viewer);
      expect([refused.data, refused.errors!.map((e) => e.extensions?.['code'])]).toEqual([null, ['FORBIDDEN']]);
    }
  });
});
