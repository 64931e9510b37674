import type { MikroORM } from '@mikro-orm/postgresql';
import pino from 'pino';
import { Role } from '../src/auth/roles';
import { Viewer } from '../src/auth/viewer';
import { toGlobalId } from '../src/common/global-id';
import type { Outcome } from '../src/common/outcome';
import { createContext } from '../src/context';
import {
  CppccLevel,
  CppccMember,
  HandlingUnit,
  Party,
  type Proposal,
  Publication,
  ProposalReply,
  ProposerKind,
  RejectionGround,
  ReplyCategory,
  Satisfaction,
  Sector,
} from '../src/modules/cppcc/cppcc.entity';
import * as workflow from '../src/modules/cppcc/cppcc.service';
import type { DraftProposalInput, EvidenceInput, ReviewDecisionInput } from '../src/modules/cppcc/cppcc.types';
import { InstrumentKind } from '../src/modules/finance/enums';
import { Random, seedUuid } from './random';
import { NAMED_ENTERPRISES } from './zone';

/**
 * The sectors (界别) of the Wuhan committee (武汉市政协, 15th term) and the seats each holds in the demo: 31 sectors,
 * DEMO_MEMBERS members in all. The parties by their full names (as `parties` names them), the people's organizations
 * as the committee calls them.
 */
export const SECTORS: [code: string, name: string, seats: number][] = [
  ['CPC', '中国共产党', 62], ['RCCK', '中国国民党革命委员会', 18], ['CDL', '中国民主同盟', 24], ['CNDCA', '中国民主建国会', 22],
  ['CAPD', '中国民主促进会', 20], ['CPWDP', '中国农工民主党', 20], ['CZGP', '中国致公党', 14], ['JS', '九三学社', 20],
  ['NONPARTY', '无党派人士', 16], ['CYL', '共青团', 10], ['TU', '总工会', 12], ['WF', '妇联', 12], ['YF', '青联', 10],
  ['ACFIC', '工商联', 26], ['CAST', '科协', 12], ['TAIWAN', '台联', 6], ['OVERSEAS', '侨联', 8], ['CULTURE', '文化艺术界', 20],
  ['SCITECH', '科学技术界', 24], ['SOCSCI', '社会科学界', 14], ['ECON', '经济界', 30], ['AGRI', '农业界', 12], ['EDU', '教育界', 22],
  ['SPORTS', '体育界', 8], ['PRESS', '新闻出版界', 12], ['MED', '医药卫生界', 24], ['FRIENDSHIP', '对外友好界', 8],
  ['SOCIAL', '社会福利和社会保障界', 12], ['ETHNIC', '少数民族界', 10], ['RELIGION', '宗教界', 10], ['SPECIAL', '特别邀请人士', 32],
];

export const PARTIES: [string, string][] = [
  ['CPC', '中国共产党'], ['RCCK', '中国国民党革命委员会'], ['CDL', '中国民主同盟'], ['CNDCA', '中国民主建国会'],
  ['CAPD', '中国民主促进会'], ['CPWDP', '中国农工民主党'], ['CZGP', '中国致公党'], ['JS', '九三学社'], ['TDSL', '台湾民主自治同盟'],
];

/** The tax bureau of the city, a unit of the State Taxation Administration: the equity-award tax proposal is its. */
export const CITY_TAX_BUREAU = '国家税务总局武汉市税务局';
/** The city's financial regulation bureau, by its name since the 2024 reorganization (before: 地方金融工作局). */
export const CITY_FINANCE_BUREAU = '武汉市地方金融管理局';

/** The handling units of the three levels, by their current names. */
export const HANDLING_UNITS: [CppccLevel, string][] = [
  [CppccLevel.MUNICIPAL, '武汉市科学技术局'],
  [CppccLevel.MUNICIPAL, '武汉市经济和信息化局'],
  [CppccLevel.MUNICIPAL, CITY_FINANCE_BUREAU],
  [CppccLevel.MUNICIPAL, '武汉市财政局'],
  [CppccLevel.MUNICIPAL, CITY_TAX_BUREAU],
  [CppccLevel.MUNICIPAL, '武汉市人力资源和社会保障局'],
  [CppccLevel.MUNICIPAL, '武汉市市场监督管理局'],
  [CppccLevel.MUNICIPAL, '武汉市发展和改革委员会'],
  [CppccLevel.MUNICIPAL, '武汉市教育局'],
  [CppccLevel.MUNICIPAL, '中国人民银行湖北省分行'],
  [CppccLevel.MUNICIPAL, '东湖新技术开发区管理委员会'],
  [CppccLevel.PROVINCIAL, '湖北省科学技术厅'],
  [CppccLevel.PROVINCIAL, '湖北省地方金融管理局'],
  [CppccLevel.PROVINCIAL, '湖北省财政厅'],
  [CppccLevel.PROVINCIAL, '国家税务总局湖北省税务局'],
  [CppccLevel.PROVINCIAL, '湖北省经济和信息化厅'],
  [CppccLevel.PROVINCIAL, '湖北省人力资源和社会保障厅'],
  [CppccLevel.PROVINCIAL, '湖北省市场监督管理局'],
  [CppccLevel.PROVINCIAL, '湖北省发展和改革委员会'],
  [CppccLevel.PROVINCIAL, '湖北省教育厅'],
  [CppccLevel.PROVINCIAL, '湖北省知识产权局'],
  [CppccLevel.NATIONAL, '科学技术部'],
  [CppccLevel.NATIONAL, '财政部'],
  [CppccLevel.NATIONAL, '国家税务总局'],
  [CppccLevel.NATIONAL, '中国人民银行'],
  [CppccLevel.NATIONAL, '国家金融监督管理总局'],
  [CppccLevel.NATIONAL, '中国证券监督管理委员会'],
  [CppccLevel.NATIONAL, '国家知识产权局'],
  [CppccLevel.NATIONAL, '工业和信息化部'],
  [CppccLevel.NATIONAL, '国家发展和改革委员会'],
  [CppccLevel.NATIONAL, '人力资源和社会保障部'],
  [CppccLevel.NATIONAL, '教育部'],
];

/** The CPPCC tables, child tables last (emptied with the registry by `seed --reset` and the test kit). */
export const CPPCC_TABLES = [
  'sector', 'party', 'cppcc_member', 'handling_unit', 'policy_request', 'proposal', 'proposal_event', 'proposal_reply',
  'proposal_evidence',
];

/** How many members the demo committee has: Wuhan's 15th committee has about 550 (the source's city: 298). */
export const DEMO_MEMBERS = SECTORS.reduce((n, [, , seats]) => n + seats, 0);

/** The committee term (届) the demo's members serve in: the 15th municipal committee, 2022–2027. */
export const DEMO_TERM = 15;

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢',
  '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '崔', '彭', '白', '苏', '卢', '蒋', '蔡', '贾', '丁', '魏', '薛',
  '叶', '阎', '余', '潘', '杜', '戴', '夏', '钟', '汪', '田', '任', '姜', '范', '方', '石', '姚', '谭', '廖', '邹', '熊', '金', '陆', '郝', '孔',
];
/** Given names' characters: a member's given name is one or two of them. */
const GIVEN = [
  '建', '国', '志', '刚', '海', '燕', '丽', '华', '文', '博', '晓', '明', '春', '生', '秀', '英', '立', '新', '慧', '敏', '振', '宇', '雅', '琴',
  '宏', '伟', '子', '涵', '思', '远', '轩', '若', '兰', '德', '胜', '婉', '清', '静', '军', '平', '红', '霞', '杰', '涛', '斌', '辉', '玲', '峰',
  '磊', '鹏', '勇', '艳', '芳', '颖', '超', '浩', '琳', '楠', '欣', '婷', '俊', '凯', '强', '毅', '亮', '昊', '晨', '蕾', '洁', '嘉', '瑞', '岚',
];

/** Plausible, deterministic, distinct member names: a surname and a given name of one or two characters. */
function memberNames(r: Random, count: number, taken: string[]): string[] {
  const names = new Set(taken);
  const out: string[] = [];
  while (out.length < count) {
    const given = r.chance(0.25) ? r.pick(GIVEN) : `${r.pick(GIVEN)}${r.pick(GIVEN)}`;
    const name = `${r.pick(SURNAMES)}${given}`;
    if (given.length === 2 && given[0] === given[1]) continue;
    if (names.has(name)) continue;
    names.add(name);
    out.push(name);
  }
  return out;
}

/** The member who sits on all three committees and carries the NEEQ proposal up (named for tests and docs). */
export const CHAIN_MEMBER = '胡振宇';

const quiet = pino({ level: 'silent' });

function value<T>(outcome: Outcome<T>, what: string): T {
  if (outcome.errors.length) throw new Error(`${what}: ${outcome.errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
  return outcome.value!;
}

/**
 * The CPPCC of the demo, Wuhan's committee: its 31 sectors, parties, DEMO_MEMBERS members of the 15th term (synthetic
 * names, distinct; some sit on the provincial and national committees too), handling units at three levels by their
 * current names, policy requests, proposals in every state, and one request
 * carried from the city to the province to the nation (NEEQ first-batch listings for zone enterprises), with
 * evidence frozen from the demo zone. The workflow runs through the same services the API calls, as the roles
 * that take each step. Deterministic except for the dates (they follow today).
 */
export async function loadDemoCppcc(orm: MikroORM): Promise<void> {
  const em = orm.em.fork();
  const r = new Random(20_260_601);
  const sectors = SECTORS.map(([code, name]) => em.create(Sector, { id: seedUuid(`sector:${code}`), code, name } as never));
  const parties = PARTIES.map(([code, name]) => em.create(Party, { id: seedUuid(`party:${code}`), code, name } as never));
  const seats = SECTORS.flatMap(([code, , n]) => Array.from({ length: n }, () => sectors.find((s) => s.code === code)!));
  // The first seat is the chain member's, in the science and technology sector.
  const chainSeat = seats.findIndex((s) => s.code === 'SCITECH');
  [seats[0], seats[chainSeat]] = [seats[chainSeat]!, seats[0]!];
  const names = [CHAIN_MEMBER, ...memberNames(r, DEMO_MEMBERS - 1, [CHAIN_MEMBER])];
  const members: CppccMember[] = [];
  for (let i = 0; i < DEMO_MEMBERS; i++) {
    const sector = seats[i]!;
    // A party sector's members belong to it; others to the CPC, a democratic party, or none (无党派人士: none).
    const party =
      parties.find((p) => p.code === sector.code) ??
      (sector.code === 'NONPARTY' ? null : r.chance(0.4) ? parties[0]! : r.chance(0.3) ? r.pick(parties.slice(1)) : null);
    const levels = i === 0 ? [CppccLevel.MUNICIPAL, CppccLevel.PROVINCIAL, CppccLevel.NATIONAL] : r.chance(0.1) ? [CppccLevel.MUNICIPAL, CppccLevel.PROVINCIAL] : [CppccLevel.MUNICIPAL];
    members.push(em.create(CppccMember, { id: seedUuid(`member:${i}`), name: names[i]!, sector, party, levels, term: DEMO_TERM } as never));
  }
  // The chain member sits for the democratic league (民盟) in the science and technology sector.
  members[0]!.party = parties.find((p) => p.code === 'CDL') as never;
  const units = HANDLING_UNITS.map(([level, name]) => em.create(HandlingUnit, { id: seedUuid(`unit:${name}`), name, level, formerNames: [] } as never));
  await em.flush();

  const as = (role: Role, org: string | null = null) => createContext(orm, new Viewer(role, org), quiet, 'seed');
  const member = (m: CppccMember) => as(Role.CPPCC_MEMBER, toGlobalId('CppccMember', m.id));
  const office = () => as(Role.CPPCC_OFFICE);
  const unit = (name: string) => as(Role.HANDLING_UNIT, toGlobalId('HandlingUnit', units.find((u) => u.name === name)!.id));
  const unitId = (name: string) => toGlobalId('HandlingUnit', units.find((u) => u.name === name)!.id);
  const gid = (p: Proposal) => toGlobalId('Proposal', p.id);
  const cityMember = (i: number) => members.filter((m) => m.levels.length === 1)[i]!;

  // Policy requests: the zone's and the named enterprises' needs.
  const hust = NAMED_ENTERPRISES[0]!.creditCode;
  const requests = {
    neeq: value(
      await workflow.filePolicyRequest(as(Role.ZONE_ADMIN), {
        title: '将东湖高新区企业纳入新三板首批扩大试点',
        need: '区内高新技术企业希望进入全国中小企业股份转让系统首批扩大试点，拓宽直接融资渠道。',
        creditCodes: NAMED_ENTERPRISES.map((e) => e.creditCode),
      }),
      'request neeq',
    ),
    ipPledge: value(
      await workflow.filePolicyRequest(as(Role.ENTERPRISE_REP, hust), {
        title: '在光电子信息产业园开展知识产权质押融资',
        need: '园区企业专利多、抵押物少，希望扩大知识产权质押贷款规模并提高风险补偿比例。',
        creditCodes: [hust],
      }),
      'request ip pledge',
    ),
    talent: value(
      await workflow.filePolicyRequest(as(Role.ZONE_ADMIN), {
        title: '完善高层次人才股权激励个人所得税分期缴纳政策',
        need: '企业反映股权奖励个税分期缴纳办理周期长，希望简化流程。',
        creditCodes: [],
      }),
      'request talent',
    ),
  };

  const draft = async (by: CppccMember, input: Partial<DraftProposalInput> & Pick<DraftProposalInput, 'subject'>) =>
    value(
      await workflow.draftProposal(member(by), {
        level: CppccLevel.MUNICIPAL,
        reasons: `${input.subject}。当前区内企业普遍反映相关政策落地不够、办理周期偏长，制约了科技型中小企业发展。`,
        recommendations: '一、明确牵头部门和时间表；二、简化办理流程；三、建立定期评估和反馈机制。',
        policyRequestIds: [],
        proposerKind: ProposerKind.MEMBERS,
        coProposerIds: [],
        isComplex: false,
        ...input,
      }),
      `draft ${input.subject}`,
    );
  const submit = async (by: CppccMember, p: Proposal) =>
    value(await workflow.submitProposal(member(by), { proposalId: gid(p), version: p.version }), 'submit');
  const review = async (p: Proposal, decision: ReviewDecisionInput) =>
    value(await workflow.reviewProposal(office(), { proposalId: gid(p), decision }), 'review');
  const accept = { accept: { isKey: false } };
  const acceptAsKey = { accept: { isKey: true } };
  const assign = async (p: Proposal, lead: string, co: string[] = []) =>
    value(await workflow.assignProposal(office(), { proposalId: gid(p), leadUnitId: unitId(lead), coHandlerIds: co.map(unitId) }), 'assign');
  const reply = async (p: Proposal, by: string, category: ReplyCategory, text: string) =>
    value(await workflow.replyToProposal(unit(by), { proposalId: gid(p), category, text, signedBy: by, publication: Publication.PUBLIC }), 'reply');
  /** Rates the reply that answers `p` now: its lead unit's reply of the current round. */
  const rate = async (by: CppccMember, p: Proposal, rating: Satisfaction) => {
    const answer = await em.fork().findOneOrFail(ProposalReply, { proposal: p.id, round: p.round, isLead: true });
    return value(await workflow.rateReply(member(by), { replyId: toGlobalId('ProposalReply', answer.id), rating }), 'rate');
  };
  const evidence = async (by: CppccMember, p: Proposal, source: EvidenceInput, isNamingEnterprises = false) =>
    value(await workflow.attachEvidence(member(by), { proposalId: gid(p), evidence: source, isNamingEnterprises }), 'evidence');
  const escalate = async (by: CppccMember, p: Proposal, level: CppccLevel, isAdoptedByParty: boolean) =>
    value(await workflow.escalateProposal(member(by), { proposalId: gid(p), level, isAdoptedByParty }), `escalate to ${level}`);

  // One proposal in each state of the workflow.
  const a = cityMember(1);
  const b = cityMember(2);
  const c = cityMember(3);
  await draft(a, { subject: '关于设立光谷科技成果转化基金的提案' }); // DRAFT
  await submit(b, await draft(b, { subject: '关于优化科技型企业研发费用加计扣除办理流程的提案' })); // SUBMITTED
  await review(await submit(c, await draft(c, { subject: '关于建设东湖科技人才公寓的提案' })), accept); // ACCEPTED
  await review(await submit(a, await draft(a, { subject: '关于解决本人子女入学问题的提案' })), {
    reject: { ground: RejectionGround.PERSONAL_REQUEST, reason: '属个人事务，不予立案。' },
  }); // REJECTED
  await review(await submit(b, await draft(b, { subject: '关于光谷地铁站周边交通拥堵的提案' })), {
    convertToReport: { report: '光谷广场周边早晚高峰拥堵严重，建议交管部门优化信号配时并增设公交专用道。' },
  }); // CONVERTED
  const ipPledge = await draft(c, {
    subject: '关于扩大知识产权质押融资风险补偿资金池的提案',
    policyRequestIds: [toGlobalId('PolicyRequest', requests.ipPledge.id)],
    coProposerIds: [toGlobalId('CppccMember', a.id)],
  });
  const withEvidence = await evidence(c, ipPledge, { portfolioFilter: { instrumentKinds: [InstrumentKind.IP_PLEDGE_LOAN] } });
  const ipAssigned = await assign(await review(await submit(c, withEvidence), acceptAsKey), CITY_FINANCE_BUREAU, ['武汉市财政局']); // ASSIGNED
  // Its lead unit asks for more time (延期办理), waiting for the office's decision.
  value(
    await workflow.requestExtension(unit(CITY_FINANCE_BUREAU), {
      proposalId: gid(ipAssigned),
      until: workflow.addMonthsClamped(ipAssigned.assignedOn!, 5),
      reason: '风险补偿资金池扩容须会同市财政局测算资金规模，并报市政府常务会议审定。',
    }),
    'request extension',
  );
  const talent = await draft(a, { subject: '关于简化股权奖励个人所得税分期缴纳手续的提案', policyRequestIds: [toGlobalId('PolicyRequest', requests.talent.id)] });
  // Personal income tax is the tax bureau's (国家税务总局武汉市税务局), not the finance bureau's.
  const talentAssigned = await assign(await review(await submit(a, talent), accept), CITY_TAX_BUREAU);
  await reply(talentAssigned, CITY_TAX_BUREAU, ReplyCategory.BEING_ADDRESSED, '已梳理股权奖励个人所得税分期缴纳的办理流程，拟于下半年推出电子税务局线上办理。'); // REPLIED
  const overdue = await assign(await review(await submit(b, await draft(b, { subject: '关于支持高校院所科技成果处置权改革的提案' })), accept), '武汉市科学技术局');
  // Assigned long ago and still unanswered: overdue (its due date moved back as time would have).
  await em.execute(`update proposal set due_on = current_date - 10 where id = ?`, [overdue.id]);

  // The NEEQ request, carried from the city to the province to the nation, each level answering.
  const carrier = members[0]!;
  const neeqSubject = '关于支持东湖高新区企业进入新三板首批扩大试点的提案';
  let city = await draft(carrier, {
    subject: neeqSubject,
    reasons: '东湖高新区是国家自主创新示范区，区内高新技术企业众多，但直接融资渠道有限。新三板试点为科技型中小企业提供了股份转让和融资平台。',
    recommendations: '一、争取区内企业纳入首批扩大试点；二、设立挂牌补贴；三、建立主办券商对接机制。',
    policyRequestIds: [toGlobalId('PolicyRequest', requests.neeq.id)],
    isComplex: true,
  });
  await evidence(carrier, city, { portfolioFilter: { instrumentKinds: [InstrumentKind.NEEQ_LISTING] } });
  // The listed enterprise it cites is named, deliberately: the other evidence only counts.
  city = await evidence(carrier, city, { creditCode: hust }, true);
  city = await assign(await review(await submit(carrier, city), acceptAsKey), CITY_FINANCE_BUREAU, ['东湖新技术开发区管理委员会']);
  value(await workflow.submitCoHandlerOpinion(unit('东湖新技术开发区管理委员会'), { proposalId: gid(city), text: '管委会已建立挂牌企业后备库并给予补贴。' }), 'co-handler opinion');
  city = await reply(city, CITY_FINANCE_BUREAU, ReplyCategory.FOR_REFERENCE, '扩大试点范围须由国家层面决定，已向上级反映。');
  city = await rate(carrier, city, Satisfaction.BASICALLY_SATISFIED); // CLOSED at the city
  let province = await escalate(carrier, city, CppccLevel.PROVINCIAL, false);
  province = await assign(await review(await submit(carrier, province), acceptAsKey), '湖北省地方金融管理局', ['湖北省科学技术厅']);
  province = await reply(province, '湖北省地方金融管理局', ReplyCategory.BEING_ADDRESSED, '省政府已向证监会致函，支持东湖高新区纳入扩大试点。');
  province = await rate(carrier, province, Satisfaction.SATISFIED);
  let nation = await escalate(carrier, province, CppccLevel.NATIONAL, true);
  nation = await assign(await review(await submit(carrier, nation), acceptAsKey), '中国证券监督管理委员会', ['科学技术部']);
  await reply(nation, '中国证券监督管理委员会', ReplyCategory.RESOLVED_OR_ADOPTED, '经国务院批准，东湖、上海张江、天津滨海高新区纳入新三板首批扩大试点。');
}
